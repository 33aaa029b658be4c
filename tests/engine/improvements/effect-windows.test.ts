/**
 * @module Before / after windows in local days (tests/fixtures/improvements/effect-windows.json: the
 * transition day, DST, the exact end, before go-live, the zone deciding the day), and properties:
 * equal windows, go-live between them, elapsed days growing with time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectWindows, type EffectWindows, type EffectWindowsInput } from '../../../engine/improvements';
import { toLocalDate } from '../../../engine/time/zoned-time';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';

interface WindowCase extends FixtureCase {
  input: EffectWindowsInput;
  expect: EffectWindows;
}

const cases = loadFixtures<WindowCase>('improvements').filter((c) => c.file.endsWith('effect-windows.json'));

describe('effectWindows', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(effectWindows(c.input)).toEqual(c.expect);
  });

  it('defaults to 30 days and accepts epoch milliseconds and Dates', () => {
    const at = '2026-10-09T16:00:00Z';
    const w = effectWindows({ goLive: at, now: at, timezone: 'Asia/Shanghai' });
    expect(w.days).toBe(30);
    expect(effectWindows({ goLive: Date.parse(at), now: new Date(at), timezone: 'Asia/Shanghai' })).toEqual(
      w,
    );
  });

  it('refuses an unknown zone, a window that is not whole days, and a go-live that is not a time', () => {
    const base = { goLive: '2026-10-10', now: '2026-11-20T00:00:00Z', timezone: 'Asia/Shanghai' };
    expect(() => effectWindows({ ...base, timezone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => effectWindows({ ...base, days: 0 })).toThrow(RangeError);
    expect(() => effectWindows({ ...base, days: 1.5 })).toThrow(RangeError);
    expect(() => effectWindows({ ...base, goLive: 'next Tuesday' })).toThrow(RangeError);
  });
});

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'];
const DAY = 86_400_000;
const span = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });

describe('effectWindows properties', () => {
  it('windows of equal local days, back to back or around the go-live day, with go-live between them', () => {
    fc.assert(
      fc.property(
        span,
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(...ZONES),
        (goLive, days, timezone) => {
          const w = effectWindows({ goLive, now: goLive, timezone, days });
          const dayCount = (first: string, last: string) =>
            (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY + 1;
          expect(dayCount(w.before.firstDay, w.before.lastDay)).toBe(days);
          expect(dayCount(w.after.firstDay, w.after.lastDay)).toBe(days);
          // Each window starts on its first day's local midnight and ends on the midnight after its last.
          expect(toLocalDate(Date.parse(w.before.start), timezone)).toBe(w.before.firstDay);
          expect(toLocalDate(Date.parse(w.after.end) - 1, timezone)).toBe(w.after.lastDay);
          expect(Date.parse(w.before.end)).toBeLessThanOrEqual(goLive);
          expect(Date.parse(w.after.start)).toBeGreaterThanOrEqual(goLive);
          if (w.transitionDay === null) expect(w.after.start).toBe(w.before.end);
          else {
            expect(toLocalDate(goLive, timezone)).toBe(w.transitionDay);
            expect(dayCount(w.before.lastDay, w.after.firstDay)).toBe(3);
          }
        },
      ),
    );
  });

  it('elapsed days never decrease as time passes, and the window is complete exactly from its end', () => {
    fc.assert(
      fc.property(
        span,
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: -10 * DAY, max: 80 * DAY }),
        fc.integer({ min: 0, max: 5 * DAY }),
        (goLive, days, timezone, offset, later) => {
          const at = (now: number) => effectWindows({ goLive, now, timezone, days });
          const first = at(goLive + offset);
          const second = at(goLive + offset + later);
          expect(second.daysElapsed).toBeGreaterThanOrEqual(first.daysElapsed);
          expect(first.daysElapsed).toBeGreaterThanOrEqual(0);
          expect(first.daysElapsed).toBeLessThanOrEqual(days);
          const end = Date.parse(first.after.end);
          expect(first.complete).toBe(goLive + offset >= end);
        },
      ),
    );
  });
});
