/**
 * @module SLA deadlines: the instant at which a number of working minutes on a business calendar has
 * elapsed. Walks local days, but jumps over runs of ordinary weeks by the weekly total, so a deadline a
 * year out costs a handful of steps per holiday, make-up workday and DST switch, not one per minute.
 */
import type { CalendarDefinition } from './calendar-definition.schema';
import {
  compileCalendar,
  dayOfInstant,
  MINUTE_MS,
  nextExceptionDay,
  ordinaryWeeksFrom,
  toEpochMs,
  windowInstantsOfDay,
} from './day-windows';

/**
 * How far ahead a deadline is looked for. Far beyond any SLA, it turns an absurd budget on a sparse
 * calendar into an error instead of a walk towards the end of representable time.
 */
const SEARCH_HORIZON_YEARS = 200;
const SEARCH_HORIZON_DAYS = Math.ceil(SEARCH_HORIZON_YEARS * 365.25);

/**
 * The instant when `minutes` of working time on `calendar` have elapsed after `start`.
 *
 * - Counting begins at `start` if it is inside a working window, else at the next window's start.
 * - `minutes = 0` gives the first working instant at or after `start` (a window's end is not working).
 * - For `minutes > 0` the result is inside a window or exactly at the end of the window that used up
 *   the last minute — never at the start of the next one.
 * - `minutes` is rounded to the millisecond, as is the result. Negative minutes are refused.
 *
 * Throws an `Error` when the calendar has no working time from `start` on (no weekly window and no
 * make-up workday ahead), which `checkCalendarDefinition` prevents for authored calendars, and a
 * `RangeError` when the deadline would lie more than 200 years out.
 */
export function addBusinessTime(calendar: CalendarDefinition, start: Date | number, minutes: number): Date {
  const startMs = toEpochMs(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  const cal = compileCalendar(calendar);
  let remaining = Math.round(minutes * MINUTE_MS);
  let day = dayOfInstant(cal, startMs);
  const horizon = day + SEARCH_HORIZON_DAYS;
  let first = true;
  for (;;) {
    if (day > horizon) {
      throw new RangeError(
        `no deadline within ${SEARCH_HORIZON_YEARS} years: ${minutes} working minutes on calendar "${calendar.key ?? calendar.timezone}"`,
      );
    }
    if (!first) {
      // Jump over ordinary weeks, always leaving some time to place within a real window: stopping on
      // an exact multiple would land on the next window's start instead of the last window's end.
      let maxWeeks: number;
      if (cal.weekTotalMs > 0) {
        maxWeeks = Math.floor((remaining - 1) / cal.weekTotalMs);
      } else {
        const next = nextExceptionDay(cal, day);
        if (next === undefined) {
          throw new Error(
            `calendar "${calendar.key ?? calendar.timezone}" has no working time after ${new Date(startMs).toISOString()}` +
              ' (no weekly window and no make-up workday ahead)',
          );
        }
        maxWeeks = Math.floor((next - day) / 7);
      }
      const weeks = ordinaryWeeksFrom(cal, day, maxWeeks);
      if (weeks > 0) {
        remaining -= weeks * cal.weekTotalMs;
        day += weeks * 7;
      }
    }
    for (const [s, e] of windowInstantsOfDay(cal, day)) {
      // Clamped on every day, not just the first: where clocks fall back across midnight, the start can
      // read as the previous date while the next date's first window has already begun.
      const from = Math.max(s, startMs);
      if (from >= e) continue;
      if (remaining <= e - from) return new Date(from + remaining);
      remaining -= e - from;
    }
    first = false;
    day += 1;
  }
}
