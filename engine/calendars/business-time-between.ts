/**
 * @module Elapsed working time between two instants on a business calendar: the business-time half of
 * every SLA clock reading. Skips runs of ordinary weeks by the weekly total, like `addBusinessTime`.
 */
import type { CalendarDefinition } from './calendar-definition.schema';
import {
  compileCalendar,
  dayOfInstant,
  MINUTE_MS,
  ordinaryWeeksFrom,
  toEpochMs,
  windowInstantsOfDay,
} from './day-windows';

/**
 * Working minutes on `calendar` between `from` and `to` (fractional to the millisecond; negative when
 * `to` is before `from`). Inverse of `addBusinessTime`:
 * `businessTimeBetween(c, s, addBusinessTime(c, s, m)) === m` for whole-millisecond `m`.
 */
export function businessTimeBetween(
  calendar: CalendarDefinition,
  from: Date | number,
  to: Date | number,
): number {
  const fromMs = toEpochMs(from, 'from');
  const toMs = toEpochMs(to, 'to');
  if (toMs < fromMs) return -businessTimeBetween(calendar, toMs, fromMs);
  const cal = compileCalendar(calendar);
  const firstDay = dayOfInstant(cal, fromMs);
  const lastDay = dayOfInstant(cal, toMs);
  let totalMs = 0;
  let day = firstDay;
  while (day <= lastDay) {
    // Days strictly between the first and the last are whole, so ordinary weeks among them count in full.
    if (day > firstDay && cal.weekTotalMs > 0) {
      const weeks = ordinaryWeeksFrom(cal, day, Math.floor((lastDay - day) / 7));
      if (weeks > 0) {
        totalMs += weeks * cal.weekTotalMs;
        day += weeks * 7;
        continue;
      }
    }
    for (const [s, e] of windowInstantsOfDay(cal, day)) {
      const overlap = Math.min(e, toMs) - Math.max(s, fromMs);
      if (overlap > 0) totalMs += overlap;
    }
    day += 1;
  }
  return totalMs / MINUTE_MS;
}
