/**
 * @module When the demo's tickets arrive: a weight per local day (monthly seasonality with the peaks
 * after 618 and 双11 and the dips of the Spring Festival and 国庆, fewer tickets on weekends and public
 * holidays of the `cn-2026` calendar) and an hour-of-day profile per channel (hotline and on-site in
 * office hours, web / WeChat / e-mail into the evening and night).
 */
import { addDays, CN_2026_CALENDAR, fromWallTime, weekdayOf, type LocalDate } from '../../engine';
import type { Channel } from './demo-catalog';

/** Relative ticket volume by calendar month (1 = January). */
export const MONTH_FACTORS: Record<number, number> = {
  1: 1.0,
  2: 0.7, // Spring Festival: factories and couriers stop
  3: 0.95,
  4: 0.95,
  5: 1.0,
  6: 1.05,
  7: 1.2, // the 618 sales arrive and get used
  8: 1.0,
  9: 0.95,
  10: 0.75, // 国庆 golden week
  11: 1.15,
  12: 1.3, // the 双11 sales arrive and get used
};

const HOLIDAYS = new Set(CN_2026_CALENDAR.holidays ?? []);
const MAKEUP_WORKDAYS = new Set(
  (CN_2026_CALENDAR.workdays ?? []).map((w) => (typeof w === 'string' ? w : (w as { date: string }).date)),
);

/** Whether `date` is a holiday of `cn-2026` (its make-up workdays count as working). */
export function isHoliday(date: LocalDate): boolean {
  return HOLIDAYS.has(date);
}

export function isWorkingDay(date: LocalDate): boolean {
  if (HOLIDAYS.has(date)) return false;
  if (MAKEUP_WORKDAYS.has(date)) return true;
  const day = weekdayOf(date);
  return day !== 0 && day !== 6;
}

/** Relative ticket volume of one local day. */
export function dayWeight(date: LocalDate): number {
  const month = Number(date.slice(5, 7));
  const mmdd = date.slice(5);
  let weight = MONTH_FACTORS[month] ?? 1;
  // The weeks after the big sales: deliveries arrive, set-up questions and early failures follow.
  if (mmdd >= '06-19' && mmdd <= '07-15') weight *= 1.25;
  if (mmdd >= '11-12' && mmdd <= '12-10') weight *= 1.35;
  if (isHoliday(date)) weight *= 0.45;
  else if (!isWorkingDay(date)) weight *= 0.7;
  return weight;
}

/** The local dates from `start` for `months` calendar months (end excluded). */
export function datesOf(start: LocalDate, months: number): LocalDate[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const endMonth = m - 1 + months;
  const end = `${String(y + Math.floor(endMonth / 12)).padStart(4, '0')}-${String((endMonth % 12) + 1).padStart(2, '0')}${start.slice(7)}`;
  const dates: LocalDate[] = [];
  for (let d = start; d < end; d = addDays(d, 1)) dates.push(d);
  return dates;
}

const OFFICE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 2, 8, 10, 9, 4, 5, 9, 9, 8, 7, 4, 2, 1, 0, 0, 0];
const ONLINE_HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 2, 4, 6, 7, 7, 5, 5, 6, 6, 6, 5, 5, 6, 7, 7, 5, 2.5];

/** Relative arrivals per local hour (0–23) for a channel. */
export function hourWeights(channel: Channel): readonly number[] {
  return channel === 'phone' || channel === 'onsite' ? OFFICE_HOURS : ONLINE_HOURS;
}

/** The instant of a local date and minute of the day in `timeZone`. */
export function localInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return fromWallTime(
    {
      year,
      month,
      day,
      hour: Math.floor(minuteOfDay / 60),
      minute: Math.floor(minuteOfDay % 60),
      second: 0,
    },
    timeZone,
  );
}
