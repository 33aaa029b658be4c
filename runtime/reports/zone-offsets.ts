/**
 * @module A time zone's UTC offsets over a span of instants, found with the engine's zone functions:
 * SQLite has no time-zone database, so its SQL applies these offsets itself — one fixed offset when the
 * zone keeps one over the span (Asia/Shanghai), else a CASE over the transition instants (DST zones).
 */
import { zoneOffsetMinutes } from '../../engine';
import type { TimeRange } from './render-context';

export interface OffsetSegment {
  /** Minutes the zone is ahead of UTC in this segment. */
  offsetMinutes: number;
  /** The first instant (epoch ms) of the next segment; `null` for the last one. */
  until: number | null;
}

const STEP_MS = 7 * 86_400_000;
const cache = new Map<string, OffsetSegment[]>();

const offsetAtSecond = (second: number, zone: string) => zoneOffsetMinutes(second * 1000, zone);

/**
 * The offsets in force from `range.from` to `range.to`. Samples weekly and pins each change down to the
 * second by bisection (zones change at whole seconds; two changes within one week would be missed, which
 * no zone in use does).
 */
export function offsetSegments(zone: string, range: TimeRange): OffsetSegment[] {
  const key = `${zone}|${range.from}|${range.to}`;
  const known = cache.get(key);
  if (known) return known;
  const segments: OffsetSegment[] = [];
  let second = Math.floor(range.from / 1000);
  const end = Math.ceil(range.to / 1000);
  let offset = offsetAtSecond(second, zone);
  while (second < end) {
    const next = Math.min(second + STEP_MS / 1000, end);
    if (offsetAtSecond(next, zone) !== offset) {
      let lo = second;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAtSecond(mid, zone) === offset) lo = mid;
        else hi = mid;
      }
      segments.push({ offsetMinutes: offset, until: hi * 1000 });
      offset = offsetAtSecond(hi, zone);
      second = hi;
    } else second = next;
  }
  segments.push({ offsetMinutes: offset, until: null });
  if (cache.size > 200) cache.clear();
  cache.set(key, segments);
  return segments;
}
