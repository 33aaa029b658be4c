/**
 * @module Builds the XState machine a flow steps with: the definition's `machine` config (unchanged but
 * for delayed transitions, below), with `setup({ guards, actions })` supplying the named
 * implementations (JSON-Logic guards, no-op actions: actions are effects for the runtime, never run
 * here) and the initial context taken from the start input. Also reads stages from XState state values.
 *
 * Delayed (`after`) transitions are the one part handed over translated. In a pure transition XState's
 * own `after` only yields `xstate.raise` / `xstate.cancel` actions with a millisecond delay (and a named
 * delay without an implementation fires at once), which can neither count business time nor survive
 * in a database. So each stage's `after` entries become transitions on the internal
 * `flow.after` event, guarded by the delay's name (and the author's guard, if any); the engine
 * schedules the durable timers itself (`after/after-timers`) and sends that event when one fires.
 */
import { setup, type AnyStateMachine, type StateValue } from 'xstate';
import type { FlowDefinition, FlowStageConfig } from './flow-definition.schema';
import { AFTER_TIMER_EVENT, type FlowContext, type FlowEvent } from './flow-event';
import { evaluateGuard } from './evaluate-guard';
import { stageActions, stageTransitions } from './flow-structure';

type GuardImplementation = (args: { context: FlowContext; event: FlowEvent }, params: unknown) => boolean;

/** Every guard and action name the machine references (defined or not), so XState never lacks one. */
function referencedNames(def: FlowDefinition): { guards: Set<string>; actions: Set<string> } {
  const guards = new Set(Object.keys(def.guards ?? {}));
  const actions = new Set(Object.keys(def.actions ?? {}));
  for (const [stage, config] of Object.entries(def.machine.states)) {
    for (const t of stageTransitions(stage, config)) {
      if (t.guard) guards.add(t.guard.name);
      for (const a of t.actions) actions.add(a.name);
    }
    for (const a of stageActions(stage, config)) actions.add(a.name);
  }
  return { guards, actions };
}

/** The internal guard of a translated delayed transition: `{ delay, guard? }` params. */
const AFTER_GUARD = '$after';

type GuardReference = string | { type: string; params?: Record<string, unknown> };

function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** `stage` with its `after` entries moved to transitions on `flow.after`, each checking its delay. */
function translateDelays(config: FlowStageConfig): object {
  if (config.after === undefined) return config;
  const { after, ...rest } = config;
  const delayed = Object.entries(after).flatMap(([delay, value]) =>
    asArray(value).map((t) => {
      const transition = typeof t === 'string' ? { target: t } : t;
      const params: { delay: string; guard?: GuardReference } = { delay };
      if (transition.guard !== undefined) params.guard = transition.guard;
      return { ...transition, guard: { type: AFTER_GUARD, params } };
    }),
  );
  return { ...rest, on: { ...(rest.on ?? {}), [AFTER_TIMER_EVENT]: delayed } };
}

export function buildFlowMachine(def: FlowDefinition): AnyStateMachine {
  const names = referencedNames(def);
  const guards: Record<string, GuardImplementation> = {};
  for (const name of names.guards) {
    const logic =
      def.guards && Object.prototype.hasOwnProperty.call(def.guards, name) ? def.guards[name] : undefined;
    // An undefined guard (a draft the checker would flag) never passes.
    guards[name] =
      logic === undefined
        ? () => false
        : ({ context, event }, params) => evaluateGuard(logic, context, event, params);
  }
  guards[AFTER_GUARD] = (args, params) => {
    const { delay, guard } = params as { delay: string; guard?: GuardReference };
    if (args.event.delay !== delay) return false;
    if (guard === undefined) return true;
    const name = typeof guard === 'string' ? guard : guard.type;
    const implementation = Object.prototype.hasOwnProperty.call(guards, name) ? guards[name] : undefined;
    return implementation
      ? implementation(args, typeof guard === 'string' ? undefined : guard.params)
      : false;
  };
  const actions: Record<string, () => void> = {};
  for (const name of names.actions) actions[name] = () => undefined;
  const states = Object.fromEntries(
    Object.entries(def.machine.states).map(([stage, config]) => [stage, translateDelays(config)]),
  );
  // The config is JSON the meta-schema accepted; XState's config type is too recursive to check it
  // statically, so it is handed over as the plain object it is.
  const config = {
    ...(def.machine as object),
    states,
    context: ({ input }: { input: FlowContext }) => input,
  };
  return setup({ guards, actions } as never).createMachine(config as never) as unknown as AnyStateMachine;
}

/** The stage of a state value: flows are flat, so the value is the stage key. */
export function stageOfValue(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [first] = Object.keys(value);
  return first ?? '';
}
