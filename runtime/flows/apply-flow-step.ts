/**
 * @module The one place a flow step is persisted — by submit, update, events and the timer sweeper
 * alike: the instance's snapshot, then every effect in the order the engine returned them (timers,
 * SLA clock rows and events, stage changes, assignments, requested actions), then the step's events
 * and the record's columns (stage, assignee, resolution) — each in one statement at the end, since
 * statements, not rows, are what a step costs. It runs inside the caller's transaction, so a step is
 * stored whole or not at all.
 */
import type {
  CancelTimerEffect,
  FlowEffect,
  FlowSnapshot,
  ScheduleTimerEffect,
  SlaEffect,
} from '../../engine';
import { writeJson } from '../storage/json-value';
import { requestAction } from './effects/action-effect';
import { assignOwner } from './effects/assign-effect';
import { recordSla, recordSlaEffects } from './effects/sla-effect';
import { recordStageChange } from './effects/stage-effects';
import { cancelTimer, cancelTimers, scheduleTimer, scheduleTimers } from './effects/timer-effects';
import { appendStepEvent, writeStepEvents, type StepScope } from './step-scope';

export interface FlowStep {
  snapshot: FlowSnapshot;
  effects: FlowEffect[];
}

async function carryOut(scope: StepScope, effect: FlowEffect, snapshot: FlowSnapshot): Promise<void> {
  switch (effect.type) {
    case 'schedule-timer':
      return scheduleTimer(scope, effect);
    case 'cancel-timer':
      return cancelTimer(scope, effect);
    case 'sla':
      return recordSla(scope, effect, snapshot);
    case 'stage-entered':
    case 'stage-exited':
      return recordStageChange(scope, effect);
    case 'assign':
      return assignOwner(scope, effect);
    case 'action':
      return requestAction(scope, effect, snapshot.stage);
    default: {
      // An effect kind this runtime does not know yet is kept on the record, not dropped.
      const unknown = effect as { type: string };
      await appendStepEvent(scope, {
        stream: 'record',
        streamId: scope.recordId,
        type: 'flow.effect',
        actor: scope.actor,
        at: scope.now,
        payload: { ...unknown, form: scope.formKey },
      });
    }
  }
}

/**
 * Effects carried out together, one statement for a run of them: consecutive timers scheduled (one
 * multi-row insert), consecutive timers cancelled (one delete), consecutive SLA effects of distinct
 * clock runs (one upsert). The rows and events are the ones effect-by-effect handling writes, in the
 * same order; a step typically cancels three timers, moves two clocks and schedules three timers.
 */
type EffectRun =
  | { type: 'schedule-timer'; effects: ScheduleTimerEffect[] }
  | { type: 'cancel-timer'; effects: CancelTimerEffect[] }
  | { type: 'sla'; effects: SlaEffect[] }
  | { type: 'one'; effect: FlowEffect };

function effectRuns(effects: FlowEffect[]): EffectRun[] {
  const runs: EffectRun[] = [];
  for (const effect of effects) {
    const last = runs[runs.length - 1];
    if (effect.type === 'schedule-timer' || effect.type === 'cancel-timer') {
      if (last?.type === effect.type) (last.effects as FlowEffect[]).push(effect);
      else runs.push({ type: effect.type, effects: [effect] } as EffectRun);
    } else if (effect.type === 'sla') {
      // One upsert may not touch a row twice: the same clock run again starts a new statement.
      const sameRun = (e: SlaEffect) => e.clock === effect.clock && e.run === effect.run;
      if (last?.type === 'sla' && !last.effects.some(sameRun)) last.effects.push(effect);
      else runs.push({ type: 'sla', effects: [effect] });
    } else runs.push({ type: 'one', effect });
  }
  return runs;
}

async function carryOutRun(scope: StepScope, run: EffectRun, snapshot: FlowSnapshot): Promise<void> {
  switch (run.type) {
    case 'schedule-timer':
      return scheduleTimers(scope, run.effects);
    case 'cancel-timer':
      return cancelTimers(scope, run.effects);
    case 'sla':
      return recordSlaEffects(scope, run.effects, snapshot);
    default:
      return carryOut(scope, run.effect, snapshot);
  }
}

/**
 * Saves `step.snapshot` (inserting the instance when `isNew`) and carries out its effects. Events the
 * caller has already collected in `given.pendingEvents` (the event that caused the step) are written
 * first, in the same statement as the step's own.
 */
export async function applyFlowStep(given: StepScope, step: FlowStep, isNew: boolean): Promise<void> {
  // The effects' events are written together, in their order (see `StepScope.pendingEvents`).
  const scope: StepScope = { ...given, pendingEvents: given.pendingEvents ?? [], recordColumns: {} };
  const { trx } = scope;
  const { snapshot } = step;
  const row = { snapshot: writeJson(snapshot), status: snapshot.status, updated_at: scope.now };
  if (isNew) {
    await trx('flow_instances').insert({
      record_id: scope.recordId,
      flow_key: scope.flowKey,
      flow_version: scope.flowVersion,
      ...row,
    });
  } else {
    await trx('flow_instances').where({ record_id: scope.recordId }).update(row);
  }
  for (const run of effectRuns(step.effects)) await carryOutRun(scope, run, snapshot);
  await writeStepEvents(scope);
  const columns: Record<string, unknown> = { ...scope.recordColumns };
  const outcome = scope.definition.machine.states[snapshot.stage]?.meta?.outcome;
  // Resolved once: a record resolved before keeps its first resolution instant.
  if (snapshot.status === 'done' && outcome !== 'cancelled') {
    columns.resolved_at = trx.raw('coalesce(resolved_at, ?)', [scope.now]);
  }
  if (Object.keys(columns).length > 0) await trx('records').where({ id: scope.recordId }).update(columns);
}
