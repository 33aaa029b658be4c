/**
 * @module The verdict on an improvement item: the KPI before and after over equal windows, the change,
 * whether it is significant, and whether the item is verified against its target.
 *
 * Verified = the KPI moved the better way, the change is significant at α (two-sided), and the
 * improvement reaches the target. What "the KPI" is per kind:
 * - rate: the share of successes in percent (CSAT 82.5), so an absolute change is in percentage points;
 * - time: the median minutes. Handling times have long tails — one ticket stuck over a holiday moves
 *   the mean by hours — and the median is what the rank test's verdict is about;
 * - score: the mean answer, as CES and NPS are defined (a median of a 1–7 scale barely ever moves).
 * A relative change and a relative target are in percent of the before value (−20 = 20 % lower).
 * A target is the size of the improvement wanted, in the better direction (FRT "−20 %" is
 * `{ value: 20, type: 'relative' }` with `better: 'lower'`).
 *
 * While the after window is still running the verdict is computed the same way and marked provisional.
 */
import { createIssue, type Issue } from '../issues/issue';
import type { Locale } from '../issues/locale';
import type { Better, EffectKind } from './effect-kinds';
import { improvementMessages } from './improvement-messages';
import { mannWhitneyU, type MannWhitneyResult } from './mann-whitney-u';
import { mean, median } from './sample-summary';
import { twoProportionZTest, type Proportion, type ZTestResult } from './two-proportion-z-test';

export const DEFAULT_ALPHA = 0.05;
/** Below this many values in a sample, a p-value from the normal approximation with ties gets a caution. */
const FEW_VALUES = 10;
/** Below this expected count in a cell of the 2 × 2 table, the z-test's p-value gets a caution. */
const FEW_EXPECTED = 5;

export interface EffectTarget {
  /** The improvement wanted, in the better direction: points / minutes / score (absolute) or percent (relative). */
  value: number;
  type: 'absolute' | 'relative';
}

interface CommonInput {
  better: Better;
  target: EffectTarget;
  alpha?: number;
  /** From `effectWindows`: an incomplete after window makes the verdict provisional. */
  window?: { complete: boolean; daysElapsed: number; days: number };
  locale?: Locale;
}

export type VerifyEffectInput =
  | (CommonInput & { kind: 'rate'; before: Proportion; after: Proportion })
  | (CommonInput & { kind: 'time' | 'score'; before: readonly number[]; after: readonly number[] });

export type EffectTest =
  | {
      name: 'two-proportion-z-test';
      /** z: positive when the after share is higher. */
      statistic: number;
      pValue: number;
      significant: boolean;
      detail: ZTestResult;
    }
  | {
      name: 'mann-whitney-u';
      /** U of the after sample: pairs where the after value is higher (ties ½). */
      statistic: number;
      pValue: number;
      significant: boolean;
      detail: MannWhitneyResult;
    }
  | { name: 'two-proportion-z-test' | 'mann-whitney-u'; impossible: Issue };

export interface EffectVerdict {
  kind: EffectKind;
  better: Better;
  /** What `value` is: the share in percent, the median or the mean of the observations. */
  statistic: 'percent' | 'median' | 'mean';
  before: { value: number | null; n: number };
  after: { value: number | null; n: number };
  /** after − before, and that in percent of before (null when before is 0 or a value is missing). */
  change: { absolute: number | null; relative: number | null };
  test: EffectTest;
  /** The value moved the better way (and, for the rank test, the ranks agree). */
  improved: boolean;
  significant: boolean;
  targetMet: boolean;
  verified: boolean;
  provisional: boolean;
  /** Why the test was impossible or the item is not verified, and cautions, as issues. */
  notes: Issue[];
}

/** Four significant digits, so messages show p = 0.04998, not 0.049979…; tiny p-values stay visible. */
const shown = (x: number) => Number(x.toPrecision(4));

function summarise(input: VerifyEffectInput) {
  if (input.kind === 'rate') {
    const pct = (p: Proportion) => (p.trials === 0 ? null : (100 * p.successes) / p.trials);
    return {
      statistic: 'percent' as const,
      before: { value: pct(input.before), n: input.before.trials },
      after: { value: pct(input.after), n: input.after.trials },
    };
  }
  const of = input.kind === 'time' ? median : mean;
  return {
    statistic: input.kind === 'time' ? ('median' as const) : ('mean' as const),
    before: { value: of(input.before), n: input.before.length },
    after: { value: of(input.after), n: input.after.length },
  };
}

