/**
 * @module A time zone's UTC offsets as a table of transitions, built once per zone and UTC year from
 * Intl and cached, so that calendar arithmetic over months or years asks Intl a few hundred times per
 * zone-year instead of several times per day. Converts local wall time ↔ instants on that table.
 */
import { zoneOffsetMinutes } from '../time/zoned-time';

const MINUTE = 60_000;
const DAY = 86_400_000;
/**
 * Distance between offset samples. Two transitions closer than this that cancel out would be missed;
 * tzdata has no such pair since the 1940s, and calendars describe present-day working time.
 */
const SAMPLE_STEP = 4 * DAY;

interface YearTable {
  /** First instant (inclusive) and end (exclusive) of the UTC year. */
  start: number;
  end: number;
  /** Offset in minutes in force at `start`. */
  offsetAtStart: number;
  /** Instants where the offset changes within the year, ascending, with the offset from then on. */
  transitions: { at: number; offset: number }[];
}

/** The instant `at` where the offset turns from `offset(lo)` into `offset(hi)`, to the second. */
function bisect(timeZone: string, lo: number, hi: number, hiOffset: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (zoneOffsetMinutes(mid, timeZone) === hiOffset) hi = mid;
    else lo = mid;
  }
  return hi;
}

function buildYear(timeZone: string, year: number): YearTable {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const offsetAtStart = zoneOffsetMinutes(start, timeZone);
  const transitions: { at: number; offset: number }[] = [];
  let prev = start;
  let prevOffset = offsetAtStart;
  while (prev < end) {
    const next = Math.min(prev + SAMPLE_STEP, end);
    const offset = zoneOffsetMinutes(next, timeZone);
    if (offset !== prevOffset) transitions.push({ at: bisect(timeZone, prev, next, offset), offset });
    prev = next;
    prevOffset = offset;
  }
  // A transition exactly at `end` belongs to the next year's table.
  while (transitions.length > 0 && transitions[transitions.length - 1]!.at >= end) transitions.pop();
  return { start, end, offsetAtStart, transitions };
}

/** The offsets of one zone; get it with `zoneOffsets(timeZone)`. */
export class ZoneOffsets {
  private readonly years = new Map<number, YearTable>();
  private last: YearTable | undefined;

  constructor(readonly timeZone: string) {}

  private table(instant: number): YearTable {
    const last = this.last;
    if (last && instant >= last.start && instant < last.end) return last;
    const year = new Date(instant).getUTCFullYear();
    let table = this.years.get(year);
    if (!table) {
      table = buildYear(this.timeZone, year);
      this.years.set(year, table);
    }
    this.last = table;
    return table;
  }

  /** Minutes the zone is ahead of UTC at `instant`. */
  offsetAt(instant: number): number {
    const t = this.table(instant);
    let offset = t.offsetAtStart;
    for (const tr of t.transitions) {
      if (tr.at > instant) break;
      offset = tr.offset;
    }
    return offset;
  }

  /** The first transition `at` with `after < at <= until`, or `undefined`. */
  nextTransition(after: number, until: number): number | undefined {
    let cursor = after;
    while (cursor <= until) {
      const t = this.table(cursor);
      for (const tr of t.transitions) if (tr.at > after && tr.at <= until) return tr.at;
      cursor = t.end;
    }
    return undefined;
  }

  /** Local wall-clock milliseconds (epoch ms read as if the wall time were UTC) of `instant`. */
  toLocalMs(instant: number): number {
    return instant + this.offsetAt(instant) * MINUTE;
  }

  /**
   * The instant of a local wall time given as `localMs`. In an overlap (fall-back) the earlier
   * instant; in a gap (spring-forward) the instant the gap ends. Unlike `fromWallTime`, which shifts a
   * gap time forward by the gap, this keeps the mapping monotonic: windows that do not overlap on the
   * wall clock never overlap as instants, and a window lying wholly in the gap is simply empty.
   */
  toInstant(localMs: number): number {
    const before = this.offsetAt(localMs - DAY);
    const after = this.offsetAt(localMs + DAY);
    const early = localMs - Math.max(before, after) * MINUTE;
    const late = localMs - Math.min(before, after) * MINUTE;
    if (before === after) return late;
    // The candidate that reads back as the same wall time, earlier first.
    if (this.offsetAt(early) === Math.max(before, after)) return early;
    if (this.offsetAt(late) === Math.min(before, after)) return late;
    // A gap: neither reading exists; the wall clock jumps over it at the transition.
    return this.nextTransition(early - 1, late) ?? late;
  }
}

const cache = new Map<string, ZoneOffsets>();

/** The shared offset table of `timeZone` (which must be a valid IANA name). */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let z = cache.get(timeZone);
  if (!z) {
    z = new ZoneOffsets(timeZone);
    cache.set(timeZone, z);
  }
  return z;
}
