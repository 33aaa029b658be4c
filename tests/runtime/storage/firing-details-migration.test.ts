/**
 * Migration 0006 (firing details) on both databases, over a store that already has rule firings: it
 * adds the nullable `group_values` and `window` columns and keeps the rows, which the history then
 * shows with their group read back from `group_key` and, with no rule to place it, their window's key
 * alone. Rolling it back drops the columns and still keeps the rows and their unique key.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firingHistory } from '../../../runtime/rules/firing-history';
import { migrateToLatest } from '../../../runtime/storage/migrate';
import * as initialSchema from '../../../runtime/storage/migrations/0001-initial-schema';
import * as appRoles from '../../../runtime/storage/migrations/0002-app-roles';
import * as deliveries from '../../../runtime/storage/migrations/0003-deliveries';
import * as ruleWebhooks from '../../../runtime/storage/migrations/0004-rule-webhooks';
import * as importFiles from '../../../runtime/storage/migrations/0005-import-files';
import * as firingDetails from '../../../runtime/storage/migrations/0006-firing-details';
import * as dashboardLinks from '../../../runtime/storage/migrations/0007-dashboard-links';
import * as assignmentIndex from '../../../runtime/storage/migrations/0008-assignment-index';
import * as timerClaimIndexes from '../../../runtime/storage/migrations/0009-timer-claim-indexes';
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

/** A firing as the runtime stored it before 0006. */
const oldFiring = {
  rule_key: 'r',
  rule_version: 1,
  idempotency_key: 'r|model=X%3B200;fault=~|2026-10',
  group_key: 'model=X%3B200;fault=~',
  window_key: '2026-10',
  at: Date.UTC(2026, 9, 5),
  records: '["a","b"]',
  created: '[{"type":"create-record","id":"t1"}]',
};

describe.each(DIALECTS)('firing details migration on %s', (dialect) => {
  let db: TestDatabase;
  const columns = async () => Object.keys(await db.knex('rule_firings').columnInfo()).sort();

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await db.knex.migrate.down({ migrationSource: source, name: firingDetails.name });
    await db.knex('rule_firings').insert(oldFiring);
  });
  afterAll(() => db?.drop());

  it('runs, keeping the firings, with the new columns empty', async () => {
    expect(await columns()).not.toContain('group_values');
    expect(await migrateToLatest(db.knex)).toEqual([firingDetails.name]);
    expect(await columns()).toEqual(expect.arrayContaining(['group_values', 'window']));
    expect(await db.knex('rule_firings').select('idempotency_key', 'group_values', 'window')).toEqual([
      { idempotency_key: oldFiring.idempotency_key, group_values: null, window: null },
    ]);
  });

  it('shows the old firing with its group read from the key', async () => {
    expect(await firingHistory(db.knex, 'r')).toEqual([
      {
        key: oldFiring.idempotency_key,
        version: 1,
        group: { model: 'X;200', fault: null },
        groupKey: oldFiring.group_key,
        // No published rule to take a time zone from: the key alone.
        window: { key: '2026-10', start: null, end: null },
        at: '2026-10-05T00:00:00.000Z',
        records: ['a', 'b'],
        created: [{ type: 'create-record', id: 't1' }],
      },
    ]);
  });

  it('rolls back, dropping the columns and keeping the firings', async () => {
    await db.knex('rule_firings').insert({
      ...oldFiring,
      idempotency_key: 'r|*|2026-11',
      group_key: '*',
      window_key: '2026-11',
      group_values: '{}',
      window: JSON.stringify({ key: '2026-11', start: 's', end: 'e' }),
    });
    await db.knex.migrate.down({ migrationSource: source, name: firingDetails.name });
    expect(await columns()).not.toContain('window');
    expect(
      (await db.knex('rule_firings').orderBy('id').select('idempotency_key')).map((r) => r.idempotency_key),
    ).toEqual([oldFiring.idempotency_key, 'r|*|2026-11']);
    // The key is still unique (SQLite may rebuild the table to drop a column).
    await expect(db.knex('rule_firings').insert(oldFiring)).rejects.toThrow(/unique|UNIQUE/);
    expect(await migrateToLatest(db.knex)).toEqual([firingDetails.name]);
  });
});
