/**
 * @module The two equal windows an improvement is judged on: the n local days before go-live and the
 * n local days from go-live, in the team's IANA time zone. Whole local days, because teams read "the
 * 30 days before we changed the SOP" as calendar days (a window of 23 or 25 hours across a DST switch
 * is still a day), and because the same whole days give the same weekday mix on both sides.
 *
 * A go-live in the middle of a day (14:00) leaves that day half old process, half new: it belongs to
 * neither window, so neither side is diluted by the other. A go-live at local midnight, or given as a
 * date (`2026-10-10`), has no such day. The after window is complete once its last day has ended;
 * until then a verdict is provisional, and `daysElapsed` says how much of it has been seen.
 */
import {
  addDays,
  fromWallTime,
  instantAt,
  isValidTimeZone,
  toLocalDate,
  type LocalDate,
} from '../time/zoned-time';

export const DEFAULT_EFFECT_WINDOW_DAYS = 30;

/**
 * An instant (ISO string with an offset, epoch ms, Date), a local date `YYYY-MM-DD` meaning its local
 * midnight, or a local date-time without offset (`2026-10-10T14:00`) meaning that wall time in the
 * window's zone — not in whatever zone the server happens to run in, as `Date.parse` would read it.
 */
export type GoLive = string | number | Date;

export interface EffectWindow {
  /** First instant inside the window, ISO 8601 UTC. */
  start: string;
  /** First instant after the window (exclusive), ISO 8601 UTC. */
  end: string;
  /** First and last local day of the window. */
  firstDay: LocalDate;
  lastDay: LocalDate;
}

export interface EffectWindows {
  timezone: string;
  /** Length of each window in local days. */
  days: number;
  before: EffectWindow;
  after: EffectWindow;
  /** The go-live day when go-live fell inside it: counted in neither window. */
  transitionDay: LocalDate | null;
  /** The after window has fully elapsed by `now`; if not, the verdict is provisional. */
  complete: boolean;
  /** Whole local days of the after window that have ended by `now` (0 … days). */
  daysElapsed: number;
}

export interface EffectWindowsInput {
  goLive: GoLive;
  now: string | number | Date;
  timezone: string;
  days?: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function instantOf(moment: string | number | Date, name: string, timezone: string): number {
  const local = typeof moment === 'string' ? LOCAL_DATE_TIME.exec(moment) : null;
  if (local) {
    const [year, month, day, hour, minute, second] = local.slice(1).map((x) => Number(x ?? 0)) as number[];
    return fromWallTime(
      { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! },
      timezone,
    );
  }
  const ms =
    moment instanceof Date ? moment.getTime() : typeof moment === 'number' ? moment : Date.parse(moment);
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a timestamp: ${String(moment)}`);
  return ms;
}

const daysBetween = (from: LocalDate, to: LocalDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function windowOfDays(first: LocalDate, days: number, timezone: string): EffectWindow {
  return {
    start: new Date(instantAt(first, '00:00', timezone)).toISOString(),
    end: new Date(instantAt(addDays(first, days), '00:00', timezone)).toISOString(),
    firstDay: first,
    lastDay: addDays(first, days - 1),
  };
}

export function effectWindows(input: EffectWindowsInput): EffectWindows {
  const { timezone } = input;
  const days = input.days ?? DEFAULT_EFFECT_WINDOW_DAYS;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number ≥ 1: ${days}`);
  if (!isValidTimeZone(timezone)) throw new RangeError(`unknown time zone: ${timezone}`);

  let goLiveDay: LocalDate;
  let midDay: boolean;
  if (typeof input.goLive === 'string' && DATE_ONLY.test(input.goLive)) {
    goLiveDay = input.goLive;
    midDay = false;
  } else {
    const goLive = instantOf(input.goLive, 'goLive', timezone);
    goLiveDay = toLocalDate(goLive, timezone);
    midDay = goLive !== instantAt(goLiveDay, '00:00', timezone);
  }
  const afterFirst = midDay ? addDays(goLiveDay, 1) : goLiveDay;
  const nowDay = toLocalDate(instantOf(input.now, 'now', timezone), timezone);
  const daysElapsed = Math.min(days, Math.max(0, daysBetween(afterFirst, nowDay)));
  return {
    timezone,
    days,
    before: windowOfDays(addDays(goLiveDay, -days), days, timezone),
    after: windowOfDays(afterFirst, days, timezone),
    transitionDay: midDay ? goLiveDay : null,
    complete: daysElapsed === days,
    daysElapsed,
  };
}
