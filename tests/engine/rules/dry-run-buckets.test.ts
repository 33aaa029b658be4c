/**
 * The dry run's filed aggregates give the recounted answer exactly: over random streams of record
 * versions (faults reclassified, models corrected, dates back-dated, stages entered, amounts changed)
 * and random rules (calendar windows with offsets, rolling windows, count / sum / avg, cool-downs,
 * every trigger kind), `dryRunRule` returns the same firings, records, aggregates, actions and counts
 * as with `recount` (every aggregate recomputed over every visible record at each evaluation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dryRunRule, type RuleRecord, type RuleWindow } from '../../../engine/rules';
import { loadRule } from './rule-fixtures';

const START = Date.parse('2026-09-01T00:00:00Z');
const SPAN = 100 * 86_400_000;
const DAY = 86_400_000;

const windowArb: fc.Arbitrary<RuleWindow> = fc.oneof(
  fc.constantFrom<RuleWindow>(
    { type: 'calendar', unit: 'day' },
    { type: 'calendar', unit: 'week' },
    { type: 'calendar', unit: 'month' },
  ),
  fc
    .record({ unit: fc.constantFrom('day', 'week', 'month'), offset: fc.integer({ min: -3, max: -1 }) })
    .map(({ unit, offset }): RuleWindow => ({ type: 'calendar', unit, offset })),
  fc.integer({ min: 1, max: 20 }).map((days): RuleWindow => ({ type: 'rolling', days })),
);

/** Records of `complaint`, each with up to three later versions that may change what the rule reads. */
const versionsArb = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: SPAN }),
      model: fc.constantFrom('X200', 'X300', 1, '1'),
      fault: fc.constantFrom('screen', 'screen', 'battery', undefined),
      amount: fc.oneof(
        fc.integer({ min: 0, max: 500 }),
        fc.constant('n/a'),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      backDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      updates: fc.array(
        fc.record({
          after: fc.integer({ min: 1, max: 20 * DAY }),
          fault: fc.constantFrom('screen', 'battery', undefined),
          model: fc.option(fc.constantFrom('X200', 'X300'), { nil: undefined }),
          stage: fc.constantFrom('accept', 'diagnose', 'closed'),
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 40 },
  )
  .map((raw) => {
    const versions: RuleRecord[] = [];
    raw.forEach((r, i) => {
      const created = START + r.offset;
      const data: Record<string, unknown> = { model: r.model, amount: r.amount, productLineOwner: 'u1' };
      if (r.fault !== undefined) data.fault = r.fault;
      if (r.backDays !== undefined) data.occurredAt = new Date(created - r.backDays * DAY).toISOString();
      const createdAt = new Date(created).toISOString();
      versions.push({ id: `r${i}`, form: 'complaint', createdAt, data, stage: 'accept', revision: 1 });
      let at = created;
      let current = data;
      r.updates.forEach((u, j) => {
        at += u.after;
        current = { ...current, ...(u.model !== undefined ? { model: u.model } : {}) };
        if (u.fault === undefined) delete current.fault;
        else current.fault = u.fault;
        versions.push({
          id: `r${i}`,
          form: 'complaint',
          createdAt,
          updatedAt: new Date(at).toISOString(),
          data: current,
          stage: u.stage,
          revision: j + 2,
        });
      });
    });
    // Stored history comes oldest first (ties as written).
    return versions.sort(
      (a, b) => Date.parse(a.updatedAt ?? a.createdAt) - Date.parse(b.updatedAt ?? b.createdAt),
    );
  });

const ruleArb = fc.record({
  threshold: fc.integer({ min: 1, max: 5 }),
  window: windowArb,
  cooldown: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  timezone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
  measure: fc.constantFrom({ op: 'count' }, { op: 'sum', field: 'amount' }, { op: 'avg', field: 'amount' }),
  trigger: fc.constantFrom(
    { type: 'record.created', form: 'complaint' },
    { type: 'record.updated', form: 'complaint' },
    { type: 'stage.entered', form: 'complaint', stage: 'diagnose' },
    { type: 'schedule', schedule: { every: 'day', at: '09:00' } },
  ),
  dateField: fc.constantFrom('occurredAt', undefined),
  groupBy: fc.constantFrom(['model', 'fault'], ['model'], []),
});

type RuleParams = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;

function ruleFor(p: RuleParams) {
  const set: Record<string, unknown> = {
    '/condition': { '>=': [{ var: 'aggregates.monthlyCount' }, p.threshold] },
    '/aggregates/monthlyCount/window': p.window,
    '/aggregates/monthlyCount/measure': p.measure,
    '/aggregates/monthlyCount/groupBy': p.groupBy,
    '/timezone': p.timezone,
    '/trigger': p.trigger,
  };
  const unset = p.dateField === undefined ? ['/aggregates/monthlyCount/dateField'] : [];
  if (p.cooldown !== undefined) set['/cooldown'] = { days: p.cooldown };
  return loadRule({ rule: 'screen-failure.rule.json', set, unset });
}

const options = { from: new Date(START + 10 * DAY).toISOString(), to: new Date(START + SPAN).toISOString() };

describe('the dry run with aggregates filed by window and group', () => {
  it('answers exactly as recounting every visible record, over random version streams and rules', () => {
    fc.assert(
      fc.property(ruleArb, versionsArb, (p, versions) => {
        const rule = ruleFor(p);
        expect(dryRunRule(rule, versions, options)).toEqual(
          dryRunRule(rule, versions, { ...options, recount: true }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('fires the screen-failure threshold on the tenth matching record of the month', () => {
    const rule = loadRule({ rule: 'screen-failure.rule.json' });
    const versions: RuleRecord[] = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i}`,
      form: 'complaint',
      createdAt: new Date(START + i * DAY).toISOString(),
      data: { model: 'X200', fault: 'screen', productLineOwner: 'u1' },
    }));
    const result = dryRunRule(rule, versions, { from: new Date(START).toISOString(), to: options.to });
    expect(result.firings.map((f) => [f.key, f.recordId, f.records.length])).toEqual([
      ['screen-failure-threshold|model=X200;fault=screen|2026-09', 'c9', 10],
    ]);
    expect(result.suppressed.duplicate).toBe(2);
  });
});
