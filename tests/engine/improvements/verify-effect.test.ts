/**
 * @module The verdict's contract beyond the worked cases: messages in both languages pointing at the
 * input that caused them, a window from `effectWindows` making it provisional, α checked, and
 * properties (verified means better + significant + target; mirrored data mirror the verdict).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectWindows, verifyEffect, type Proportion } from '../../../engine/improvements';

const fcrUp = {
  kind: 'rate',
  better: 'higher',
  before: { successes: 400, trials: 1000 },
  after: { successes: 470, trials: 1000 },
  target: { value: 5, type: 'absolute' },
} as const;

describe('verifyEffect', () => {
  it('explains in Chinese when asked, pointing at the empty window', () => {
    const v = verifyEffect({ ...fcrUp, after: { successes: 0, trials: 0 }, locale: 'zh-CN' });
    expect(v.notes).toEqual([
      { code: 'no-data-after', path: '/after/trials', message: '改进后窗口暂无数据，无从比较' },
    ]);
    const en = verifyEffect({ ...fcrUp, after: { successes: 0, trials: 0 } });
    expect(en.notes[0]!.message).toBe('The after window has no data yet: nothing to compare');
  });

  it('states the p-value and α when the change is not significant', () => {
    const v = verifyEffect({
      ...fcrUp,
      before: { successes: 42, trials: 100 },
      after: { successes: 47, trials: 100 },
    });
    const note = v.notes.find((n) => n.code === 'not-significant')!;
    expect(note.message).toBe('The change is not significant: p = 0.4768 ≥ α = 0.05');
  });

  it('is provisional while the after window from effectWindows is running, and says how far it is', () => {
    const window = effectWindows({
      goLive: '2026-10-10',
      now: '2026-10-22T12:00:00+08:00',
      timezone: 'Asia/Shanghai',
    });
    const v = verifyEffect({ ...fcrUp, window, locale: 'zh-CN' });
    expect(v.verified).toBe(true);
    expect(v.provisional).toBe(true);
    expect(v.notes.map((n) => n.message)).toEqual(['改进后窗口尚未结束（已过 12 / 30 天）：结论为暂定']);
    const done = effectWindows({
      goLive: '2026-10-10',
      now: '2026-11-09T00:00:00+08:00',
      timezone: 'Asia/Shanghai',
    });
    expect(verifyEffect({ ...fcrUp, window: done }).provisional).toBe(false);
  });

  it('judges at the α asked for, and refuses an α outside (0, 1)', () => {
    // z = 3.157, p = 0.00159: significant at 0.01, not at 0.001.
    expect(verifyEffect({ ...fcrUp, alpha: 0.01 }).verified).toBe(true);
    expect(verifyEffect({ ...fcrUp, alpha: 0.001 }).verified).toBe(false);
    expect(() => verifyEffect({ ...fcrUp, alpha: 0 })).toThrow(RangeError);
    expect(() => verifyEffect({ ...fcrUp, alpha: 1.5 })).toThrow(RangeError);
  });

  it('counts a target met up to rounding: FCR 57.1 % → 67.1 % reaches a +10 points target', () => {
    // In binary floating point 67.1 − 57.1 comes out as 9.999999999999993; a user sees +10 points.
    const v = verifyEffect({
      ...fcrUp,
      before: { successes: 571, trials: 1000 },
      after: { successes: 671, trials: 1000 },
      target: { value: 10, type: 'absolute' },
    });
    expect(v.change.absolute).toBeCloseTo(10, 9);
    expect(v.targetMet).toBe(true);
    expect(v.verified).toBe(true);
  });
});

const proportion: fc.Arbitrary<Proportion> = fc
  .integer({ min: 0, max: 3000 })
  .chain((trials) => fc.integer({ min: 0, max: trials }).map((successes) => ({ successes, trials })));
const better = fc.constantFrom('higher' as const, 'lower' as const);
const target = fc.record({
  value: fc.integer({ min: 0, max: 50 }),
  type: fc.constantFrom('absolute' as const, 'relative' as const),
});

describe('verifyEffect properties', () => {
  it('verified exactly when improved, significant and on target; never without a possible test', () => {
    fc.assert(
      fc.property(proportion, proportion, better, target, (before, after, b, t) => {
        const v = verifyEffect({ kind: 'rate', better: b, before, after, target: t });
        expect(v.verified).toBe(v.improved && v.significant && v.targetMet);
        if ('impossible' in v.test) expect(v.verified).toBe(false);
        // A verified item may carry cautions, never a reason against it.
        const cautions = ['few-expected-events', 'few-values-with-ties', 'window-incomplete'];
        if (v.verified) expect(v.notes.filter((n) => !cautions.includes(n.code))).toEqual([]);
      }),
    );
  });

  it('swapping the windows and the better direction gives the same judgement of direction and significance', () => {
    fc.assert(
      fc.property(proportion, proportion, better, (before, after, b) => {
        const t = { value: 0, type: 'absolute' } as const;
        const v = verifyEffect({ kind: 'rate', better: b, before, after, target: t });
        const w = verifyEffect({
          kind: 'rate',
          better: b === 'higher' ? 'lower' : 'higher',
          before: after,
          after: before,
          target: t,
        });
        expect(w.improved).toBe(v.improved);
        expect(w.significant).toBe(v.significant);
        if ('pValue' in v.test && 'pValue' in w.test) expect(w.test.pValue).toBeCloseTo(v.test.pValue, 12);
      }),
    );
  });

  it('times shifted by a constant keep their absolute change and their test', () => {
    const minutes = fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(minutes, minutes, fc.integer({ min: 1, max: 1000 }), (before, after, c) => {
        const t = { value: 0, type: 'absolute' } as const;
        const v = verifyEffect({ kind: 'time', better: 'lower', before, after, target: t });
        const s = verifyEffect({
          kind: 'time',
          better: 'lower',
          before: before.map((x) => x + c),
          after: after.map((x) => x + c),
          target: t,
        });
        expect(s.change.absolute).toBe(v.change.absolute);
        expect(s.significant).toBe(v.significant);
        expect(s.improved).toBe(v.improved);
      }),
    );
  });
});
