/**
 * @module The aggregate window of a moment, in the rule's time zone: a calendar day, ISO week (Monday
 * first) or month, or the N local days ending on that moment's date. The runtime computes aggregates
 * over `[start, end)` in SQL; the key names the window in idempotency keys.
 *
 * A calendar window's `offset` counts whole windows back from the one holding the moment: a monthly
 * review run on 1 December with offset −1 looks at November (`2026-11`) — the last complete month —
 * rather than the few hours of December so far; a daily 08:00 digest with −1 reads yesterday, a
 * Monday check last week. For an event-triggered rule the moment is the record's date, so −1 is the
 * period before the one the record belongs to ("last month" as seen from that record). The key is
 * the shifted window's own name, whatever the offset, so one window keeps one key. Records are
 * still placed by their own date: a back-dated record counts in the window its date belongs to.
 */
import { toEpoch } from '../expressions/date-operations';
import {
  addDays,
  formatLocalDate,
  instantAt,
  parseLocalDate,
  toLocalDate,
  weekdayOf,
  type LocalDate,
} from '../time/zoned-time';
import type { RuleWindow } from './rule-definition.schema';

export interface WindowInfo {
  /**
   * `2026-10-07` (day), `2026-W41` (ISO week), `2026-10` (month), `rolling30:2026-10-07` (rolling): the
   * window's own name, also when an offset reached it.
   */
  key: string;
  /** First instant inside the window, ISO 8601 UTC. */
  start: string;
  /** First instant after the window (exclusive), ISO 8601 UTC. */
  end: string;
}

/** A moment as the rule API accepts it: ISO string, epoch ms or Date. */
export type Moment = string | number | Date;

/** Epoch ms of a moment; throws on garbage, since callers pass system timestamps. */
export function momentMs(moment: Moment): number {
  const ms =
    moment instanceof Date ? moment.getTime() : typeof moment === 'number' ? moment : Date.parse(moment);
  if (!Number.isFinite(ms)) throw new Error(`not a timestamp: ${String(moment)}`);
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Local midnight starting `date` in `timezone`. */
function midnight(date: LocalDate, timezone: string): number {
  return instantAt(date, '00:00', timezone);
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** ISO 8601 week key: the week belongs to the year of its Thursday (2027-01-01 is in `2026-W53`). */
export function isoWeekKey(date: LocalDate): string {
  const thursday = addDays(mondayOf(date), 3);
  const { year } = parseLocalDate(thursday);
  const dayOfYear = (Date.parse(thursday + 'T00:00:00Z') - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const week = Math.floor((dayOfYear - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The first day of month `month` of `year`, where months past 12 or below 1 roll into other years. */
function firstOfMonth(year: number, month: number): LocalDate {
  const index = year * 12 + (month - 1);
  return formatLocalDate(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
}

type CalendarUnit = Extract<RuleWindow, { type: 'calendar' }>['unit'];

/**
 * The calendar window `offset` windows away from the one holding `date` (−1: the one before): its
 * first day, the day after it, and its key.
 */
function calendarDays(
  unit: CalendarUnit,
  date: LocalDate,
  offset: number,
): { first: LocalDate; next: LocalDate; key: string } {
  switch (unit) {
    case 'day': {
      const first = addDays(date, offset);
      return { first, next: addDays(first, 1), key: first };
    }
    case 'week': {
      const first = addDays(mondayOf(date), 7 * offset);
      return { first, next: addDays(first, 7), key: isoWeekKey(first) };
    }
    case 'month': {
      const { year, month } = parseLocalDate(date);
      const first = firstOfMonth(year, month + offset);
      return { first, next: firstOfMonth(year, month + offset + 1), key: first.slice(0, 7) };
    }
  }
}

/**
 * The window of `window`'s kind for `instant`, in `timezone`: the one it falls in, or for a calendar
 * window with an offset, that many windows before it.
 */
export function windowOf(window: RuleWindow, instant: Moment, timezone: string): WindowInfo {
  const date = toLocalDate(momentMs(instant), timezone);
  if (window.type === 'rolling') {
    // Whole local days: the window is the same for every record of a day, so its key is stable
    // and the SQL bound is a plain range.
    const first = addDays(date, -(window.days - 1));
    return {
      key: `rolling${window.days}:${date}`,
      start: iso(midnight(first, timezone)),
      end: iso(midnight(addDays(date, 1), timezone)),
    };
  }
  const { first, next, key } = calendarDays(window.unit, date, window.offset ?? 0);
  return { key, start: iso(midnight(first, timezone)), end: iso(midnight(next, timezone)) };
}

/**
 * The moment that places a record in a window: its `dateField` value when that holds a date, else
 * when it was created. A date-only value (`2026-10-31`) means that local day in the rule's zone, not
 * midnight UTC — otherwise zones west of UTC would move it to the day before. The runtime's SQL must
 * read dates the same way.
 */
export function recordMoment(
  record: { createdAt: string; data: Record<string, unknown> },
  dateField: string | undefined,
  timezone: string,
): number {
  if (dateField !== undefined) {
    const value = Object.prototype.hasOwnProperty.call(record.data, dateField)
      ? record.data[dateField]
      : undefined;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return midnight(value, timezone);
    const ms = toEpoch(value);
    if (ms !== null) return ms;
  }
  return momentMs(record.createdAt);
}
