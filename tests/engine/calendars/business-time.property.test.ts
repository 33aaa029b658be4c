/**
 * @module Property tests of business-time arithmetic on random calendars in zones with and without
 * DST: a deadline and the elapsed time agree, deadlines land in working time, later budgets never give
 * earlier deadlines, and elapsed time matches a minute-by-minute count on the wall clock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, type CalendarDefinition } from '../../../engine/calendars';
import { compileCalendar, dayOfInstant, windowInstantsOfDay } from '../../../engine/calendars/day-windows';
import { addDays, toWallTime } from '../../../engine/time/zoned-time';

const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'Asia/Kolkata',
  'America/New_York',
  'Europe/Berlin',
  // Half-hour DST, and a southern-hemisphere switch.
  'Australia/Lord_Howe',
  'America/Santiago',
];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTE = 60_000;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Sorted, non-overlapping windows on a 15-minute grid (so they often meet DST switch hours). */
const schedule = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const windows: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      windows.push([hhmm(sorted[i]! * 15), hhmm(sorted[i + 1]! * 15)]);
    return windows;
  });

/** Dates in the test span (late 2025 to mid 2027), around both DST switches of every year. */
const date = fc.integer({ min: 0, max: 600 }).map((d) => addDays('2025-11-01', d));

const calendar: fc.Arbitrary<CalendarDefinition> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    week: fc.tuple(...DAYS.map(() => schedule)),
    holidays: fc.uniqueArray(date, { maxLength: 25 }),
    workdays: fc.uniqueArray(fc.tuple(date, fc.option(schedule.filter((s) => s.length > 0))), {
      maxLength: 8,
    }),
  })
  .map(({ timezone, week, holidays, workdays }) => {
    const weekObject = Object.fromEntries(DAYS.map((d, i) => [d, week[i]!])) as CalendarDefinition['week'];
    // Some weekly working time, so every budget has a deadline (calendars without any are refused).
    if (DAYS.every((d) => weekObject[d].length === 0)) weekObject.wed = [['10:00', '11:30']];
    const holidaySet = new Set(holidays);
    return {
      key: 'random',
      timezone,
      week: weekObject,
      holidays,
      workdays: workdays
        .filter(([d]) => !holidaySet.has(d))
        .map(([d, hours]) => (hours === null ? d : { date: d, hours })),
    };
  });

/** Instants from November 2025 to mid 2027, to the millisecond. */
const instant = fc.integer({ min: Date.UTC(2025, 10, 1), max: Date.UTC(2027, 5, 1) });
/** Budgets up to ~100 working days, whole milliseconds. */
const minutes = fc.oneof(
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: 0, max: 60_000 }),
  fc.integer({ min: 0, max: 60_000 * MINUTE }).map((ms) => ms / MINUTE),
);

describe('business time properties', () => {
  it('the elapsed time to a deadline is the budget', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        const deadline = addBusinessTime(cal, start, m);
        expect(businessTimeBetween(cal, start, deadline)).toBeCloseTo(m, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('a deadline is in working time: the millisecond before it was worked', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        const deadline = addBusinessTime(cal, start, m).getTime();
        expect(deadline).toBeGreaterThanOrEqual(start);
        if (m > 0) {
          expect(businessTimeBetween(cal, deadline - 1, deadline)).toBeCloseTo(1 / MINUTE, 9);
        } else {
          // Zero minutes: the first working instant at or after the start, nothing worked before it.
          expect(businessTimeBetween(cal, deadline, deadline + 1)).toBeCloseTo(1 / MINUTE, 9);
          expect(businessTimeBetween(cal, start, deadline)).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a larger budget never gives an earlier deadline', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, start, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(addBusinessTime(cal, start, small).getTime()).toBeLessThanOrEqual(
          addBusinessTime(cal, start, large).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('elapsed time is additive and antisymmetric', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        expect(businessTimeBetween(cal, x, y) + businessTimeBetween(cal, y, z)).toBeCloseTo(
          businessTimeBetween(cal, x, z),
          6,
        );
        expect(businessTimeBetween(cal, z, x)).toBeCloseTo(-businessTimeBetween(cal, x, z), 6);
      }),
      { numRuns: 150 },
    );
  });

  it('skipping ordinary weeks gives the same total as walking every day', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (cal, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const compiled = compileCalendar(cal);
        let walked = 0;
        for (let day = dayOfInstant(compiled, from); day <= dayOfInstant(compiled, to); day++) {
          for (const [s, e] of windowInstantsOfDay(compiled, day))
            walked += Math.max(0, Math.min(e, to) - Math.max(s, from));
        }
        expect(businessTimeBetween(cal, from, to)).toBeCloseTo(walked / MINUTE, 6);
      }),
      { numRuns: 150 },
    );
  });

  // An independent oracle: read every minute on the wall clock (Intl) and ask whether its local
  // date's windows contain it. It agrees with instant arithmetic except on a fall-back day, where a
  // repeated wall minute is one instant for the calendar but two for a wall-clock reading, so the
  // oracle runs on zones and spans without one (spring-forward gaps included).
  it('elapsed time matches a minute-by-minute wall-clock count', () => {
    const springZones = ['UTC', 'Asia/Shanghai', 'Asia/Kolkata', 'America/New_York', 'Europe/Berlin'];
    const minuteStart = fc
      .integer({ min: Date.UTC(2026, 1, 20) / MINUTE, max: Date.UTC(2026, 3, 10) / MINUTE })
      .map((m) => m * MINUTE);
    fc.assert(
      fc.property(
        calendar,
        fc.constantFrom(...springZones),
        minuteStart,
        fc.integer({ min: 0, max: 3 * 1440 }),
        (cal0, timezone, from, spanMinutes) => {
          const cal = { ...cal0, timezone };
          const to = from + spanMinutes * MINUTE;
          expect(businessTimeBetween(cal, from, to)).toBe(wallClockCount(cal, from, to));
        },
      ),
      { numRuns: 40 },
    );
  });
});

function wallClockCount(cal: CalendarDefinition, from: number, to: number): number {
  const holidays = new Set(cal.holidays ?? []);
  const workdays = new Map<string, [string, string][]>();
  for (const w of cal.workdays ?? []) {
    if (typeof w === 'string') workdays.set(w, cal.week.mon);
    else workdays.set(w.date, w.hours ?? cal.week.mon);
  }
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  let count = 0;
  for (let t = from; t < to; t += MINUTE) {
    const w = toWallTime(t, cal.timezone);
    const date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
    if (holidays.has(date)) continue;
    const dayKey = DAYS[(new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7]!;
    const windows = workdays.get(date) ?? cal.week[dayKey];
    const minuteOfDay = w.hour * 60 + w.minute;
    if (windows.some(([s, e]) => toMinutes(s) <= minuteOfDay && minuteOfDay < toMinutes(e))) count += 1;
  }
  return count;
}
