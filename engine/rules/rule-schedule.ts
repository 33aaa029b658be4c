/**
 * @module When a scheduled rule runs: every day / week (Mondays) / month (the 1st) at a wall time in
 * the rule's zone. The runtime keeps the next tick as a timer; the dry run replays the ticks.
 */
import { addDays, instantAt, toLocalDate, weekdayOf, type LocalDate } from '../time/zoned-time';
import type { RuleTrigger } from './rule-definition.schema';

export type RuleSchedule = Extract<RuleTrigger, { type: 'schedule' }>['schedule'];

function isRunDay(schedule: RuleSchedule, date: LocalDate): boolean {
  if (schedule.every === 'day') return true;
  if (schedule.every === 'week') return weekdayOf(date) === 1;
  return date.endsWith('-01');
}

/** Scheduled instants (epoch ms) in `[from, to)`, in order. */
export function scheduleTicks(schedule: RuleSchedule, timezone: string, from: number, to: number): number[] {
  const ticks: number[] = [];
  // Start a day early: the first local date's tick may fall before `from` in UTC terms or not.
  for (let date = addDays(toLocalDate(from, timezone), -1); ; date = addDays(date, 1)) {
    const at = instantAt(date, schedule.at, timezone);
    if (at >= to) break;
    if (at >= from && isRunDay(schedule, date)) ticks.push(at);
  }
  return ticks;
}

/** The first scheduled instant strictly after `after`. */
export function nextScheduledAt(schedule: RuleSchedule, timezone: string, after: number): number {
  for (let date = toLocalDate(after, timezone); ; date = addDays(date, 1)) {
    const at = instantAt(date, schedule.at, timezone);
    if (at > after && isRunDay(schedule, date)) return at;
  }
}
