/**
 * @module A template's rule cases (`rules` in `<name>.cases.json`) run through the engine: one event
 * evaluated with `evaluateRule` (fired or not, why, and the resolved actions), or a rule dry-run with
 * `dryRunRule` over constructed records (which firings, for which groups and windows, how many records
 * behind each). Constructed records are first checked against their form, so a case cannot count
 * tickets the form would refuse.
 */
import { expect } from 'vitest';
import {
  dryRunRule,
  evaluateRule,
  type ResolvedAction,
  type RuleDefinition,
  type RuleEvent,
  type RuleRecord,
} from '../../engine';
import { formOf, requiredTemplates, type Template } from './template-cases';

/** A record version as the rule sees it (`RuleRecord`). */
export type RuleRecordCase = RuleRecord;

/** `count` records of one form, `everyMinutes` apart from `start`, ids `<idPrefix>-1` … `<idPrefix>-<count>`. */
export interface RecordSeries {
  idPrefix: string;
  form: string;
  count: number;
  start: string;
  everyMinutes: number;
  stage?: string;
  data: Record<string, unknown>;
}

export interface ExpectedFiring {
  group: Record<string, unknown>;
  /** The window's key (`2026-11`), or null for a rule without aggregates. */
  window: string | null;
  at: string;
  /** How many records are behind the firing. */
  records: number;
  aggregates?: Record<string, unknown>;
  /** Matched (`toMatchObject`) against the first resolved actions of the firing, in order. */
  actions?: unknown[];
}

export interface RuleCase {
  name: string;
  rule: string;
  /** One event through `evaluateRule`. */
  evaluate?: {
    event?: RuleEvent;
    record: RuleRecordCase;
    previous?: RuleRecordCase;
    aggregates?: Record<string, unknown>;
    now: string;
  };
  fired?: boolean;
  reason?: string;
  /** With `evaluate`: matched (`toMatchObject`) against the first resolved actions, in order. */
  actions?: unknown[];
  /** A replay through `dryRunRule` over `records` and the generated `series`. */
  dryRun?: { from: string; to: string; records?: RuleRecordCase[]; series?: RecordSeries[] };
  firings?: ExpectedFiring[];
  suppressed?: { duplicate: number; cooldown: number };
}

function seriesRecords(series: RecordSeries): RuleRecord[] {
  const start = new Date(series.start).getTime();
  return Array.from({ length: series.count }, (_, i) => ({
    id: `${series.idPrefix}-${i + 1}`,
    form: series.form,
    data: structuredClone(series.data),
    createdAt: new Date(start + i * series.everyMinutes * 60_000).toISOString(),
    ...(series.stage !== undefined ? { stage: series.stage } : {}),
  }));
}

/** Every record a case builds must be one its form accepts. */
function expectValidRecords(t: Template, all: readonly Template[], records: readonly RuleRecord[]): void {
  for (const record of records) {
    const result = formOf(t, record.form, all).validate(record.data);
    expect(result.issues, `record ${record.id} (${record.form})`).toEqual([]);
  }
}

/** A record a firing would create must be one its form accepts (else the runtime refuses it). */
function expectValidCreations(
  t: Template,
  all: readonly Template[],
  actions: readonly ResolvedAction[],
): void {
  for (const action of actions) {
    if (action.type !== 'create-record') continue;
    const result = formOf(t, action.form, all).validate(action.data);
    expect(result.issues, `record created in ${action.form}`).toEqual([]);
  }
}

function ruleOf(t: Template, all: readonly Template[], key: string): RuleDefinition {
  const rule = [t, ...requiredTemplates(t, all)]
    .flatMap((x) => x.bundle.rules ?? [])
    .find((r) => r.key === key);
  if (!rule) throw new Error(`${t.file}: no rule ${key}`);
  return rule;
}

export function runRuleCase(t: Template, all: readonly Template[], c: RuleCase): void {
  const rule = ruleOf(t, all, c.rule);
  if (c.evaluate) {
    const { event, record, previous, aggregates, now } = c.evaluate;
    expectValidRecords(t, all, previous ? [record, previous] : [record]);
    const outcome = evaluateRule(rule, {
      ...(event ? { event } : {}),
      record,
      ...(previous ? { previous } : {}),
      aggregates: aggregates ?? {},
      now,
    });
    expect(outcome.fired, 'fired').toBe(c.fired ?? true);
    if (c.reason) expect(outcome.reason).toBe(c.reason);
    if (c.actions) expect(outcome.actions.slice(0, c.actions.length)).toMatchObject(c.actions);
    expectValidCreations(t, all, outcome.actions);
  }
  if (c.dryRun) {
    const records = [...(c.dryRun.records ?? []), ...(c.dryRun.series ?? []).flatMap(seriesRecords)];
    expectValidRecords(t, all, records);
    const result = dryRunRule(rule, records, { from: c.dryRun.from, to: c.dryRun.to });
    const got = result.firings.map((f) => ({
      group: f.group,
      window: f.window?.key ?? null,
      at: f.at,
      records: f.records.length,
    }));
    const iso = (at: string) => new Date(at).toISOString();
    const want = (c.firings ?? []).map(({ group, window, at, records: n }) => ({
      group,
      window,
      at: iso(at),
      records: n,
    }));
    expect(got, 'firings').toEqual(want);
    for (const firing of result.firings) expectValidCreations(t, all, firing.actions);
    (c.firings ?? []).forEach((expected, i) => {
      const firing = result.firings[i]!;
      if (expected.aggregates) expect(firing.aggregates, `firing ${i + 1}`).toEqual(expected.aggregates);
      if (expected.actions)
        expect(firing.actions.slice(0, expected.actions.length), `firing ${i + 1}`).toMatchObject(
          expected.actions,
        );
    });
    if (c.suppressed) expect(result.suppressed).toEqual(c.suppressed);
  }
}
