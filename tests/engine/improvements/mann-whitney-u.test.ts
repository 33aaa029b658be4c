/**
 * @module The Mann–Whitney U test on hand-worked samples (without ties: exact p; with ties: normal
 * approximation, tie and continuity corrections), its edge cases, and properties a reader of the
 * verdict relies on: swapping windows mirrors U, a shift or rescale of every value changes nothing,
 * a pure shift is estimated exactly, complete separation has the smallest possible p.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, mannWhitneyU, twoSidedPValue } from '../../../engine/improvements';
import { exactUCounts } from '../../../engine/improvements/mann-whitney-u';

const binomial = (n: number, k: number) => {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
};

describe('mannWhitneyU, worked examples', () => {
  it('no ties: resolution minutes 12 15 18 20 25 → 8 10 11 14 16 give U = 3, exact p = 1/18', () => {
    // Pooled order 8a 10a 11a 12b 14a 15b 16a 18b 20b 25b: after ranks 1 2 3 5 7 sum 18,
    // U(after) = 18 − 5·6/2 = 3, U(before) = 25 − 3 = 22. Arrangements with U ≤ 3 are the partitions
    // of 0, 1, 2, 3 into at most 5 parts of at most 5: 1 + 1 + 2 + 3 = 7 out of C(10, 5) = 252;
    // two-sided p = 2 × 7/252 = 1/18 (R: wilcox.test(c(8,10,11,14,16), c(12,15,18,20,25)) → W = 3,
    // p-value = 0.05556).
    const r = mannWhitneyU([12, 15, 18, 20, 25], [8, 10, 11, 14, 16]);
    expect(r).toMatchObject({ possible: true, uAfter: 3, uBefore: 22, method: 'exact', ties: false });
    expect(r.possible && r.pValue).toBeCloseTo(1 / 18, 12);
    // Medians 18 and 11; the 25 differences after − before sorted have −6 in the middle (13th).
    expect(r).toMatchObject({ medianBefore: 18, medianAfter: 11, medianDifference: -7, hodgesLehmann: -6 });
  });

  it('ties: CES 1 2 2 3 → 2 3 4 5 give U = 13.5 and p = 0.13666 by the corrected normal approximation', () => {
    // Pooled 1b 2b 2b 2a 3b 3a 4a 5a; mid-ranks 1, 3, 3, 3, 5.5, 5.5, 7, 8; after rank sum
    // 3 + 5.5 + 7 + 8 = 23.5, U(after) = 23.5 − 10 = 13.5. Ties: a group of 3 and one of 2,
    // Σ(t³ − t) = 24 + 6 = 30; σ² = (4·4/12)(8 + 1 − 30/(8·7)) = 11.285714; z = (13.5 − 8 − ½)/σ =
    // 1.488351; p = 2 Φ(−1.488351) = 0.136658 (R: W = 13.5, p-value = 0.1367, with its ties warning).
    const r = mannWhitneyU([1, 2, 2, 3], [2, 3, 4, 5]);
    expect(r).toMatchObject({ possible: true, uAfter: 13.5, uBefore: 2.5, method: 'normal', ties: true });
    if (!r.possible) return;
    expect(r.z).toBeCloseTo(1.488351, 6);
    expect(r.pValue).toBeCloseTo(0.136658, 6);
  });

  it('counts arrangements exactly: sizes 2 and 2 give U = 0…4 in 1, 1, 2, 1, 1 of the C(4, 2) = 6 ways', () => {
    expect(exactUCounts(2, 2)).toEqual([1, 1, 2, 1, 1]);
    // Sizes 5 and 5 start 1, 1, 2, 3, 5 (partitions of u into at most 5 parts ≤ 5) and sum to 252.
    const c55 = exactUCounts(5, 5);
    expect(c55.slice(0, 5)).toEqual([1, 1, 2, 3, 5]);
    expect(c55.reduce((a, b) => a + b, 0)).toBe(252);
    expect(c55).toEqual([...c55].reverse());
  });

  it('uses the exact distribution only without ties and below 50 values a side (as R does)', () => {
    const distinct = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i * 2);
    expect(mannWhitneyU(distinct(49, 0), distinct(49, 1))).toMatchObject({ method: 'exact' });
    expect(mannWhitneyU(distinct(EXACT_LIMIT, 0), distinct(10, 1))).toMatchObject({ method: 'normal' });
    expect(mannWhitneyU([1, 2, 3], [3, 4, 5])).toMatchObject({ method: 'normal', ties: true });
  });

  it('the exact p agrees with the normal approximation on 40 + 40 distinct values', () => {
    // Large enough for the approximation to be good, small enough for the exact route: the two must
    // agree to a few thousandths, or the exact counts are wrong.
    const before = Array.from({ length: 40 }, (_, i) => i * 3);
    const after = Array.from({ length: 40 }, (_, i) => i * 3 + 10 + (i % 7) / 10);
    const exact = mannWhitneyU(before, after);
    if (!exact.possible) throw new Error('expected a test');
    expect(exact.method).toBe('exact');
    const sigma = Math.sqrt((40 * 40 * 81) / 12);
    const z = (Math.abs(exact.uAfter - 800) - 0.5) / sigma;
    expect(Math.abs(exact.pValue - twoSidedPValue(z))).toBeLessThan(0.003);
  });

  it('says why no test is possible: an empty window, or one value everywhere', () => {
    expect(mannWhitneyU([], [1, 2])).toEqual({ possible: false, reason: 'no-data', side: 'before' });
    expect(mannWhitneyU([1, 2], [])).toEqual({ possible: false, reason: 'no-data', side: 'after' });
    expect(mannWhitneyU([4, 4], [4, 4, 4])).toEqual({ possible: false, reason: 'no-variation', value: 4 });
  });

  it('refuses values that are not finite numbers', () => {
    expect(() => mannWhitneyU([1, Number.NaN], [2])).toThrow(RangeError);
    expect(() => mannWhitneyU([1], [Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

/** Whole minutes from a small range, so ties are common. */
const tiedSample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 });
/** Distinct values, so the exact route is taken. */
const distinctPair = fc
  .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 60 })
  .chain((values) =>
    fc.integer({ min: 1, max: values.length - 1 }).map((k) => [values.slice(0, k), values.slice(k)] as const),
  );

