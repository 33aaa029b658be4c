/**
 * @module The Mann–Whitney U test (Wilcoxon rank-sum) for time and score KPIs: do after-window values
 * tend to be higher or lower than before-window ones? It needs no normal data, which handling times
 * (long right tails: the ticket that waited over a holiday) are not.
 *
 * The p-value follows R's `wilcox.test` defaults, so figures can be checked against it: the exact
 * distribution of U when both samples have fewer than 50 values and there are no ties (the exact
 * distribution assumes distinct values; with ties it is no longer the right null distribution);
 * otherwise the normal approximation with the tie-corrected variance and a continuity correction of ½.
 * The shift is estimated by Hodges–Lehmann (the median of all after − before differences), the
 * estimate that belongs to this test; the difference of medians is given too.
 */
import { twoSidedPValue } from './normal-distribution';
import { assertFiniteValues, median, medianOfSorted } from './sample-summary';

/** Both samples below this size and no ties: exact p-value (R's rule). */
export const EXACT_LIMIT = 50;
/** Beyond this many pairs the Hodges–Lehmann estimate (a sort of all pairs) is skipped. */
export const HODGES_LEHMANN_MAX_PAIRS = 1_000_000;

export type MannWhitneyImpossible =
  | { possible: false; reason: 'no-data'; side: 'before' | 'after' }
  /** Every value in both samples is the same: no ranks to compare. */
  | { possible: false; reason: 'no-variation'; value: number };

export interface MannWhitneyResult {
  possible: true;
  n1: number;
  n2: number;
  /** Pairs (before, after) where before is higher, ties counting ½. */
  uBefore: number;
  /** Pairs where after is higher, ties counting ½; uBefore + uAfter = n₁ n₂. */
  uAfter: number;
  method: 'exact' | 'normal';
  /** The continuity-corrected z of the normal approximation (positive: after tends higher); null when exact. */
  z: number | null;
  pValue: number;
  /** Some values occur more than once (in either sample). */
  ties: boolean;
  medianBefore: number;
  medianAfter: number;
  /** medianAfter − medianBefore. */
  medianDifference: number;
  /** Median of all after − before differences; null for more than HODGES_LEHMANN_MAX_PAIRS pairs. */
  hodgesLehmann: number | null;
}

/** Mid-ranks of the pooled values (ties share the mean of their ranks) and Σ (t³ − t) over tie groups. */
function rankPooled(before: readonly number[], after: readonly number[]) {
  const pooled = [...before.map((v) => ({ v, after: false })), ...after.map((v) => ({ v, after: true }))];
  pooled.sort((a, b) => a.v - b.v);
  let rankSumAfter = 0;
  let tieTerm = 0;
  for (let i = 0; i < pooled.length;) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1]!.v === pooled[i]!.v) j++;
    const t = j - i + 1;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (pooled[k]!.after) rankSumAfter += midRank;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { rankSumAfter, tieTerm };
}

/**
 * Number of arrangements giving each U = 0 … m n for samples of sizes m and n without ties: the
 * recurrence f(i, j, u) = f(i − 1, j, u − j) + f(i, j − 1, u) (the largest value is in the first
 * sample, adding j to its U, or in the second), kept one row of i at a time.
 */
export function exactUCounts(m: number, n: number): number[] {
  let prev: number[][] = Array.from({ length: n + 1 }, () => [1]); // i = 0: one way, U = 0
  for (let i = 1; i <= m; i++) {
    const row: number[][] = [[1]]; // j = 0: one way, U = 0
    for (let j = 1; j <= n; j++) {
      const counts = new Array<number>(i * j + 1).fill(0);
      const withLargestFirst = prev[j]!; // (i − 1, j), shifted by j
      for (let u = 0; u < withLargestFirst.length; u++) counts[u + j]! += withLargestFirst[u]!;
      const withLargestSecond = row[j - 1]!; // (i, j − 1)
      for (let u = 0; u < withLargestSecond.length; u++) counts[u]! += withLargestSecond[u]!;
      row.push(counts);
    }
    prev = row;
  }
  return prev[n]!;
}

function exactTwoSided(u: number, m: number, n: number): number {
  const counts = exactUCounts(m, n);
  let total = 0;
  for (const c of counts) total += c;
  // The distribution is symmetric about m n / 2: P(U ≥ u) = P(U ≤ m n − u).
  const lowerOf = (k: number) => {
    let s = 0;
    for (let x = 0; x <= Math.min(k, counts.length - 1); x++) s += counts[x]!;
    return s / total;
  };
  const lower = lowerOf(Math.floor(u));
  const upper = lowerOf(Math.floor(m * n - u));
  return Math.min(1, 2 * Math.min(lower, upper));
}

function hodgesLehmann(before: readonly number[], after: readonly number[]): number | null {
  if (before.length * after.length > HODGES_LEHMANN_MAX_PAIRS) return null;
  const diffs = new Float64Array(before.length * after.length);
  let k = 0;
  for (const a of after) for (const b of before) diffs[k++] = a - b;
  return medianOfSorted(diffs.sort());
}

export function mannWhitneyU(
  before: readonly number[],
  after: readonly number[],
): MannWhitneyResult | MannWhitneyImpossible {
  assertFiniteValues(before, 'before');
  assertFiniteValues(after, 'after');
  if (before.length === 0) return { possible: false, reason: 'no-data', side: 'before' };
  if (after.length === 0) return { possible: false, reason: 'no-data', side: 'after' };
  const n1 = before.length;
  const n2 = after.length;
  const N = n1 + n2;
  const { rankSumAfter, tieTerm } = rankPooled(before, after);
  if (tieTerm === N * N * N - N) return { possible: false, reason: 'no-variation', value: before[0]! };
  const uAfter = rankSumAfter - (n2 * (n2 + 1)) / 2;
  const uBefore = n1 * n2 - uAfter;
  const ties = tieTerm > 0;

  let method: 'exact' | 'normal';
  let z: number | null = null;
  let pValue: number;
  if (!ties && n1 < EXACT_LIMIT && n2 < EXACT_LIMIT) {
    method = 'exact';
    pValue = exactTwoSided(uAfter, n2, n1);
  } else {
    method = 'normal';
    const centred = uAfter - (n1 * n2) / 2;
    const sigma = Math.sqrt(((n1 * n2) / 12) * (N + 1 - tieTerm / (N * (N - 1))));
    z = (centred - 0.5 * Math.sign(centred)) / sigma;
    pValue = twoSidedPValue(z);
  }
  const medianBefore = median(before)!;
  const medianAfter = median(after)!;
  return {
    possible: true,
    n1,
    n2,
    uBefore,
    uAfter,
    method,
    z,
    pValue,
    ties,
    medianBefore,
    medianAfter,
    medianDifference: medianAfter - medianBefore,
    hodgesLehmann: hodgesLehmann(before, after),
  };
}
