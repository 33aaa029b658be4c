/**
 * @module Stopping an SLA clock when the ticket leaves its stage (or span): `met` when it finished
 * within the budget, `stopped` with outcome `breached` when late, `cancelled` when the flow ended in a
 * cancelling stage. Pending timers are cancelled, so no timer outlives its clock.
 */
import { checkpointClock } from './clock-reading';
import { iso, recordClockEvent, type ClockScope, type ClockState } from './clock-state';
import { breachClock } from './escalate-clock';
import { cancelTimers } from './schedule-timers';

export function stopClock(clock: ClockState, scope: ClockScope, cancelled = false): void {
  if (clock.status !== 'running' && clock.status !== 'paused') return;
  const reading = checkpointClock(clock, scope.calendar, scope.now);
  cancelTimers(clock, scope);
  // A breach timer the runtime has not delivered yet (a worker lagging) must not turn into "met".
  if (!cancelled && !clock.breached && reading.business > clock.targetMinutes)
    breachClock(clock, scope, reading);
  const outcome = cancelled ? 'cancelled' : clock.breached ? 'breached' : 'met';
  clock.status = cancelled ? 'cancelled' : 'stopped';
  clock.outcome = outcome;
  clock.since = null;
  clock.pausedAt = null;
  clock.endedAt = iso(scope.now);
  // The stop line keeps the due instant the clock had, so "met 5 minutes early" can be read off it.
  recordClockEvent(clock, scope, cancelled ? 'cancelled' : outcome === 'met' ? 'met' : 'stopped', reading, {
    outcome,
  });
  clock.due = null;
}
