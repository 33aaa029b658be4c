/**
 * The firing history answers each firing in the dry run's shape: over the same stored history, what
 * `GET /api/rules/:key/firings` shows did fire — group values, window with its bounds, time, records —
 * is what `POST /api/rules/:key/dry-run` says would have. Rows stored before migration 0006 (no group
 * values, no window) still show their group, read back from the key, and their window, placed from its
 * key in the zone of the rule version that fired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupKey } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { adminHeaders, bundle, complaintsAt, publishRule } from './scheduled-rule-fixtures';

const RULE = 'screen-streak';
const newYork = (local: string) => `${local}-04:00`;

/** Two complaints of a model and fault within three New York days, at most once per two days. */
const streakRule = {
  key: RULE,
  title: { 'zh-CN': 'Streak', en: 'Streak' },
  enabled: true,
  timezone: 'America/New_York',
  trigger: { type: 'record.created', form: 'complaint' },
  aggregates: {
    recent: {
      form: 'complaint',
      measure: { op: 'count' },
      window: { type: 'rolling', days: 3 },
      groupBy: ['model', 'fault'],
    },
  },
  condition: { '>=': [{ var: 'aggregates.recent' }, 2] },
  cooldown: { days: 2 },
  actions: [
    {
      type: 'create-record',
      form: 'rd-task',
      map: {
        title: { cat: [{ var: 'group.model' }, ' streak ', { var: 'window.key' }] },
        model: { var: 'group.model' },
        month: { var: 'window.key' },
        count: { var: 'aggregates.recent' },
      },
    },
  ],
};

interface Firing {
  key: string;
  group: Record<string, unknown>;
  window: { key: string; start: string | null; end: string | null } | null;
  at: string;
  records: string[];
}

const comparable = (f: Firing) => ({
  key: f.key,
  group: f.group,
  // In the rule's `groupBy` order, as the dry run has them (toEqual alone ignores the order).
  fields: Object.keys(f.group),
  window: f.window,
  at: f.at,
  records: [...f.records].sort(),
});
const byTimeAndKey = (a: { at: string; key: string }, b: { at: string; key: string }) =>
  a.at.localeCompare(b.at) || a.key.localeCompare(b.key);

describe.each(DIALECTS)('firing history on %s', (dialect) => {
  let h: Harness;
  let headers: Record<string, string>;

  const history = async (rule = RULE) => {
    const res = await h.request({ method: 'GET', url: `/api/rules/${rule}/firings`, headers });
    expect(res.status).toBe(200);
    return res.body.items as (Firing & { groupKey: string; version: number })[];
  };

  beforeAll(async () => {
    h = await startHarness(dialect, newYork('2026-10-01T09:00:00'));
    await importApp(h.runtime, bundle, 'admin');
    await publishRule(h, streakRule);
    headers = await adminHeaders(h);
    // Models whose text holds the key's separators and escapes, across a DST-free fortnight.
    const model = 'X;200=A%~';
    for (const [day, hour] of [
      [1, 10],
      [2, 9],
      [3, 15],
      [4, 8],
      [6, 23],
      [7, 1],
      [12, 12],
    ] as const) {
      const at = newYork(`2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00`);
      await complaintsAt(h, at, model, 'screen');
      if (day % 2 === 0) await complaintsAt(h, at, 'X100', 'battery');
    }
    await drainOutboxFully(h.runtime, createRulesConsumer());
  });
  afterAll(() => h?.close());

  const dryRun = async () => {
    const res = await h.request({
      method: 'POST',
      url: `/api/rules/${RULE}/dry-run`,
      headers,
      payload: { from: newYork('2026-09-30T00:00:00'), to: newYork('2026-10-20T00:00:00') },
    });
    expect(res.status).toBe(200);
    return res.body.firings as Firing[];
  };

  it('shows what fired exactly as the dry run over the same history says it would', async () => {
    const dry = await dryRun();
    const live = await history();
    expect(dry.length).toBeGreaterThanOrEqual(3);
    expect(live.map(comparable).sort(byTimeAndKey)).toEqual(dry.map(comparable).sort(byTimeAndKey));
    expect(live[0]).toMatchObject({ version: 1 });
    expect(live.map((f) => f.groupKey)).toEqual(live.map((f) => groupKey(f.group)));
    expect(live.find((f) => f.group.fault === 'screen')).toMatchObject({
      group: { model: 'X;200=A%~', fault: 'screen' },
      groupKey: 'model=X%3B200%3DA%25%7E;fault=screen',
      window: { key: expect.stringMatching(/^rolling3:2026-10-\d\d$/), start: expect.any(String) },
    });
  });

  it('shows rows stored before 0006 the same, their group read from the key, their window placed', async () => {
    const before = (await history()).map(comparable);
    await h.db.knex('rule_firings').where({ rule_key: RULE }).update({ group_values: null, window: null });
    expect((await history()).map(comparable)).toEqual(before);
    expect((await history()).map(comparable).sort(byTimeAndKey)).toEqual(
      (await dryRun()).map(comparable).sort(byTimeAndKey),
    );
  });

  it('reads an old row the old way, and keeps a value’s type from the group values when it has them', async () => {
    const oldRow = (key: string, group: string | null, window: string | null, at: number) => ({
      rule_key: 'older',
      rule_version: 1,
      idempotency_key: key,
      group_key: group,
      window_key: window,
      at,
      records: '["r1"]',
      created: '[]',
    });
    await publishRule(h, { ...streakRule, key: 'older', timezone: 'Asia/Shanghai' });
    await h.db
      .knex('rule_firings')
      .insert([
        oldRow(
          'older|model=~;fault=screen|rolling3:2026-10-05',
          'model=~;fault=screen',
          'rolling3:2026-10-05',
          3,
        ),
        oldRow('older|*|2026-W41', '*', '2026-W41', 2),
        oldRow('older|record=r1|at:x', 'record=r1', null, 1),
        { ...oldRow('older|n=5|2026-10', 'n=5', '2026-10', 0), group_values: '{"n":5}' },
      ]);
    expect(
      (await history('older')).map(({ group, groupKey: key, window }) => ({ group, key, window })),
    ).toEqual([
      {
        group: { model: null, fault: 'screen' },
        key: 'model=~;fault=screen',
        window: {
          key: 'rolling3:2026-10-05',
          start: '2026-10-02T16:00:00.000Z',
          end: '2026-10-05T16:00:00.000Z',
        },
      },
      {
        group: {},
        key: '*',
        window: { key: '2026-W41', start: '2026-10-04T16:00:00.000Z', end: '2026-10-11T16:00:00.000Z' },
      },
      { group: { record: 'r1' }, key: 'record=r1', window: null },
      {
        group: { n: 5 },
        key: 'n=5',
        window: { key: '2026-10', start: '2026-09-30T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' },
      },
    ]);
  });
});
