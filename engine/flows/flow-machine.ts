/**
 * @module Builds the XState machine a flow steps with: the definition's `machine` config unchanged,
 * with `setup({ guards, actions })` supplying the named implementations (JSON-Logic guards, no-op
 * actions: actions are effects for the runtime, never run here) and the initial context taken from the
 * start input. Also reads stages from XState state values.
 */
import { setup, type AnyStateMachine, type StateValue } from 'xstate';
import type { FlowDefinition } from './flow-definition.schema';
import type { FlowContext, FlowEvent } from './flow-event';
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
  const actions: Record<string, () => void> = {};
  for (const name of names.actions) actions[name] = () => undefined;
  // The config is JSON the meta-schema accepted; XState's config type is too recursive to check it
  // statically, so it is handed over as the plain object it is.
  const config = { ...(def.machine as object), context: ({ input }: { input: FlowContext }) => input };
  return setup({ guards, actions } as never).createMachine(config as never) as unknown as AnyStateMachine;
}

/** The stage of a state value: flows are flat, so the value is the stage key. */
export function stageOfValue(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [first] = Object.keys(value);
  return first ?? '';
}
