/**
 * @module The aggregate window a moment falls in, in the rule's time zone: a calendar day, ISO week
 * (Monday first) or month, or the N local days ending on that moment's date. The runtime computes
 * aggregates over `[start, end)` in SQL; the key names the window in idempotency keys.
 */
import { toEpoch } from '../expressions/date-operations';
import {
  addDays,
  instantAt,
  parseLocalDate,
  toLocalDate,
  weekdayOf,
  type LocalDate,
} from '../time/zoned-time';
import type { RuleWindow } from './rule-definition.schema';

export interface WindowInfo {
  /** `2026-10-07` (day), `2026-W41` (ISO week), `2026-10` (month), `rolling30:2026-10-07` (rolling). */
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

/** The window of `window`'s kind that `instant` falls in, in `timezone`. */
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
  switch (window.unit) {
    case 'day':
      return {
        key: date,
        start: iso(midnight(date, timezone)),
        end: iso(midnight(addDays(date, 1), timezone)),
      };
    case 'week': {
      const monday = mondayOf(date);
      return {
        key: isoWeekKey(date),
        start: iso(midnight(monday, timezone)),
        end: iso(midnight(addDays(monday, 7), timezone)),
      };
    }
    case 'month': {
      const { year, month } = parseLocalDate(date);
      const first = `${date.slice(0, 7)}-01`;
      const next =
        month === 12
          ? `${String(year + 1).padStart(4, '0')}-01-01`
          : `${date.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`;
      return {
        key: date.slice(0, 7),
        start: iso(midnight(first, timezone)),
        end: iso(midnight(next, timezone)),
      };
    }
  }
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
