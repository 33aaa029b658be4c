/**
 * @module Idempotency keys of rule firings: `rule|group|window`, e.g.
 * `screen-failure-threshold|model=X200;fault=screen|2026-10`. The runtime stores them under a unique
 * index, so a threshold fires once per group per window however many records cross it and however
 * often a worker retries. Keys are pure functions of the rule and the record, never of stored state.
 */
import { addDays, parseLocalDate, toLocalDate, type LocalDate } from '../time/zoned-time';
import type { RuleWindow } from './rule-definition.schema';
import { windowOf, type Moment, momentMs } from './rule-window';

/** Values of the group-by fields; a missing value is `null` (SQL groups those together too). */
export type GroupValues = Record<string, unknown>;

const escapeValue = (s: string) =>
  s.replace(/[%;=|~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** `model=X200;fault=screen`; no group fields → `*`. Strings are escaped so no value can forge a separator. */
export function groupKey(group: GroupValues): string {
  const parts = Object.entries(group).map(([field, value]) => {
    if (value === null || value === undefined) return `${field}=~`;
    if (typeof value === 'string') return `${field}=${escapeValue(value)}`;
    if (typeof value === 'number' || typeof value === 'boolean') return `${field}=${String(value)}`;
    return `${field}=${escapeValue(JSON.stringify(value))}`;
  });
  return parts.length === 0 ? '*' : parts.join(';');
}

const dayNumber = (date: LocalDate) => {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/**
 * The window part of the key.
 *
 * Calendar windows: the window's own key (`2026-10`, `2026-W41`, `2026-10-07`).
 *
 * Rolling windows: every day has its own rolling window, so keying on it would fire again on every
 * day a breach lasts. Keying on "when this breach began" would need the last firing before the key
 * is known, and two workers racing would both insert. Instead the key names a fixed period of
 * P local days containing the record's date — P is the cool-down (whole days, at least 1) or, with
 * no cool-down, the window length — with periods laid end to end from 1970-01-01. The key stays a
 * pure function of the record, so the unique index alone makes one sustained breach fire at most
 * once per period, races and retries included; the cool-down check (with the last firing time)
 * additionally stops two firings just either side of a period boundary. A back-dated record lands in
 * the period of its own date. Example: `rolling30:2026-09-20..2026-10-19`.
 */
export function firingWindowKey(
  window: RuleWindow,
  instant: Moment,
  timezone: string,
  cooldownDays?: number,
): string {
  if (window.type === 'calendar') return windowOf(window, instant, timezone).key;
  const period =
    cooldownDays !== undefined && cooldownDays > 0 ? Math.max(1, Math.ceil(cooldownDays)) : window.days;
  const date = toLocalDate(momentMs(instant), timezone);
  const n = dayNumber(date);
  const first = addDays(date, -(((n % period) + period) % period));
  return `rolling${window.days}:${first}..${addDays(first, period - 1)}`;
}

/** The full idempotency key. */
export function firingKey(ruleKey: string, group: GroupValues, windowKey: string): string {
  return `${ruleKey}|${groupKey(group)}|${windowKey}`;
}
