/**
 * @module The persisted state of one SLA clock run, and the one place its history and `sla` effects are
 * written. Everything is plain JSON (ISO strings, numbers), so it survives the snapshot's round trip
 * through the database and `explainClock` can replay a clock without the calendar.
 */
import type { CalendarDefinition } from '../../calendars/calendar-definition.schema';
import type { FlowActionDefinition, SlaPolicy } from '../flow-definition.schema';
import type { FlowEffect, SlaEffect, SlaEventName } from '../flow-effects';

export type ClockStatus = 'running' | 'paused' | 'stopped' | 'cancelled';

/** A timer this clock has asked the runtime to hold; it leaves the list when it fires or is cancelled. */
export interface PendingTimer {
  id: string;
  due: string;
  kind: 'warning' | 'breach';
  fraction?: number;
}

/** One line of a clock's history: what happened, when, and the readings at that moment. */
export interface ClockHistoryEntry {
  event: SlaEventName | 'warning-skipped';
  at: string;
  stage: string;
  due: string | null;
  targetMinutes: number;
  businessElapsedMinutes: number;
  wallElapsedMinutes: number;
  fraction?: number;
  previousTargetMinutes?: number;
  previousDue?: string | null;
  mode?: 'restart' | 'keep-elapsed';
  outcome?: 'met' | 'breached' | 'cancelled';
}

export interface ClockState {
  /** The policy key. */
  clock: string;
  /** 1 for the first run of this policy in the instance, 2 when its stage is entered again, ... */
  run: number;
  /** Bumped whenever the pending timers are replaced, so replaced timers have other ids. */
  generation: number;
  status: ClockStatus;
  calendar: string;
  startedAt: string;
  startedIn: string;
  targetMinutes: number;
  /** Index of the policy target that applies. */
  targetIndex: number;
  /** Business / wall minutes counted up to `since` (paused time excluded from both). */
  businessMinutes: number;
  wallMinutes: number;
  /** Start of the current running segment; `null` while paused or stopped. */
  since: string | null;
  pausedAt: string | null;
  pausedWallMinutes: number;
  pausedBusinessMinutes: number;
  /** When the clock breaches if nothing changes; `null` while paused or stopped. */
  due: string | null;
  warned: number[];
  breached: boolean;
  endedAt: string | null;
  outcome: 'met' | 'breached' | 'cancelled' | null;
  timers: PendingTimer[];
  history: ClockHistoryEntry[];
}

/** What a clock operation needs besides the clock: its policy, calendar, the time and where effects go. */
export interface ClockScope {
  policy: SlaPolicy;
  calendar: CalendarDefinition;
  actions: Record<string, FlowActionDefinition>;
  /** Epoch ms of the step. */
  now: number;
  /** The stage the instance is in (after the step). */
  stage: string;
  effects: FlowEffect[];
}

export function isActive(clock: ClockState): boolean {
  return clock.status === 'running' || clock.status === 'paused';
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Rounds to the millisecond's share of a minute, so JSON readings stay short and stable. */
export const roundMinutes = (minutes: number): number => Math.round(minutes * 60_000) / 60_000;

type Extra = Pick<
  ClockHistoryEntry,
  'fraction' | 'previousTargetMinutes' | 'previousDue' | 'mode' | 'outcome'
>;

/**
 * Appends a history line and, for every event except `warning-skipped`, the matching `sla` effect.
 * `reading` is the clock's elapsed time at `scope.now`.
 */
export function recordClockEvent(
  clock: ClockState,
  scope: ClockScope,
  event: ClockHistoryEntry['event'],
  reading: { business: number; wall: number },
  extra: Extra = {},
): void {
  const entry: ClockHistoryEntry = {
    event,
    at: iso(scope.now),
    stage: scope.stage,
    due: clock.due,
    targetMinutes: clock.targetMinutes,
    businessElapsedMinutes: roundMinutes(reading.business),
    wallElapsedMinutes: roundMinutes(reading.wall),
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (entry as unknown as Record<string, unknown>)[key] = value;
  }
  clock.history.push(entry);
  if (event === 'warning-skipped') return;
  const { event: _event, ...rest } = entry;
  const effect: SlaEffect = { type: 'sla', event, clock: clock.clock, run: clock.run, ...rest };
  scope.effects.push(effect);
}
