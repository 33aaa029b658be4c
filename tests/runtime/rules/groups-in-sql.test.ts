/**
 * The groups a scheduled tick checks, enumerated by the database, are the engine's `groupsIn` over the
 * same records — in the same order — for one and two group fields with text, number, boolean, JSON-null
 * and missing values, for filters SQL can express and those left to the engine, and for windows on the
 * creation time or on a date field, holding the tick or looking back from it by an offset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldInfo, RuleRecord } from '../../../engine';
import { aggregateRequests, groupsIn } from '../../../engine/rules/index';
import { groupsInSql } from '../../../runtime/rules/groups-in-sql';
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

/** mulberry32: deterministic, so a failure can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRecords(): RuleRecord[] {
  const next = random(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
  const records = Array.from({ length: 240 }, (_, i) => {
    const created = Date.UTC(2026, 8, 20) + Math.floor(next() * 50 * 86_400_000);
    const data: Record<string, unknown> = { fault: pick(['screen', 'battery', 'noise']) };
    // Models: mostly text, sometimes missing or JSON null (one group with missing, as in SQL).
    const model = pick(['X100', 'X200', 'X300', 'X300', 'missing', 'null']);
    if (model === 'null') data.model = null;
    else if (model !== 'missing') data.model = model;
    if (next() < 0.8) data.qty = Math.floor(next() * 3);
    if (next() < 0.6) data.urgent = next() < 0.5;
    if (next() < 0.7)
      data.occurredAt = new Date(created - Math.floor(next() * 5) * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `r${String(i).padStart(3, '0')}`,
      form: pick(['complaint', 'complaint', 'complaint', 'repair']),
      data,
      createdAt: new Date(created).toISOString(),
    };
  });
  return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const FILTERS: [string, unknown][] = [
  ['no filter', undefined],
  ['equality', { '==': [{ var: 'fault' }, 'screen'] }],
  ['and / not', { and: [{ '>=': [{ var: 'qty' }, 1] }, { '!': { '==': [{ var: 'urgent' }, true] } }] }],
  ['left to the engine', { '!!': { var: 'urgent' } }],
];
const GROUP_BYS = [['model'], ['model', 'urgent'], ['qty'], []];
const WINDOWS: [string, Record<string, unknown>][] = [
  ['calendar month', { type: 'calendar', unit: 'month' }],
  ['calendar month, offset −1', { type: 'calendar', unit: 'month', offset: -1 }],
  ['calendar week, offset −1', { type: 'calendar', unit: 'week', offset: -1 }],
  ['rolling 10 days', { type: 'rolling', days: 10 }],
];

describe.each(DIALECTS)('groups of a scheduled tick in SQL on %s', (dialect) => {
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
    GROUP_BYS.flatMap((groupBy) =>
      WINDOWS.flatMap(([windowName, window]) =>
        [undefined, 'occurredAt'].map((dateField) => ({
          name,
          filter,
          groupBy,
          windowName,
          window,
          dateField,
        })),
      ),
    ),
  );

  it.each(cases)(
    '$name, by $groupBy, $windowName, date $dateField',
    async ({ filter, groupBy, window, dateField }) => {
      const rule = {
        timezone: 'Asia/Shanghai',
        aggregates: {
          a: {
            form: 'complaint',
            measure: { op: 'count' },
            filter,
            window,
            groupBy,
            ...(dateField ? { dateField } : {}),
          },
        },
      };
      for (const tick of ['2026-10-01T01:00:00Z', '2026-10-15T10:00:00Z', '2026-11-04T10:00:00Z']) {
        const [request] = aggregateRequests(rule as never, undefined, tick);
        const expected = groupsIn(
          request!,
          records.filter((r) => Date.parse(r.createdAt) <= Date.parse(tick)),
        );
        const actual = await groupsInSql(db.knex, db.dialect, request!, FIELDS, { asOf: Date.parse(tick) });
        expect(actual.groups).toEqual(expected);
        const sqlCan = dateField === undefined && !JSON.stringify(filter ?? null).includes('!!');
        expect(actual.inSql).toBe(sqlCan);
      }
    },
  );

  it('finds the groups with a null among them, and none in an empty window', async () => {
    const rule = {
      timezone: 'Asia/Shanghai',
      aggregates: {
        a: {
          form: 'complaint',
          measure: { op: 'count' },
          window: { type: 'calendar', unit: 'month' },
          groupBy: ['model'],
        },
      },
    };
    const [october] = aggregateRequests(rule as never, undefined, '2026-10-20T00:00:00Z');
    const { groups } = await groupsInSql(db.knex, db.dialect, october!, FIELDS);
    expect(groups.map((g) => g.model).sort()).toEqual(['X100', 'X200', 'X300', null].sort());
    const [march] = aggregateRequests(rule as never, undefined, '2027-03-01T00:00:00Z');
    expect((await groupsInSql(db.knex, db.dialect, march!, FIELDS)).groups).toEqual([]);
  });
});
