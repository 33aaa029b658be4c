/**
 * @module The two-proportion z-test for rate KPIs (CSAT, FCR, SLA attainment, reopen rate, …): did the
 * share of successes change between the before and after windows? Pooled standard error under the
 * null hypothesis p₁ = p₂, two-sided p-value, no continuity correction (the textbook test; it equals
 * the Pearson χ² test of the 2 × 2 table, z² = χ²).
 */
import { twoSidedPValue } from './normal-distribution';

export interface Proportion {
  successes: number;
  trials: number;
}

/** Why no test could be made. */
export type ZTestImpossible =
  /** A window has no trials: there is no rate to compare. */
  | { possible: false; reason: 'no-data'; side: 'before' | 'after' }
  /** Every trial succeeded, or every trial failed, in both windows: nothing varies, the SE is 0. */
  | { possible: false; reason: 'no-variation'; pooled: number };

export interface ZTestResult {
  possible: true;
  /** Success share before (p₁) and after (p₂), 0–1. */
  p1: number;
  p2: number;
  /** p₂ − p₁ (0–1; × 100 for percentage points). */
  difference: number;
  /** The pooled share (x₁ + x₂) ÷ (n₁ + n₂). */
  pooled: number;
  standardError: number;
  /** (p₂ − p₁) ÷ SE: positive when the after share is higher. */
  z: number;
  pValue: number;
  /**
   * The smallest count expected in any cell of the 2 × 2 table under the pooled share. Below 5 the
   * normal approximation is rough (the usual rule of thumb), which the verdict says.
   */
  minExpected: number;
}

function assertProportion(p: Proportion, side: string): void {
  const { successes, trials } = p;
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`${side}: successes and trials must be integers with 0 ≤ successes ≤ trials`);
  }
}

export function twoProportionZTest(before: Proportion, after: Proportion): ZTestResult | ZTestImpossible {
  assertProportion(before, 'before');
  assertProportion(after, 'after');
  if (before.trials === 0) return { possible: false, reason: 'no-data', side: 'before' };
  if (after.trials === 0) return { possible: false, reason: 'no-data', side: 'after' };
  const n1 = before.trials;
  const n2 = after.trials;
  const p1 = before.successes / n1;
  const p2 = after.successes / n2;
  const pooled = (before.successes + after.successes) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return { possible: false, reason: 'no-variation', pooled };
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const difference = p2 - p1;
  const z = difference / standardError;
  const minExpected = Math.min(n1, n2) * Math.min(pooled, 1 - pooled);
  return {
    possible: true,
    p1,
    p2,
    difference,
    pooled,
    standardError,
    z,
    pValue: twoSidedPValue(z),
    minExpected,
  };
}
