/**
 * Data-driven evaluation cases: each scenario file holds a rule, record versions and cases; a case
 * evaluates one record version with given aggregates (as the runtime's SQL would compute them) or,
 * when none are given, aggregates computed in memory over the records that existed at the time.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregateRequests,
  computeAggregate,
  evaluateRule,
  type RuleEvent,
  type RuleRecord,
} from '../../../engine/rules';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';
import { loadRule, pickVersion, type RuleSpec } from './rule-fixtures';

interface EvaluationCase extends Partial<Omit<RuleSpec, 'rule'>> {
  name: string;
  record: string;
  revision?: number;
  event?: RuleEvent;
  aggregates?: Record<string, number | null>;
  now?: string;
  lastFiredAt?: string;
  expect: {
    fired: boolean;
    key?: string;
    reason?: string;
    cooldownUntil?: string;
    group?: Record<string, unknown>;
    window?: unknown;
    aggregates?: Record<string, number | null>;
    actions?: unknown[];
    requests?: Record<string, Record<string, unknown>>;
  };
}

interface EvaluationScenario extends RuleSpec, FixtureCase {
  name: string;
  records: RuleRecord[];
  cases: EvaluationCase[];
}

const scenarios = loadFixtures<EvaluationScenario>('rules').filter((s) => Array.isArray(s.cases));

/** The versions that existed at `at`: the latest of each record at or before it. */
function visibleAt(records: readonly RuleRecord[], at: number): RuleRecord[] {
  const latest = new Map<string, RuleRecord>();
  for (const r of records) if (Date.parse(r.updatedAt ?? r.createdAt) <= at) latest.set(r.id, r);
  return [...latest.values()];
}

it('finds the evaluation scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(2);
});

describe.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  it.each(scenario.cases.map((c) => [c.name, c] as const))('%s', (_caseName, c) => {
    const rule = loadRule({ rule: scenario.rule, set: { ...scenario.set, ...c.set }, unset: c.unset });
    const { record, previous } = pickVersion(scenario.records, c.record, c.revision);
    const at = record.updatedAt ?? record.createdAt;
    const now = c.now ?? at;
    const requests = aggregateRequests(rule, record, now);
    const aggregates =
      c.aggregates ??
      Object.fromEntries(
        requests.map((r) => [r.name, computeAggregate(r, visibleAt(scenario.records, Date.parse(at))).value]),
      );

    const result = evaluateRule(rule, {
      event: c.event,
      record,
      previous,
      aggregates,
      now,
      lastFiredAt: c.lastFiredAt,
    });

    const { expect: want } = c;
    expect(result.fired, result.reason).toBe(want.fired);
    if (want.key !== undefined) expect(result.key).toBe(want.key);
    if (want.reason !== undefined) expect(result.reason).toBe(want.reason);
    if (want.cooldownUntil !== undefined) expect(result.cooldownUntil).toBe(want.cooldownUntil);
    if (want.group !== undefined) expect(result.group).toEqual(want.group);
    if (want.window !== undefined) expect(result.window).toEqual(want.window);
    if (want.aggregates !== undefined) expect(aggregates).toEqual(want.aggregates);
    if (want.actions !== undefined) expect(result.actions).toMatchObject(want.actions);
    if (!result.fired) expect(result.actions).toEqual([]);
    for (const [name, request] of Object.entries(want.requests ?? {})) {
      expect(requests.find((r) => r.name === name)).toMatchObject(request);
    }
  });
});
