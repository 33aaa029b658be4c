/**
 * @module The effects a flow step returns, as plain JSON. The engine carries none of them out: the
 * runtime saves them with the snapshot in one transaction, then turns timers into rows of its durable
 * timers table, assignments into inbox tasks, named actions into its action registry's work.
 */
import type { AfterTimerEvent, SlaTimerEvent } from './flow-event';

/** Schedule a durable timer; `id` is deterministic, so storing it under a unique key makes retries safe. */
export interface ScheduleTimerEffect {
  type: 'schedule-timer';
  id: string;
  /** Absolute ISO instant, computed on the clock's (or the delay's) business calendar or wall clock. */
  due: string;
  /** What to `send` back when it fires: an SLA warning / breach, or a stage's delayed transition. */
  event: SlaTimerEvent | AfterTimerEvent;
}

export interface CancelTimerEffect {
  type: 'cancel-timer';
  id: string;
}

export type SlaEventName =
  'started' | 'paused' | 'resumed' | 'warning' | 'breached' | 'retargeted' | 'met' | 'stopped' | 'cancelled';

/** Something happened to an SLA clock; the runtime records it (and `sla_clocks` mirrors it). */
export interface SlaEffect {
  type: 'sla';
  event: SlaEventName;
  /** The policy key. */
  clock: string;
  /** Which run of the clock (a stage re-entered later starts run 2). */
  run: number;
  /** The stage the instance is in after the step. */
  stage: string;
  at: string;
  /** When the clock will breach if nothing changes; `null` while paused or once stopped. */
  due: string | null;
  targetMinutes: number;
  businessElapsedMinutes: number;
  wallElapsedMinutes: number;
  fraction?: number;
  /** On `retargeted`: the values before and the policy's choice. */
  previousDue?: string | null;
  previousTargetMinutes?: number;
  mode?: 'restart' | 'keep-elapsed';
  /** On `stopped` / `met` / `cancelled`: how the clock ended. */
  outcome?: 'met' | 'breached' | 'cancelled';
}

export interface AssignEffect {
  type: 'assign';
  stage: string;
  owner: { role: string; strategy?: string };
}

export interface StageEffect {
  type: 'stage-entered' | 'stage-exited';
  stage: string;
}

/** A named action of the definition to carry out (`kind` is its registered type, e.g. `notify`). */
export interface ActionEffect {
  type: 'action';
  name: string;
  kind: string;
  params: Record<string, unknown>;
  /** Set for escalations: the clock and what triggered them. */
  cause?: { clock: string; event: 'warning' | 'breached'; fraction?: number };
}

export type FlowEffect =
  ScheduleTimerEffect | CancelTimerEffect | SlaEffect | AssignEffect | StageEffect | ActionEffect;
