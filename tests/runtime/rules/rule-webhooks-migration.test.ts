/**
 * Migration 0004 (rule webhooks) on both databases, over a store that already has subscription
 * deliveries: afterwards a delivery may have no subscription (carrying its own `url` and
 * `secret_ref`), while the existing deliveries and their attempt log survive — on SQLite the table is
 * recreated, which must not cascade to `webhook_attempts` — and the foreign key, its cascade and the
 * (webhook, event) uniqueness still hold. Rolling it back restores `NOT NULL`.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as initialSchema from '../../../runtime/storage/migrations/0001-initial-schema';
import * as appRoles from '../../../runtime/storage/migrations/0002-app-roles';
import * as deliveries from '../../../runtime/storage/migrations/0003-deliveries';
import * as ruleWebhooks from '../../../runtime/storage/migrations/0004-rule-webhooks';
import * as importFiles from '../../../runtime/storage/migrations/0005-import-files';
import * as firingDetails from '../../../runtime/storage/migrations/0006-firing-details';
import * as dashboardLinks from '../../../runtime/storage/migrations/0007-dashboard-links';
import * as assignmentIndex from '../../../runtime/storage/migrations/0008-assignment-index';
import * as timerClaimIndexes from '../../../runtime/storage/migrations/0009-timer-claim-indexes';
import { migrateToLatest } from '../../../runtime/storage/migrate';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

type Migration = { name: string };
const ALL: Migration[] = [
  initialSchema,
  appRoles,
  deliveries,
  ruleWebhooks,
  importFiles,
  firingDetails,
  dashboardLinks,
  assignmentIndex,
  timerClaimIndexes,
];
const source: Knex.MigrationSource<Migration> = {
  getMigrations: async () => ALL,
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m as unknown as Knex.Migration,
};

const subscriptionDelivery = (id: string, eventId: number) => ({
  id,
  webhook_id: 'w1',
  event_id: eventId,
  payload: '{}',
  status: 'pending',
  attempts: 1,
  created_at: 1,
});

describe.each(DIALECTS)('rule webhooks migration on %s', (dialect) => {
  let db: TestDatabase;
  const count = async (table: string) =>
    Number(((await db.knex(table).count({ n: '*' })) as { n: unknown }[])[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await db.knex.migrate.down({ migrationSource: source, name: ruleWebhooks.name });
    await db
      .knex('webhooks')
      .insert({ id: 'w1', url: 'http://x', secret: 's', events: '["*"]', active: true, created_at: 1 });
    await db.knex('webhook_deliveries').insert(subscriptionDelivery('d1', 1));
    await db
      .knex('webhook_attempts')
      .insert({ delivery_id: 'd1', attempt: 1, at: 1, outcome: 'retrying', duration_ms: 5 });
  });
  afterAll(() => db?.drop());

  it('refuses a delivery without a subscription before it runs', async () => {
    await expect(
      db.knex('webhook_deliveries').insert({ ...subscriptionDelivery('d0', 0), webhook_id: null }),
    ).rejects.toThrow(/not.null|NOT NULL/i);
  });

  it('runs, keeping the deliveries and their attempt log', async () => {
    expect(await migrateToLatest(db.knex)).toEqual([ruleWebhooks.name]);
    expect(await db.knex('webhook_deliveries').select('id', 'webhook_id')).toEqual([
      { id: 'd1', webhook_id: 'w1' },
    ]);
    expect(await db.knex('webhook_attempts').select('delivery_id', 'attempt', 'outcome')).toEqual([
      { delivery_id: 'd1', attempt: 1, outcome: 'retrying' },
    ]);
    if (dialect === 'sqlite') {
      expect(await db.knex.raw('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    }
  });

  it('stores a delivery with its own url and secret reference and no subscription', async () => {
    await db.knex('webhook_deliveries').insert({
      ...subscriptionDelivery('r1', 0),
      webhook_id: null,
      event_id: null,
      url: 'http://erp.example/hooks',
      secret_ref: 'erp-hook',
    });
    expect(await db.knex('webhook_deliveries').where({ id: 'r1' }).first('url', 'secret_ref')).toEqual({
      url: 'http://erp.example/hooks',
      secret_ref: 'erp-hook',
    });
  });

  it('keeps the foreign key, its cascade and the (webhook, event) uniqueness', async () => {
    await expect(
      db.knex('webhook_deliveries').insert({ ...subscriptionDelivery('d2', 2), webhook_id: 'missing' }),
    ).rejects.toThrow(/foreign key/i);
    await expect(db.knex('webhook_deliveries').insert(subscriptionDelivery('d3', 1))).rejects.toThrow(
      /unique/i,
    );
    await db
      .knex('webhook_attempts')
      .insert({ delivery_id: 'r1', attempt: 1, at: 2, outcome: 'retrying', duration_ms: 0 });
    await db.knex('webhooks').where({ id: 'w1' }).delete();
    expect(await db.knex('webhook_deliveries').pluck('id')).toEqual(['r1']);
    expect(await db.knex('webhook_attempts').pluck('delivery_id')).toEqual(['r1']);
  });

  it('rolls back to NOT NULL, dropping only deliveries without a subscription', async () => {
    await db.knex.migrate.down({ migrationSource: source, name: ruleWebhooks.name });
    expect(await count('webhook_deliveries')).toBe(0);
    expect(await db.knex.schema.hasColumn('webhook_deliveries', 'url')).toBe(false);
    await expect(
      db.knex('webhook_deliveries').insert({ ...subscriptionDelivery('d4', 4), webhook_id: null }),
    ).rejects.toThrow(/not.null|NOT NULL/i);
    expect(await migrateToLatest(db.knex)).toEqual([ruleWebhooks.name]);
  });
});
