/**
 * @module Pausing and resuming an SLA clock while the ticket waits for the customer (or parts). Paused
 * time counts in neither business nor wall elapsed time, so the due instant moves by exactly the
 * business time spent waiting. Pending timers are cancelled on pause and re-computed on resume.
 */
import { businessTimeBetween } from '../../calendars/business-time-between';
import { checkpointClock } from './clock-reading';
import { iso, recordClockEvent, type ClockScope, type ClockState } from './clock-state';
import { cancelTimers, scheduleTimers } from './schedule-timers';

export function pauseClock(clock: ClockState, scope: ClockScope): void {
  if (clock.status !== 'running') return;
  const reading = checkpointClock(clock, scope.calendar, scope.now);
  cancelTimers(clock, scope);
  clock.status = 'paused';
  clock.since = null;
  clock.pausedAt = iso(scope.now);
  clock.due = null;
  clock.generation += 1;
  recordClockEvent(clock, scope, 'paused', reading);
}

export function resumeClock(clock: ClockState, scope: ClockScope): void {
  if (clock.status !== 'paused') return;
  if (clock.pausedAt !== null) {
    const pausedAt = Date.parse(clock.pausedAt);
    const to = Math.max(scope.now, pausedAt);
    clock.pausedWallMinutes += (to - pausedAt) / 60_000;
    clock.pausedBusinessMinutes += businessTimeBetween(scope.calendar, pausedAt, to);
  }
  clock.status = 'running';
  clock.pausedAt = null;
  clock.since = iso(scope.now);
  clock.generation += 1;
  const reading = { business: clock.businessMinutes, wall: clock.wallMinutes };
  scheduleTimers(clock, scope, reading, 'fire', () => recordClockEvent(clock, scope, 'resumed', reading));
}
