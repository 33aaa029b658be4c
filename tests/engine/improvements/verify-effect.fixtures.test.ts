/**
 * @module Verdicts on constructed data whose statistics are worked out by hand in each case's `source`
 * (tests/fixtures/improvements/verdicts.json): verified, short of target, not significant, wrong way,
 * provisional, and every "no test possible" reason.
 */
import { describe, expect, it } from 'vitest';
import { verifyEffect, type VerifyEffectInput } from '../../../engine/improvements';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';

interface Side {
  value: number | null;
  n: number;
}
interface VerdictCase extends FixtureCase {
  source: string;
  input: VerifyEffectInput;
  expect: {
    before?: Side;
    after?: Side;
    change?: { absolute: number | null; relative: number | null };
    test?: { name: string; statistic?: number; pValue?: number; impossible?: string };
    improved?: boolean;
    significant?: boolean;
    targetMet?: boolean;
    verified?: boolean;
    provisional?: boolean;
    notes: string[];
  };
}

const cases = loadFixtures<VerdictCase>('improvements').filter((c) => c.file.endsWith('verdicts.json'));

/** The hand-worked figures are given to six significant digits. */
function expectClose(actual: number | null | undefined, expected: number | null, what: string) {
  if (expected === null) return expect(actual, what).toBeNull();
  expect(actual, what).toBeTypeOf('number');
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    Math.max(1e-5 * Math.abs(expected), 1e-9),
  );
}

describe('verifyEffect on hand-worked cases', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const verdict = verifyEffect(c.input);
    const e = c.expect;
    for (const side of ['before', 'after'] as const) {
      if (e[side]) {
        expectClose(verdict[side].value, e[side].value, `${side}.value`);
        expect(verdict[side].n).toBe(e[side].n);
      }
    }
    if (e.change) {
      expectClose(verdict.change.absolute, e.change.absolute, 'change.absolute');
      expectClose(verdict.change.relative, e.change.relative, 'change.relative');
    }
    if (e.test) {
      expect(verdict.test.name).toBe(e.test.name);
      if (e.test.impossible !== undefined) {
        expect('impossible' in verdict.test && verdict.test.impossible.code).toBe(e.test.impossible);
      } else {
        expect('pValue' in verdict.test).toBe(true);
        if ('pValue' in verdict.test) {
          if (e.test.statistic !== undefined)
            expectClose(verdict.test.statistic, e.test.statistic, 'statistic');
          if (e.test.pValue !== undefined) expectClose(verdict.test.pValue, e.test.pValue, 'pValue');
        }
      }
    }
    for (const flag of ['improved', 'significant', 'targetMet', 'verified', 'provisional'] as const) {
      if (e[flag] !== undefined) expect(verdict[flag], flag).toBe(e[flag]);
    }
    expect(verdict.notes.map((n) => n.code).sort()).toEqual([...e.notes].sort());
    // Every note reads as a sentence, not as its code.
    for (const note of verdict.notes) expect(note.message).not.toBe(note.code);
  });
});
