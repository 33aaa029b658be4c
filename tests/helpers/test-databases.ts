/**
 * @module Fresh, migrated databases for runtime tests: an SQLite file in a temporary folder and a new
 * database on the test run's PostgreSQL server. Suites run once per dialect with `describe.each`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Dialect } from '../../runtime/config/database-url';
import { migrateToLatest } from '../../runtime/storage/migrate';
import { openDatabase, type Database } from '../../runtime/storage/open-database';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase extends Database {
  /** The DATABASE_URL of this database, for tests that start a runtime process. */
  url: string;
  /** Closes the connections and deletes the database. */
  drop(): Promise<void>;
}

let counter = 0;

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  const name = `closedloop_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A new, empty, migrated database of `dialect`. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'closedloop-sqlite-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = openDatabase(url);
    await migrateToLatest(db.knex);
    return {
      ...db,
      url,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const created = await createPostgresDatabase();
  const db = openDatabase(created.url);
  await migrateToLatest(db.knex);
  return {
    ...db,
    url: created.url,
    drop: async () => {
      await db.close();
      await created.drop();
    },
  };
}
