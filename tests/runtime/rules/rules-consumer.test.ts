/**
 * Threshold rules in the runtime: crossed 25 times in a month for one group, the rule creates exactly
 * one R&D task for that group, and one more the next month — however often the outbox is replayed,
 * and on PostgreSQL however many processes consume it at once. A rule whose window looks back a month
 * checks last month on a group's first record of the new month, as its dry run says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { memoryLogger } from '../../../runtime/logger';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { submitRecord } from '../../../runtime/records/record-service';
import { dryRunStoredRule } from '../../../runtime/rules/dry-run-service';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { readJson } from '../../../runtime/storage/json-value';
import { openDatabase } from '../../../runtime/storage/open-database';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const TOUR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
);

const ticket = (model: string, category: string, i: number) => ({
  customer: `C-${i}`,
  tier: 'standard',
  priority: 'normal',
  channel: 'phone',
  model,
  category,
  detail: `ticket ${i}`,
});

async function rdTasks(db: TestDatabase) {
  const rows = (await db
    .knex('records')
    .where({ form_key: 'rd-task' })
    .orderBy('created_at')
    .select('data')) as { data: unknown }[];
  return rows.map((r) => readJson<{ model: string; month: string; count: number }>(r.data));
}

describe.each(DIALECTS)('rules consumer on %s', (dialect) => {
  let db: TestDatabase;
  let runtime: RuntimeContext;
  const clock = new ManualClock('2026-10-01T09:00:00+08:00');

  async function submitAt(at: string, data: Record<string, unknown>) {
    clock.set(at);
    await submitRecord(runtime, 'ticket', { data }, { id: null });
  }

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    runtime = { db, clock, logger: memoryLogger() };
    await importApp(runtime, TOUR, null);
    // October: 34 X200 screen failures (the threshold is 10: crossed 25 times), X300 screen failures
    // below the threshold, and battery complaints that do not count.
    for (let i = 0; i < 34; i++)
      await submitAt(
        `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+08:00`,
        ticket('X200', 'screen', i),
      );
    for (let i = 0; i < 6; i++)
      await submitAt(`2026-10-0${i + 1}T11:00:00+08:00`, ticket('X300', 'screen', 100 + i));
    for (let i = 0; i < 12; i++)
      await submitAt(`2026-10-${10 + i}T12:00:00+08:00`, ticket('X200', 'battery', 200 + i));
  });
  afterAll(() => db?.drop());

  it('creates exactly one task for the group that crossed the threshold', async () => {
    await drainOutboxFully(runtime, createRulesConsumer());
    expect(await rdTasks(db)).toEqual([
      expect.objectContaining({ model: 'X200', month: '2026-10', count: 10 }),
    ]);
    const firings = await db.knex('rule_firings').select('idempotency_key');
    expect(firings.map((f) => f.idempotency_key)).toEqual(['screen-failure-threshold|model=X200|2026-10']);
  });

  it('fires again in the next month', async () => {
    for (let i = 0; i < 11; i++)
      await submitAt(
        `2026-11-${String(2 + i).padStart(2, '0')}T10:00:00+08:00`,
        ticket('X200', 'screen', 300 + i),
      );
    await drainOutboxFully(runtime, createRulesConsumer());
    expect((await rdTasks(db)).map((t) => `${t.model} ${t.month}`)).toEqual(['X200 2026-10', 'X200 2026-11']);
  });

  it('creates nothing more when the whole outbox is replayed', async () => {
    await db.knex('outbox_cursors').where({ consumer: 'rules' }).update({ last_tx_id: 0, last_event_id: 0 });
    await drainOutboxFully(runtime, createRulesConsumer());
    expect(await rdTasks(db)).toHaveLength(2);
    expect(await db.knex('rule_firings').count({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('records the firing with the records behind it and announces it', async () => {
    const firing = await db
      .knex('rule_firings')
      .where({ idempotency_key: 'screen-failure-threshold|model=X200|2026-10' })
      .first();
    expect(readJson<string[]>(firing.records)).toHaveLength(10);
    expect(readJson<{ type: string }[]>(firing.created).map((c) => c.type)).toEqual([
      'create-record',
      'notify',
    ]);
    const fired = await db.knex('events').where({ type: 'rule.fired' }).count({ n: '*' });
    expect(fired).toEqual([{ n: 2 }]);
  });

  if (dialect === 'postgres') {
    it('fires once when two processes consume the outbox at the same time', async () => {
      for (let i = 0; i < 12; i++)
        await submitAt(
          `2026-12-${String(1 + i).padStart(2, '0')}T10:00:00+08:00`,
          ticket('X200', 'screen', 400 + i),
        );
      const second = openDatabase(db.url);
      try {
        const other: RuntimeContext = { db: second, clock, logger: memoryLogger() };
        await Promise.all([
          drainOutboxFully(runtime, createRulesConsumer(), { batchSize: 3 }),
          drainOutboxFully(other, createRulesConsumer(), { batchSize: 3 }),
          drainOutboxFully(runtime, createRulesConsumer(), { batchSize: 5 }),
        ]);
        // A consumer skipped while another held the cursor catches up on its next drain.
        await drainOutboxFully(other, createRulesConsumer());
      } finally {
        await second.close();
      }
      expect((await rdTasks(db)).map((t) => t.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    });
  }
});

describe.each(DIALECTS)('rules consumer with a window looking back on %s', (dialect) => {
  let db: TestDatabase | undefined;
  afterAll(() => db?.drop());

  it('checks last month on a model’s first screen failure of the new month, once, as the dry run says', async () => {
    db = await createTestDatabase(dialect);
    const clock = new ManualClock('2026-10-01T09:00:00+08:00');
    const runtime: RuntimeContext = { db, clock, logger: memoryLogger() };
    // The tour's threshold rule, reading the calendar month before the new record's (offset −1).
    const rule = structuredClone(TOUR.rules[0]);
    rule.aggregates.monthlyScreenFailures.window.offset = -1;
    await importApp(runtime, { ...TOUR, rules: [rule] }, null);
    const submitAt = async (at: string, data: Record<string, unknown>) => {
      clock.set(at);
      await submitRecord(runtime, 'ticket', { data }, { id: null });
    };
    // October: 12 X200 and 6 X300 screen failures. Nothing fires: each looks back at an empty September.
    for (let i = 0; i < 12; i++)
      await submitAt(`2026-10-${String(i + 10)}T10:00:00+08:00`, ticket('X200', 'screen', i));
    for (let i = 0; i < 6; i++)
      await submitAt(`2026-10-1${i}T11:00:00+08:00`, ticket('X300', 'screen', 100 + i));
    await drainOutboxFully(runtime, createRulesConsumer());
    expect(await rdTasks(db)).toEqual([]);

    // November's first X200 screen failure (just after local midnight) finds October's 12; the next finds it fired.
    await submitAt('2026-11-01T00:10:00+08:00', ticket('X200', 'screen', 200));
    await submitAt('2026-11-02T10:00:00+08:00', ticket('X200', 'screen', 201));
    await submitAt('2026-11-02T11:00:00+08:00', ticket('X300', 'screen', 202));
    await drainOutboxFully(runtime, createRulesConsumer());
    expect(await rdTasks(db)).toEqual([
      expect.objectContaining({ model: 'X200', month: '2026-10', count: 12 }),
    ]);
    const live = (await db.knex('rule_firings').select('idempotency_key', 'at', 'records')) as {
      idempotency_key: string;
      at: number;
      records: unknown;
    }[];
    const dry = await dryRunStoredRule(db.knex, rule, {
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
    });
    expect(
      live.map((f) => ({
        key: f.idempotency_key,
        at: new Date(Number(f.at)).toISOString(),
        records: [...readJson<string[]>(f.records)].sort(),
      })),
    ).toEqual(dry.firings.map((f) => ({ key: f.key, at: f.at, records: [...f.records].sort() })));
    expect(dry.firings.map((f) => f.key)).toEqual(['screen-failure-threshold|model=X200|2026-10']);
  });
});
