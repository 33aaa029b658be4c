/**
 * @module The normal CDF behind every p-value: standard table quantiles, symmetry, far tails that do
 * not collapse to 0, and agreement with a direct numerical integral of the density.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedPValue } from '../../../engine/improvements';

describe('normalCdf', () => {
  // The quantiles every statistics table prints (1.96 → 0.975, 1.645 → 0.95, 2.576 → 0.995, −2.326 →
  // 0.01), with the digits beyond the table checked against mpmath's ncdf at 30 digits.
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [1.96, 0.9750021048517795],
    [1.644853626951473, 0.95],
    [2.575829303548901, 0.995],
    [-1, 0.158655253931457],
    [3, 0.99865010196837],
    [-2.326347874040841, 0.01],
  ])('Φ(%s) = %s', (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-12);
  });

  it('keeps far tails as small positive numbers (Φ(−5) = 2.8665e-7, Φ(−8) = 6.221e-16)', () => {
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 9);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 7);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('gives the familiar two-sided p-values: |z| = 1.96 → 0.05, 2.576 → 0.01, 0 → 1', () => {
    expect(twoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedPValue(-2.575829303548901)).toBeCloseTo(0.01, 12);
    expect(twoSidedPValue(0)).toBe(1);
    // The tail is computed directly, so a tiny p-value keeps its leading digits instead of rounding
    // to 0: 2 Φ(−7) = 2.55962508777167e-12 (mpmath erfc(7/√2) at 30 digits).
    expect(twoSidedPValue(7) / 2.55962508777167e-12).toBeCloseTo(1, 7);
  });

  it('is symmetric: Φ(−x) = 1 − Φ(x), and increasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (x, d) => {
          expect(Math.abs(normalCdf(-x) - (1 - normalCdf(x)))).toBeLessThan(1e-14);
          expect(normalCdf(x + d)).toBeGreaterThanOrEqual(normalCdf(x));
        },
      ),
    );
  });

  it('agrees to 1e-10 with Simpson integration of the density from 0 (an independent computation)', () => {
    const density = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
    const simpson = (b: number) => {
      const n = 2000;
      const h = b / n;
      let s = density(0) + density(b);
      for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * density(i * h);
      return (s * h) / 3;
    };
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) - (0.5 + simpson(x)))).toBeLessThan(1e-10);
      }),
      { numRuns: 200 },
    );
  });
});
