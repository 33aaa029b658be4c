/**
 * @module Reading an SLA clock: business minutes on its calendar and wall minutes, paused time
 * excluded from both. `checkpointClock` folds the running segment into the totals, so every later
 * computation (timers, re-targeting) starts from "now" and never re-reads the past.
 */
import { businessTimeBetween } from '../../calendars/business-time-between';
import type { CalendarDefinition } from '../../calendars/calendar-definition.schema';
import { iso, type ClockState } from './clock-state';

export interface ClockReading {
  business: number;
  wall: number;
}

/** Elapsed business and wall minutes of `clock` at `now`. */
export function readClock(clock: ClockState, calendar: CalendarDefinition, now: number): ClockReading {
  if (clock.status !== 'running' || clock.since === null)
    return { business: clock.businessMinutes, wall: clock.wallMinutes };
  const since = Date.parse(clock.since);
  const to = Math.max(now, since);
  return {
    business: clock.businessMinutes + businessTimeBetween(calendar, since, to),
    wall: clock.wallMinutes + (to - since) / 60_000,
  };
}

/** Folds the running segment up to `now` into the totals; returns the reading. */
export function checkpointClock(clock: ClockState, calendar: CalendarDefinition, now: number): ClockReading {
  const reading = readClock(clock, calendar, now);
  if (clock.status === 'running') {
    clock.businessMinutes = reading.business;
    clock.wallMinutes = reading.wall;
    clock.since = iso(Math.max(now, clock.since === null ? now : Date.parse(clock.since)));
  }
  return reading;
}
