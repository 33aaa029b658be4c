/** The schema migrates the same on SQLite and PostgreSQL, and the store keeps what it promises. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../runtime/storage/migrate';
import { readJson, writeJson } from '../../../runtime/storage/json-value';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

describe.each(DIALECTS)('storage on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(() => db?.drop());

  it('migrating again does nothing', async () => {
    expect(await migrateToLatest(db.knex)).toEqual([]);
  });

  it('round-trips JSON documents and epoch-millisecond instants', async () => {
    const at = Date.UTC(2026, 9, 1, 1, 2, 3, 456);
    await db.knex('records').insert({
      id: 'r1',
      form_key: 'ticket',
      form_version: 1,
      revision: 1,
      data: writeJson({ model: 'X200', tags: ['屏幕', 'vip'], nested: { n: 1.5 } }),
      created_at: at,
      updated_at: at,
    });
    const row = await db.knex('records').where({ id: 'r1' }).first();
    expect(readJson(row.data)).toEqual({ model: 'X200', tags: ['屏幕', 'vip'], nested: { n: 1.5 } });
    expect(row.created_at).toBe(at);
  });

  it('refuses a second rule firing with the same idempotency key', async () => {
    const firing = {
      rule_key: 'r',
      rule_version: 1,
      idempotency_key: 'r|model=X200|2026-10',
      at: 1,
      records: '[]',
      created: '[]',
    };
    await db.knex('rule_firings').insert(firing);
    await expect(db.knex('rule_firings').insert(firing)).rejects.toThrow(/unique|UNIQUE/);
    expect(await db.knex('rule_firings').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('enforces foreign keys (a revision needs its record)', async () => {
    await expect(
      db.knex('record_revisions').insert({ record_id: 'missing', revision: 1, data: '{}', at: 1 }),
    ).rejects.toThrow(/foreign key|FOREIGN KEY/i);
  });

  if (dialect === 'sqlite') {
    it('runs SQLite in WAL mode', async () => {
      const result = (await db.knex.raw('PRAGMA journal_mode')) as { journal_mode: string }[];
      expect(result[0]?.journal_mode).toBe('wal');
    });
  }
});
