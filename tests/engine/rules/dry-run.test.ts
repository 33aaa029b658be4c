/**
 * Data-driven dry runs: replaying a rule over past records gives exactly the firings a team would
 * expect — which keys, when, and the records behind each — honouring keys and cool-downs.
 */
import { describe, expect, it } from 'vitest';
import { dryRunRule, type DrySlaEvent, type RuleRecord } from '../../../engine/rules';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';
import { loadRule, type RuleSpec } from './rule-fixtures';

interface DryRunScenario extends RuleSpec, FixtureCase {
  name: string;
  records: RuleRecord[];
  from: string;
  to: string;
  now?: string;
  slaEvents?: DrySlaEvent[];
  firings: { key: string; at?: string; records?: string[]; actions?: unknown[] }[];
  suppressed?: { duplicate: number; cooldown: number };
}

const scenarios = loadFixtures<DryRunScenario>('rules').filter((s) => Array.isArray(s.firings));

describe.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
  const result = dryRunRule(loadRule(s), s.records, {
    from: s.from,
    to: s.to,
    now: s.now,
    slaEvents: s.slaEvents,
  });

  it('fires under exactly the expected keys', () => {
    expect(result.firings.map((f) => f.key)).toEqual(s.firings.map((f) => f.key));
  });

  it('names when and the records behind each firing', () => {
    s.firings.forEach((want, i) => {
      const got = result.firings[i];
      if (want.at !== undefined) expect(got?.at).toBe(want.at);
      if (want.records !== undefined) expect(got?.records).toEqual(want.records);
      if (want.actions !== undefined) expect(got?.actions).toMatchObject(want.actions);
    });
  });

  if (s.suppressed) {
    it('counts what keys and cool-downs held back', () => {
      expect(result.suppressed).toEqual(s.suppressed);
    });
  }
});