function runTest(input: VerifyEffectInput, alpha: number, locale: Locale, notes: Issue[]): EffectTest {
  const issue = (code: string, path: string, params?: Record<string, unknown>) =>
    createIssue(improvementMessages, code, path, params, locale);
  if (input.kind === 'rate') {
    const name = 'two-proportion-z-test';
    const r = twoProportionZTest(input.before, input.after);
    if (!r.possible) {
      return r.reason === 'no-data'
        ? { name, impossible: issue(`no-data-${r.side}`, `/${r.side}/trials`) }
        : { name, impossible: issue('all-same-outcome', '', { value: r.pooled * 100 }) };
    }
    if (r.minExpected < FEW_EXPECTED)
      notes.push(issue('few-expected-events', '', { minExpected: shown(r.minExpected) }));
    return { name, statistic: r.z, pValue: r.pValue, significant: r.pValue < alpha, detail: r };
  }
  const name = 'mann-whitney-u';
  const r = mannWhitneyU(input.before, input.after);
  if (!r.possible) {
    return r.reason === 'no-data'
      ? { name, impossible: issue(`no-data-${r.side}`, `/${r.side}`) }
      : { name, impossible: issue('no-variation', '', { value: r.value }) };
  }
  const n = Math.min(r.n1, r.n2);
  if (r.method === 'normal' && r.ties && n < FEW_VALUES) notes.push(issue('few-values-with-ties', '', { n }));
  return { name, statistic: r.uAfter, pValue: r.pValue, significant: r.pValue < alpha, detail: r };
}

export function verifyEffect(input: VerifyEffectInput): EffectVerdict {
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie between 0 and 1: ${alpha}`);
  const locale = input.locale ?? 'en';
  const issue = (code: string, path: string, params?: Record<string, unknown>) =>
    createIssue(improvementMessages, code, path, params, locale);
  const notes: Issue[] = [];
  const { statistic, before, after } = summarise(input);
  const test = runTest(input, alpha, locale, notes);

  const absolute = before.value !== null && after.value !== null ? after.value - before.value : null;
  const relative =
    absolute !== null && before.value !== 0 ? (100 * absolute) / Math.abs(before.value!) : null;
  const sign = input.better === 'higher' ? 1 : -1;
  const significant = 'significant' in test && test.significant;

  let improved = absolute !== null && sign * absolute > 0;
  if (improved && test.name === 'mann-whitney-u' && 'detail' in test) {
    // The mean (scores) can move one way while most values move the other; the test speaks of ranks.
    const d = test.detail;
    if (sign * (d.uAfter - (d.n1 * d.n2) / 2) <= 0) {
      improved = false;
      notes.push(issue('direction-disagrees', ''));
    }
  } else if (absolute !== null && !improved) {
    notes.push(issue('not-better', '', { better: input.better }));
  }

  const { target } = input;
  const achieved = target.type === 'absolute' ? absolute : relative;
  if (target.type === 'relative' && absolute !== null && relative === null) {
    notes.push(issue('relative-from-zero', '/target/type'));
  }
  const improvement = achieved === null ? null : sign * achieved;
  // A target reached up to floating-point rounding (−20.000000000000004 %) counts as reached.
  const targetMet =
    improvement !== null && improvement >= target.value - 1e-9 * Math.max(1, Math.abs(target.value));
  if ('impossible' in test) notes.push(test.impossible);
  else if (!test.significant) notes.push(issue('not-significant', '', { pValue: shown(test.pValue), alpha }));
  if (improvement !== null && !targetMet) {
    const unit = target.type === 'relative' ? ' %' : '';
    notes.push(
      issue('target-not-met', '/target/value', {
        improvement: `${shown(improvement)}${unit}`,
        target: `${target.value}${unit}`,
      }),
    );
  }
  const provisional = input.window !== undefined && !input.window.complete;
  if (provisional) {
    notes.push(
      issue('window-incomplete', '', { daysElapsed: input.window!.daysElapsed, days: input.window!.days }),
    );
  }
  return {
    kind: input.kind,
    better: input.better,
    statistic,
    before,
    after,
    change: { absolute, relative },
    test,
    improved,
    significant,
    targetMet,
    verified: improved && significant && targetMet,
    provisional,
    notes,
  };
}
