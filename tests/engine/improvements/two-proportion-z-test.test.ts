/**
 * @module The two-proportion z-test on a hand-worked example, its edge cases (no trials, no
 * variation), and properties: swapping the windows mirrors z, p-values stay in [0, 1], more data of
 * the same shares is more significant, z² equals Pearson's χ² of the 2 × 2 table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoProportionZTest, type Proportion } from '../../../engine/improvements';

describe('twoProportionZTest', () => {
  it('40 of 100 → 60 of 100: z = 2√2, p = 0.0046777', () => {
    // By hand: pooled p = 100/200 = 0.5; SE = √(0.5 × 0.5 × (1/100 + 1/100)) = √0.005 = 0.0707107;
    // z = (0.6 − 0.4) / 0.0707107 = 2√2 = 2.828427. The same table as a χ² test: χ² = 8 = z², and
    // P(χ²₁ > 8) = 0.00467773 (any χ² table).
    const r = twoProportionZTest({ successes: 40, trials: 100 }, { successes: 60, trials: 100 });
    expect(r.possible).toBe(true);
    if (!r.possible) return;
    expect(r.p1).toBe(0.4);
    expect(r.p2).toBe(0.6);
    expect(r.pooled).toBe(0.5);
    expect(r.difference).toBeCloseTo(0.2, 12);
    expect(r.z).toBeCloseTo(2 * Math.SQRT2, 10);
    expect(r.pValue).toBeCloseTo(0.00467773, 7);
  });

  it('45 of 100 → 55 of 100: z = √2, p = 0.157299 (not significant at 0.05)', () => {
    // Same SE as above; z = 0.1 / 0.0707107 = √2; p = 2 Φ(−1.41421) = 0.157299.
    const r = twoProportionZTest({ successes: 45, trials: 100 }, { successes: 55, trials: 100 });
    expect(r.possible && r.z).toBeCloseTo(Math.SQRT2, 10);
    expect(r.possible && r.pValue).toBeCloseTo(0.157299, 6);
  });

  it('cannot test a window without trials, and says which', () => {
    expect(twoProportionZTest({ successes: 0, trials: 0 }, { successes: 3, trials: 10 })).toEqual({
      possible: false,
      reason: 'no-data',
      side: 'before',
    });
    expect(twoProportionZTest({ successes: 3, trials: 10 }, { successes: 0, trials: 0 })).toMatchObject({
      reason: 'no-data',
      side: 'after',
    });
  });

  it('cannot test when every trial succeeded (or every one failed) in both windows', () => {
    expect(twoProportionZTest({ successes: 20, trials: 20 }, { successes: 35, trials: 35 })).toEqual({
      possible: false,
      reason: 'no-variation',
      pooled: 1,
    });
    expect(twoProportionZTest({ successes: 0, trials: 20 }, { successes: 0, trials: 35 })).toMatchObject({
      reason: 'no-variation',
      pooled: 0,
    });
  });

  it('can test 100 % before against 90 % after (only one window lacks variation)', () => {
    const r = twoProportionZTest({ successes: 50, trials: 50 }, { successes: 45, trials: 50 });
    expect(r.possible && r.z).toBeLessThan(0);
  });

  it('refuses impossible counts', () => {
    expect(() => twoProportionZTest({ successes: 5, trials: 4 }, { successes: 1, trials: 2 })).toThrow(
      RangeError,
    );
    expect(() => twoProportionZTest({ successes: -1, trials: 4 }, { successes: 1, trials: 2 })).toThrow(
      RangeError,
    );
    expect(() => twoProportionZTest({ successes: 1.5, trials: 4 }, { successes: 1, trials: 2 })).toThrow(
      RangeError,
    );
  });
});

const proportion: fc.Arbitrary<Proportion> = fc
  .integer({ min: 1, max: 5000 })
  .chain((trials) => fc.integer({ min: 0, max: trials }).map((successes) => ({ successes, trials })));

describe('twoProportionZTest properties', () => {
  it('swapping before and after negates z and keeps p; p lies in [0, 1]', () => {
    fc.assert(
      fc.property(proportion, proportion, (a, b) => {
        const ab = twoProportionZTest(a, b);
        const ba = twoProportionZTest(b, a);
        expect(ab.possible).toBe(ba.possible);
        if (!ab.possible || !ba.possible) return;
        expect(ba.z).toBeCloseTo(-ab.z, 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('the same shares on k times the data give √k times the z (more data, more certainty)', () => {
    fc.assert(
      fc.property(proportion, proportion, fc.integer({ min: 2, max: 20 }), (a, b, k) => {
        const once = twoProportionZTest(a, b);
        const scaled = twoProportionZTest(
          { successes: a.successes * k, trials: a.trials * k },
          { successes: b.successes * k, trials: b.trials * k },
        );
        if (!once.possible || !scaled.possible) return;
        expect(scaled.z).toBeCloseTo(once.z * Math.sqrt(k), 6);
        expect(scaled.pValue).toBeLessThanOrEqual(once.pValue + 1e-15);
      }),
    );
  });

  it("z² equals Pearson's χ² of the 2 × 2 table, computed from observed and expected counts", () => {
    fc.assert(
      fc.property(proportion, proportion, (a, b) => {
        const r = twoProportionZTest(a, b);
        if (!r.possible) return;
        const cells = [
          [a.successes, a.trials - a.successes, a.trials],
          [b.successes, b.trials - b.successes, b.trials],
        ] as const;
        const colTotals = [a.successes + b.successes, a.trials + b.trials - a.successes - b.successes];
        const n = a.trials + b.trials;
        let chi2 = 0;
        for (const [s, f, rowTotal] of cells) {
          [s, f].forEach((observed, j) => {
            const expected = (rowTotal * colTotals[j]!) / n;
            chi2 += (observed - expected) ** 2 / expected;
          });
        }
        expect(r.z * r.z).toBeCloseTo(chi2, 6);
      }),
    );
  });
});
