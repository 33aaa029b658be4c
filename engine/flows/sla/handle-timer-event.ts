/**
 * @module An SLA timer coming back from the runtime: a warning or a breach of a live clock produces its
 * `sla` effect and escalations; a stale one (its clock stopped, paused or re-targeted since, or the
 * timer already delivered) is ignored, so a timer row the runtime failed to delete does no harm.
 */
import type { SlaTimerEvent } from '../flow-event';
import { readClock } from './clock-reading';
import type { ClockScope, ClockState } from './clock-state';
import { breachClock, warnClock } from './escalate-clock';

/** The pending timer `event` names on `clock`, if it is still live. */
export function liveTimer(clock: ClockState | undefined, event: SlaTimerEvent) {
  if (!clock || clock.status !== 'running') return undefined;
  const kind = event.type === 'sla.breach' ? 'breach' : 'warning';
  return clock.timers.find((t) =>
    event.timer !== undefined
      ? t.id === event.timer
      : t.kind === kind && (kind === 'breach' || t.fraction === event.fraction),
  );
}

export type TimerOutcome = 'handled' | 'stale-timer' | 'timer-not-due';

/**
 * Handles a timer event for `clock`. `stale-timer` and `timer-not-due` (delivered before its due
 * instant, e.g. a clock skew between workers) change nothing.
 */
export function handleTimerEvent(
  clock: ClockState | undefined,
  scope: ClockScope,
  event: SlaTimerEvent,
): TimerOutcome {
  const timer = liveTimer(clock, event);
  if (!clock || !timer) return 'stale-timer';
  if (Date.parse(timer.due) > scope.now) return 'timer-not-due';
  clock.timers = clock.timers.filter((t) => t.id !== timer.id);
  const reading = readClock(clock, scope.calendar, scope.now);
  if (timer.kind === 'breach') breachClock(clock, scope, reading);
  else warnClock(clock, scope, timer.fraction as number, reading);
  return 'handled';
}
