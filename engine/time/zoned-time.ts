/**
 * @module Wall-clock time in a named IANA time zone, on the platform's Intl data (no IO, no
 * dependency). Calendars, SLA clocks and rule windows all reason in a zone's local days.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A calendar date without time or zone, `YYYY-MM-DD`. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows `timeZone` as an IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;
/**
 * `zone|hour` → the zone's offset (ms) through that whole UTC hour, null when it changed within it, or
 * `seen` after one reading (a sparse caller, such as a calendar's own offset table, pays no more).
 */
const hourOffsets = new Map<string, number | null | 'seen'>();

function offsetAt(instant: number, timeZone: string): number {
  const w = readWallTime(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The wall-clock reading of `instant` (epoch ms) in `timeZone`. Intl's formatting costs microseconds
 * and a rule dry run reads windows millions of times, so from the second reading within a UTC hour the
 * zone's offset is checked at both ends of the hour and, when it holds throughout, remembered for it.
 */
export function toWallTime(instant: number, timeZone: string): WallTime {
  const hour = Math.floor(instant / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined || offset === 'seen') {
    if (hourOffsets.size >= 100_000) hourOffsets.clear();
    if (offset === undefined) {
      hourOffsets.set(key, 'seen');
      return readWallTime(instant, timeZone);
    }
    const first = offsetAt(hour * HOUR_MS, timeZone);
    offset = first === offsetAt(hour * HOUR_MS + HOUR_MS - 1, timeZone) ? first : null;
    hourOffsets.set(key, offset);
  }
  const local = offset === null ? null : new Date(instant + offset);
  if (!local || local.getUTCFullYear() < 1000) return readWallTime(instant, timeZone);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

function readWallTime(instant: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes the zone is ahead of UTC at `instant` (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const w = toWallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const truncated = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60_000);
}

/**
 * The instant a wall-clock time names in `timeZone`. In a DST gap (a time that does not exist) the
 * result moves forward by the gap, as clocks do; in an overlap the earlier instant is chosen.
 */
export function fromWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Try the offsets in force just before and just after; keep the first that reads back correctly.
  const before = zoneOffsetMinutes(asUtc - 86_400_000, timeZone);
  const after = zoneOffsetMinutes(asUtc + 86_400_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .sort((a, b) => a - b);
  for (const candidate of candidates) {
    const back = toWallTime(candidate, timeZone);
    if (
      back.year === wall.year &&
      back.month === wall.month &&
      back.day === wall.day &&
      back.hour === wall.hour &&
      back.minute === wall.minute
    ) {
      return candidate;
    }
  }
  // A gap: the wall time does not exist; use the offset before the change, which lands after it.
  return asUtc - before * 60_000;
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function toLocalDate(instant: number, timeZone: string): LocalDate {
  const w = toWallTime(instant, timeZone);
  return formatLocalDate(w.year, w.month, w.day);
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The date `days` after `date` (negative goes back). Pure calendar arithmetic, no zone involved. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Day of week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The instant a local date's `HH:MM` names in `timeZone`. */
export function instantAt(date: LocalDate, hhmm: string, timeZone: string): number {
  const { year, month, day } = parseLocalDate(date);
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  // "24:00" means the end of the day: midnight of the next date.
  if (hour === 24) {
    const next = parseLocalDate(addDays(date, 1));
    return fromWallTime({ ...next, hour: 0, minute: 0, second: 0 }, timeZone);
  }
  return fromWallTime({ year, month, day, hour, minute, second: 0 }, timeZone);
}
