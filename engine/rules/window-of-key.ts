/**
 * @module A window back from its key (`2026-10-07`, `2026-W41`, `2026-10`, `rolling30:2026-10-07`) and
 * the rule's time zone: the key names the window's kind and place, so its bounds follow — the same
 * `{ key, start, end }` that `windowOf` gave when the key was made, offsets included (an offset window's
 * key is that window's own). For firings stored before their window was.
 */
import { addDays, formatLocalDate, instantAt, parseLocalDate, type LocalDate } from '../time/zoned-time';
import { isoWeekKey, mondayOf, type WindowInfo } from './rule-window';

const iso = (ms: number) => new Date(ms).toISOString();

/** The date itself when `date` is a real calendar date (not `2026-02-30`), else null. */
function realDate(date: string): LocalDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const { year, month, day } = parseLocalDate(date);
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year);
  const same = d.getUTCFullYear() === year && d.getUTCMonth() + 1 === month && d.getUTCDate() === day;
  return same ? date : null;
}

/** Local days `[first, next)` of the window a key names, or null for a key of no known kind. */
function daysOf(key: string): { first: LocalDate; next: LocalDate } | null {
  const rolling = /^rolling(\d+):(.+)$/.exec(key);
  if (rolling) {
    const days = Number(rolling[1]);
    const last = realDate(rolling[2]!);
    if (!last || !Number.isSafeInteger(days) || days < 1) return null;
    return { first: addDays(last, -(days - 1)), next: addDays(last, 1) };
  }
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) {
    // Week 1 holds 4 January; a week number the year does not have gives another key back.
    const first = addDays(mondayOf(`${week[1]}-01-04`), 7 * (Number(week[2]) - 1));
    return isoWeekKey(first) === key ? { first, next: addDays(first, 7) } : null;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    const next = m === 12 ? formatLocalDate(year + 1, 1, 1) : formatLocalDate(year, m + 1, 1);
    return { first: `${key}-01`, next };
  }
  const day = realDate(key);
  return day ? { first: day, next: addDays(day, 1) } : null;
}

/** `{ key, start, end }` of the window `key` names in `timezone`; null for a key of no known kind. */
export function windowOfKey(key: string, timezone: string): WindowInfo | null {
  const days = daysOf(key);
  if (!days) return null;
  return {
    key,
    start: iso(instantAt(days.first, '00:00', timezone)),
    end: iso(instantAt(days.next, '00:00', timezone)),
  };
}
