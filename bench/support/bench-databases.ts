/**
 * @module Fresh, migrated databases for benchmark rows: an SQLite file in the run's scratch folder, or a
 * new database on the run's PostgreSQL server.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../runtime/config/database-url';
import { migrateToLatest } from '../../runtime/storage/migrate';
import { openDatabase } from '../../runtime/storage/open-database';
import type { BenchDatabase } from '../bench-row';

let counter = 0;

export async function createBenchDatabase(
  dialect: Dialect,
  workDir: string,
  postgresUrl: () => Promise<string>,
): Promise<BenchDatabase> {
  const name = `bench_${process.pid}_${counter++}`;
  if (dialect === 'sqlite') {
    const dir = join(workDir, name);
    mkdirSync(dir, { recursive: true });
    const url = `sqlite:${join(dir, 'closedloop.db')}`;
    const db = openDatabase(url);
    await migrateToLatest(db.knex);
    return { ...db, url, drop: () => db.close() };
  }
  const serverUrl = await postgresUrl();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString());
  await migrateToLatest(db.knex);
  return {
    ...db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