describe('mannWhitneyU properties', () => {
  it('swapping before and after swaps the two U, negates z and keeps p; U sum to n₁n₂; p in [0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(tiedSample, tiedSample), distinctPair), ([a, b]) => {
        const ab = mannWhitneyU(a, b);
        const ba = mannWhitneyU(b, a);
        // Returned values decide a fast-check property, so the assertion is not returned.
        if (!ab.possible || !ba.possible) {
          expect(ab.possible).toBe(ba.possible);
          return;
        }
        expect(ba.uAfter).toBe(ab.uBefore);
        expect(ba.uBefore).toBe(ab.uAfter);
        expect(ab.uAfter + ab.uBefore).toBe(a.length * b.length);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
        if (ab.z !== null) expect(ba.z).toBeCloseTo(-ab.z, 12);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('adding a constant to every value, or rescaling every value, changes neither U nor p', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.tuple(tiedSample, tiedSample), distinctPair),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 1, max: 60 }),
        ([a, b], shift, scale) => {
          const plain = mannWhitneyU(a, b);
          const moved = mannWhitneyU(
            a.map((v) => v * scale + shift),
            b.map((v) => v * scale + shift),
          );
          if (!plain.possible) {
            expect(moved.possible).toBe(false);
            return;
          }
          expect(moved).toMatchObject({ uAfter: plain.uAfter, pValue: plain.pValue, method: plain.method });
        },
      ),
    );
  });

  it('after = before + c: the Hodges–Lehmann shift and the median difference are exactly c', () => {
    fc.assert(
      fc.property(tiedSample, fc.integer({ min: -100, max: 100 }), (a, c) => {
        const r = mannWhitneyU(
          a,
          a.map((v) => v + c),
        );
        if (!r.possible) return;
        expect(r.hodgesLehmann).toBe(c);
        expect(r.medianDifference).toBe(c);
      }),
    );
  });

  it('every after value below every before value: U(after) = 0 and the exact p is 2 / C(n₁+n₂, n₁)', () => {
    fc.assert(
      fc.property(distinctPair, ([a, b]) => {
        const before = [...a, ...b].sort((x, y) => x - y).slice(b.length);
        const after = [...a, ...b].sort((x, y) => x - y).slice(0, b.length);
        const r = mannWhitneyU(before, after);
        if (!r.possible) throw new Error('expected a test');
        expect(r.uAfter).toBe(0);
        expect(r.pValue).toBeCloseTo(
          Math.min(1, 2 / binomial(before.length + after.length, after.length)),
          12,
        );
      }),
    );
  });
});
