/**
 * @module The working windows of a calendar's local dates, as instants. A calendar is compiled once
 * (cached per document object) into per-weekday minute ranges, holiday and make-up-workday lookups
 * keyed by day number, and the list of exception days, so the time arithmetic built on it does a few
 * array and map lookups per day and can skip whole weeks that hold no exception.
 */
import type {
  CalendarDefinition,
  CalendarWorkday,
  DaySchedule,
  WeekdayKey,
} from './calendar-definition.schema';
import { zoneOffsets, type ZoneOffsets } from './zone-offsets';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const MAX_WEEKS_PER_JUMP = 52 * 4;

/** Local day number: days since 1970-01-01 in the calendar's zone (`floor(localMs / DAY_MS)`). */
export type DayNumber = number;

/** Minutes since local midnight, `[start, end)`, end up to 1440. */
export type MinuteRange = readonly [number, number];

/** Weekday keys by JavaScript day number (0 = Sunday). */
export const WEEKDAY_KEYS: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface CompiledCalendar {
  readonly offsets: ZoneOffsets;
  /** Working minute ranges by JavaScript weekday (0 = Sunday). */
  readonly week: readonly (readonly MinuteRange[])[];
  /** Nominal working milliseconds of any seven consecutive ordinary days. */
  readonly weekTotalMs: number;
  readonly holidays: ReadonlySet<DayNumber>;
  readonly workdays: ReadonlyMap<DayNumber, readonly MinuteRange[]>;
  /** Every holiday and workday, ascending and unique: the days that break the weekly pattern. */
  readonly exceptionDays: readonly DayNumber[];
}

/** Epoch ms of a `Date` or epoch-ms argument; throws on an invalid date. */
export function toEpochMs(value: Date | number, name: string): number {
  const ms = typeof value === 'number' ? value : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid instant`);
  return ms;
}

/** `HH:MM` → minutes since midnight (`24:00` → 1440). */
export function parseClockTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** `YYYY-MM-DD` → day number; `undefined` when it is not a real date (2026-02-30). */
export function parseDayNumber(date: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC rolls 02-30 over into March; a real date reads back unchanged.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear above would be needed for them, but the
  // read-back check already rejects them, and calendars describe present-day years.
  return ms / DAY_MS;
}

/** JavaScript weekday (0 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfDay(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The date a workday entry names. */
export function workdayDate(entry: CalendarWorkday): string {
  return typeof entry === 'string' ? entry : entry.date;
}

function toRanges(schedule: DaySchedule): MinuteRange[] {
  return schedule.map(([start, end]) => [parseClockTime(start), parseClockTime(end)] as const);
}

const compiledCache = new WeakMap<CalendarDefinition, CompiledCalendar>();

/**
 * The compiled form of `calendar`, which should have passed the schema and `checkCalendarDefinition`.
 * Cached by object identity: calendars are treated as immutable once handed to the engine.
 */
export function compileCalendar(calendar: CalendarDefinition): CompiledCalendar {
  const cached = compiledCache.get(calendar);
  if (cached) return cached;
  const week = WEEKDAY_KEYS.map((k) => toRanges(calendar.week[k] ?? []));
  const weekTotalMs = week.flat().reduce((sum, [s, e]) => sum + Math.max(0, e - s) * MINUTE_MS, 0);
  const holidays = new Set<DayNumber>();
  for (const date of calendar.holidays ?? []) {
    const day = parseDayNumber(date);
    if (day !== undefined) holidays.add(day);
  }
  const monday = week[1]!;
  const workdays = new Map<DayNumber, readonly MinuteRange[]>();
  for (const entry of calendar.workdays ?? []) {
    const day = parseDayNumber(workdayDate(entry));
    if (day === undefined) continue;
    workdays.set(day, typeof entry === 'object' && entry.hours ? toRanges(entry.hours) : monday);
  }
  const exceptionDays = [...new Set([...holidays, ...workdays.keys()])].sort((a, b) => a - b);
  const compiled: CompiledCalendar = {
    offsets: zoneOffsets(calendar.timezone),
    week,
    weekTotalMs,
    holidays,
    workdays,
    exceptionDays,
  };
  compiledCache.set(calendar, compiled);
  return compiled;
}

/** Working minute ranges of a local day: a holiday has none, a workday its own, else its weekday's. */
export function minuteRangesOfDay(cal: CompiledCalendar, day: DayNumber): readonly MinuteRange[] {
  // A date in both lists is an authoring error the checker reports; holidays win here.
  if (cal.holidays.has(day)) return [];
  return cal.workdays.get(day) ?? cal.week[weekdayOfDay(day)]!;
}

/**
 * Working windows of a local day as instants `[start, end)` in epoch ms, ascending. Windows lying in a
 * DST gap come out empty (start = end) and windows spanning a switch are longer or shorter than their
 * wall-clock length, as the elapsed time really is.
 */
export function windowInstantsOfDay(cal: CompiledCalendar, day: DayNumber): [number, number][] {
  const midnight = day * DAY_MS;
  return minuteRangesOfDay(cal, day).map(([s, e]) => [
    cal.offsets.toInstant(midnight + s * MINUTE_MS),
    cal.offsets.toInstant(midnight + e * MINUTE_MS),
  ]);
}

/** The local day `instant` falls on. */
export function dayOfInstant(cal: CompiledCalendar, instant: number): DayNumber {
  return Math.floor(cal.offsets.toLocalMs(instant) / DAY_MS);
}

/** Index of the first exception day ≥ `day` (binary search), `exceptionDays.length` if none. */
function nextExceptionIndex(cal: CompiledCalendar, day: DayNumber): number {
  let lo = 0;
  let hi = cal.exceptionDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cal.exceptionDays[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first exception day ≥ `day`, or `undefined`. */
export function nextExceptionDay(cal: CompiledCalendar, day: DayNumber): DayNumber | undefined {
  return cal.exceptionDays[nextExceptionIndex(cal, day)];
}

/**
 * How many whole weeks from `day` on (at most `maxWeeks`) are ordinary: no holiday, no workday and no
 * UTC-offset change, so each holds exactly `weekTotalMs` of working time and can be skipped at once.
 */
export function ordinaryWeeksFrom(cal: CompiledCalendar, day: DayNumber, maxWeeks: number): number {
  // Capped so one jump never scans more than a few years of offset tables; callers loop.
  let weeks = Math.min(MAX_WEEKS_PER_JUMP, Math.max(0, Math.floor(maxWeeks)));
  if (weeks === 0) return 0;
  const nextException = nextExceptionDay(cal, day);
  if (nextException !== undefined) weeks = Math.min(weeks, Math.floor((nextException - day) / 7));
  if (weeks === 0) return 0;
  // Any offset change from a day before the span to a day after it makes the span irregular; looking
  // a day wider on both sides keeps this safe whatever the offset is.
  const from = (day - 1) * DAY_MS - 14 * 3_600_000;
  const until = (day + 7 * weeks + 1) * DAY_MS + 14 * 3_600_000;
  const transition = cal.offsets.nextTransition(from, until);
  if (transition !== undefined) {
    const transitionDay = Math.floor(cal.offsets.toLocalMs(transition) / DAY_MS);
    weeks = Math.min(weeks, Math.max(0, Math.floor((transitionDay - 1 - day) / 7)));
  }
  return weeks;
}
