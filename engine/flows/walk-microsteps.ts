/**
 * @module Turns XState's microsteps of one step into Closedloop effects, stage by stage: leaving a
 * stage (after its required fields are checked), what that does to the SLA clocks, the named actions
 * XState selected, entering the next stage and its owner assignment, and the timers of its delayed
 * (`after`) transitions. A step through an eventless (`always`) chain is walked hop by hop, so an
 * intermediate stage is entered and left like any other.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { StageTimers } from './after/after-timers';
import type { FlowDefinition } from './flow-definition.schema';
import type { ActionEffect, FlowEffect } from './flow-effects';
import type { FlowContext } from './flow-event';
import { stageOfValue } from './flow-machine';
import { missingRequiredFields } from './required-fields';
import { applyStageChange, type SlaEnvironment } from './sla/apply-stage-change';
import type { SlaState } from './sla/sla-state';

/** An action as XState returns it from a pure transition. */
interface SelectedAction {
  type: string;
  params?: unknown;
}

export type WalkResult =
  { ok: true; stage: string; last: AnyMachineSnapshot } | { ok: false; stage: string; missing: string[] };

function actionEffect(def: FlowDefinition, action: SelectedAction): ActionEffect | undefined {
  // XState's own actions (none can be written in JSON today) are not the runtime's business.
  if (action.type.startsWith('xstate.')) return undefined;
  const defined =
    def.actions && Object.prototype.hasOwnProperty.call(def.actions, action.type)
      ? def.actions[action.type]
      : undefined;
  const inline =
    typeof action.params === 'object' && action.params !== null
      ? (action.params as Record<string, unknown>)
      : {};
  return {
    type: 'action',
    name: action.type,
    kind: defined?.type ?? action.type,
    params: { ...(defined?.params ?? {}), ...inline },
  };
}

/** Ends the flow in `stage`? `cancelled` when its `meta.outcome` says so. */
function ending(
  def: FlowDefinition,
  snapshot: AnyMachineSnapshot,
  stage: string,
): 'none' | 'completed' | 'cancelled' {
  if (snapshot.status !== 'done') return 'none';
  return def.machine.states[stage]?.meta?.outcome === 'cancelled' ? 'cancelled' : 'completed';
}

/**
 * Whether moving into `to` completes the stage being left. Parking a ticket to wait for the customer,
 * or cancelling it, is not completing the work, so the stage's required fields are not demanded then.
 */
function completesStage(def: FlowDefinition, to: string): boolean {
  const meta = def.machine.states[to]?.meta;
  return meta?.waiting !== true && meta?.outcome !== 'cancelled';
}

export function enterStage(
  def: FlowDefinition,
  sla: SlaState,
  env: SlaEnvironment,
  snapshot: AnyMachineSnapshot,
  stage: string,
  context: FlowContext,
  actions: readonly SelectedAction[],
  timers: StageTimers,
): void {
  applyStageChange(sla, env, stage, ending(def, snapshot, stage), context);
  pushActions(def, env.effects, actions);
  env.effects.push({ type: 'stage-entered', stage });
  const owner = def.machine.states[stage]?.meta?.owner;
  if (owner) env.effects.push({ type: 'assign', stage, owner: { ...owner } });
  timers.enter(stage, snapshot.status === 'done');
}

function pushActions(def: FlowDefinition, effects: FlowEffect[], actions: readonly SelectedAction[]): void {
  for (const action of actions) {
    const effect = actionEffect(def, action);
    if (effect) effects.push(effect);
  }
}

/**
 * Walks `steps` from stage `from`, pushing effects into `env.effects` and changing `sla` and the
 * timers in place. Stops with the missing fields when a stage would be left without them, unless
 * `requireFields` is false: a delayed transition is the system acting when nobody did, so there is
 * no one to ask for the fields, and refusing would strand the ticket with its timer spent.
 */
export function walkMicrosteps(
  def: FlowDefinition,
  sla: SlaState,
  env: SlaEnvironment,
  from: string,
  steps: readonly [AnyMachineSnapshot, readonly SelectedAction[]][],
  context: FlowContext,
  timers: StageTimers,
  requireFields = true,
): WalkResult {
  let stage = from;
  let last: AnyMachineSnapshot | undefined;
  for (const [snapshot, actions] of steps) {
    last = snapshot;
    const to = stageOfValue(snapshot.value);
    if (to === stage) {
      pushActions(def, env.effects, actions);
      continue;
    }
    const missing =
      requireFields && completesStage(def, to)
        ? missingRequiredFields(def.machine.states[stage], context.data)
        : [];
    if (missing.length > 0) return { ok: false, stage, missing };
    env.effects.push({ type: 'stage-exited', stage });
    timers.leave(stage);
    enterStage(def, sla, env, snapshot, to, context, actions, timers);
    stage = to;
  }
  if (!last) throw new Error('XState returned no microstep');
  return { ok: true, stage, last };
}
