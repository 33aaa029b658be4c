/**
 * @module The snapshot of a flow instance: XState's persisted snapshot (stage and context) plus the SLA
 * clocks and the pending timers of delayed transitions, all plain JSON. The runtime stores it as is; `send` restores the XState part with
 * `resolveState`, so a snapshot read back from the database steps exactly like the one that was saved.
 */
import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import type { AfterState } from './after/after-timers';
import type { FlowContext } from './flow-event';
import type { SlaState } from './sla/sla-state';

/** What XState's `getPersistedSnapshot` returns for a flow machine (no children, no history states). */
export interface PersistedMachineSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue;
  context: FlowContext;
  historyValue?: Record<string, unknown>;
  children?: Record<string, unknown>;
  output?: unknown;
  error?: unknown;
}

export interface FlowSnapshot {
  /** The flow definition key (and version, when the definition has one) the instance is pinned to. */
  flow: string;
  version?: number;
  /** The current stage; the same as the XState value, repeated for queries and inboxes. */
  stage: string;
  /** `done` once a final stage is reached. */
  status: 'active' | 'done';
  /** The time of the last accepted step (ISO). */
  at: string;
  machine: PersistedMachineSnapshot;
  sla: SlaState;
  /** Stage entries so far and the pending timers of delayed (`after`) transitions (absent in older snapshots). */
  after?: AfterState;
}

/** A deep, JSON-only copy: what a database round trip would give back. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function persistMachineSnapshot(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
): PersistedMachineSnapshot {
  return jsonCopy(machine.getPersistedSnapshot(snapshot)) as PersistedMachineSnapshot;
}

/** An XState snapshot from the persisted part, with `context` in place of the stored one. */
export function restoreMachineSnapshot(
  machine: AnyStateMachine,
  persisted: PersistedMachineSnapshot,
  context: FlowContext,
): AnyMachineSnapshot {
  return machine.resolveState({
    value: persisted.value,
    context,
    status: persisted.status,
  }) as AnyMachineSnapshot;
}

/** Why `snapshot` cannot be stepped by the flow `flowKey` with `stages`, or `undefined` if it can. */
export function snapshotProblem(
  snapshot: unknown,
  flowKey: string,
  stages: Record<string, unknown>,
): string | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return 'not an object';
  const s = snapshot as Partial<FlowSnapshot>;
  if (s.flow !== flowKey) return `it belongs to flow "${String(s.flow)}"`;
  if (typeof s.stage !== 'string' || !Object.prototype.hasOwnProperty.call(stages, s.stage))
    return `unknown stage "${String(s.stage)}"`;
  if (typeof s.machine !== 'object' || s.machine === null) return 'no machine snapshot';
  if (typeof s.machine.context !== 'object' || s.machine.context === null) return 'no context';
  if (typeof s.sla !== 'object' || s.sla === null || !Array.isArray(s.sla.clocks)) return 'no SLA clocks';
  if (typeof s.at !== 'string' || Number.isNaN(Date.parse(s.at))) return 'no step time';
  if (
    s.after !== undefined &&
    (typeof s.after !== 'object' ||
      s.after === null ||
      typeof s.after.entries !== 'number' ||
      !Array.isArray(s.after.timers))
  )
    return 'damaged delayed-transition timers';
  return undefined;
}
