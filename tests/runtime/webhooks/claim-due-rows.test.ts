/**
 * Claiming due rows: a claim holds its rows for a lease (a second claim gets nothing, a crashed worker's
 * rows come back when the lease runs out), and on PostgreSQL a row locked by another process is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../runtime/logger';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { openDatabase } from '../../../runtime/storage/open-database';
import { claimDueRows } from '../../../runtime/webhooks/claim-due-rows';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

describe.each(DIALECTS)('claiming due deliveries on %s', (dialect) => {
  let db: TestDatabase;
  let clock: ManualClock;
  let runtime: RuntimeContext;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    clock = new ManualClock('2026-11-24T09:00:00Z');
    runtime = { db, clock, logger: memoryLogger() };
    const now = clock.now().getTime();
    await db.knex('webhooks').insert({
      id: 'w1',
      url: 'http://127.0.0.1:9/',
      secret: 'x'.repeat(32),
      events: '["*"]',
      created_at: now,
    });
    await db.knex('webhook_deliveries').insert(
      ['d1', 'd2', 'd3'].map((id, i) => ({
        id,
        webhook_id: 'w1',
        event_id: i + 1,
        payload: '{}',
        status: 'pending',
        attempts: 0,
        next_attempt_at: id === 'd3' ? now + 60_000 : now,
        created_at: now,
      })),
    );
  });
  afterAll(() => db?.drop());

  const claim = (limit = 10) =>
    claimDueRows(runtime, { table: 'webhook_deliveries', limit, leaseMs: 120_000 });

  it('claims only due rows, holds them for the lease, and hands them out again when it runs out', async () => {
    const now = clock.now().getTime();
    const first = await claim();
    expect(first.map((r) => r.id)).toEqual(['d1', 'd2']);
    expect(first.every((r) => r.leaseUntil === now + 120_000)).toBe(true);
    expect(await claim()).toEqual([]);
    clock.advanceMinutes(1);
    expect((await claim()).map((r) => r.id)).toEqual(['d3']);
    clock.advanceMinutes(1);
    expect((await claim()).map((r) => r.id)).toEqual(['d1', 'd2']);
  });

  if (dialect === 'postgres') {
    it('skips a row another process has locked instead of waiting for it', async () => {
      clock.advanceMinutes(10);
      const other = openDatabase(db.url);
      const holder = await other.knex.transaction();
      try {
        await holder('webhook_deliveries').where({ id: 'd1' }).forUpdate();
        expect((await claim()).map((r) => r.id).sort()).toEqual(['d2', 'd3']);
        await holder.rollback();
        expect((await claim()).map((r) => r.id)).toEqual(['d1']);
      } finally {
        if (!holder.isCompleted()) await holder.rollback();
        await other.close();
      }
    });
  }
});
