/**
 * Rule aggregates computed by the database agree with the engine's reference `computeAggregate`
 * over the same records, for filters SQL can express and for those left to the engine, and for
 * windows that look back by an offset as well as those holding the moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateRequests, computeAggregate, type FieldInfo, type RuleRecord } from '../../../engine';
import { aggregateInSql } from '../../../runtime/rules/aggregate-in-sql';
import { writeJson } from '../../../runtime/storage/json-value';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const FIELDS = new Map<string, FieldInfo>(
  [
    { key: 'model', type: 'select', numeric: false },
    { key: 'fault', type: 'select', numeric: false },
    { key: 'qty', type: 'integer', numeric: true },
    { key: 'urgent', type: 'checkbox', numeric: false },
    { key: 'occurredAt', type: 'date', numeric: false },
  ].map((f) => [f.key, f]),
);

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRecords(): RuleRecord[] {
  const next = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
  return Array.from({ length: 300 }, (_, i) => {
    const created = Date.UTC(2026, 8, 20) + Math.floor(next() * 50 * 86_400_000);
    const data: Record<string, unknown> = {
      model: pick(['X100', 'X200', 'X300']),
      fault: pick(['screen', 'battery', 'noise']),
    };
    if (next() < 0.8) data.qty = Math.floor(next() * 5);
    if (next() < 0.5) data.urgent = next() < 0.5;
    if (next() < 0.7)
      data.occurredAt = new Date(created - Math.floor(next() * 5) * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `r${String(i).padStart(3, '0')}`,
      form: pick(['complaint', 'complaint', 'complaint', 'repair']),
      data,
      createdAt: new Date(created).toISOString(),
    };
  });
}

const FILTERS: [string, unknown][] = [
  ['none', undefined],
  ['equality', { '==': [{ var: 'fault' }, 'screen'] }],
  ['mirrored comparison', { '<': [2, { var: 'qty' }] }],
  [
    'and / or / not',
    {
      and: [
        { or: [{ '==': [{ var: 'fault' }, 'screen'] }, { '>=': [{ var: 'qty' }, 3] }] },
        { '!': { '==': [{ var: 'urgent' }, true] } },
      ],
    },
  ],
  ['membership', { in: [{ var: 'model' }, ['X100', 'X300']] }],
  ['inequality with a missing field', { '!=': [{ var: 'urgent' }, true] }],
  ['left to the engine: truthiness', { '!!': { var: 'urgent' } }],
  ['left to the engine: a literal of another type', { '==': [{ var: 'qty' }, '3'] }],
];

const MEASURES = [{ op: 'count' }, { op: 'sum', field: 'qty' }, { op: 'avg', field: 'qty' }] as const;
/** Calendar windows with and without a look-back offset, and a rolling one; named for the test titles. */
const WINDOWS: [string, Record<string, unknown>][] = [
  ['calendar month', { type: 'calendar', unit: 'month' }],
  ['calendar month, offset −1', { type: 'calendar', unit: 'month', offset: -1 }],
  ['calendar week, offset −2', { type: 'calendar', unit: 'week', offset: -2 }],
  ['calendar day, offset −1', { type: 'calendar', unit: 'day', offset: -1 }],
  ['rolling 7 days', { type: 'rolling', days: 7 }],
];

describe.each(DIALECTS)('rule aggregates in SQL on %s', (dialect) => {
  let db: TestDatabase;
  const records = makeRecords();
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    for (const r of records) {
      const at = Date.parse(r.createdAt);
      await db.knex('records').insert({
        id: r.id,
        form_key: r.form,
        form_version: 1,
        revision: 1,
        data: writeJson(r.data),
        created_at: at,
        updated_at: at,
      });
    }
  });
  afterAll(() => db?.drop());

  const cases = FILTERS.flatMap(([name, filter]) =>
    MEASURES.flatMap((measure) =>
      WINDOWS.flatMap(([windowName, window]) =>
        [undefined, 'occurredAt'].map((dateField) => ({
          name,
          filter,
          measure,
          windowName,
          window,
          dateField,
        })),
      ),
    ),
  );

  it.each(cases)(
    '$name, $measure.op, $windowName, date $dateField',
    async ({ filter, measure, window, dateField }) => {
      const rule = {
        timezone: 'Asia/Shanghai',
        aggregates: {
          a: {
            form: 'complaint',
            measure,
            filter,
            window,
            groupBy: ['model'],
            ...(dateField ? { dateField } : {}),
          },
        },
      };
      // Anchor on a few records, so groups and windows vary: as their own event, and as a schedule
      // tick at the time they were created checking their group.
      for (const anchor of [records[3], records[100], records[250]] as RuleRecord[]) {
        const [onEvent] = aggregateRequests(
          rule as never,
          { ...anchor, form: 'complaint' },
          anchor.createdAt,
        );
        const [onTick] = aggregateRequests(rule as never, undefined, anchor.createdAt, {
          model: anchor.data.model,
        });
        for (const request of [onEvent!, onTick!]) {
          const expected = computeAggregate(request, records);
          const actual = await aggregateInSql(db.knex, db.dialect, request, FIELDS);
          if (expected.value === null) expect(actual.value).toBeNull();
          else expect(actual.value).toBeCloseTo(expected.value, 9);
          expect([...actual.recordIds].sort()).toEqual([...expected.recordIds].sort());
        }
      }
    },
  );

  it('computes in the database when it can, and says when the engine finished the job', async () => {
    const anchor = records[10]!;
    const request = (filter: unknown, dateField?: string) =>
      aggregateRequests(
        {
          timezone: 'Asia/Shanghai',
          aggregates: {
            a: {
              form: 'complaint',
              measure: { op: 'count' },
              filter,
              window: { type: 'calendar', unit: 'month' },
              groupBy: ['model'],
              ...(dateField ? { dateField } : {}),
            },
          },
        } as never,
        anchor,
        anchor.createdAt,
      )[0]!;
    expect(
      (await aggregateInSql(db.knex, db.dialect, request({ '==': [{ var: 'fault' }, 'screen'] }), FIELDS))
        .inSql,
    ).toBe(true);
    expect(
      (await aggregateInSql(db.knex, db.dialect, request({ '!!': { var: 'urgent' } }), FIELDS)).inSql,
    ).toBe(false);
    expect((await aggregateInSql(db.knex, db.dialect, request(undefined, 'occurredAt'), FIELDS)).inSql).toBe(
      false,
    );
  });
});
