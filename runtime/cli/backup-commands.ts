/**
 * @module `closedloop backup <file>` and `closedloop restore <file> [--force]` for the store named by
 * DATABASE_URL: SQLite files and PostgreSQL databases alike (see `runtime/backup/`). A backup can be
 * taken while the server runs; a restore wants the server stopped, refuses a store that holds data
 * unless `--force` says to replace it, and brings an older backup's schema up to date.
 */
import { existsSync, statSync } from 'node:fs';
import { backupPostgres, postgresBackupProblem, restorePostgres } from '../backup/postgres-backup';
import { backupSqlite, restoreSqlite, sqliteBackupProblem } from '../backup/sqlite-backup';
import { describeContents, holdsData, storeContents, type StoreContents } from '../backup/store-contents';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseConfig } from '../config/database-url';
import { migrateToLatest } from '../storage/migrate';
import { openDatabase } from '../storage/open-database';
import type { CommandIo } from './closedloop';

async function contentsOf(config: DatabaseConfig, migrate = false): Promise<StoreContents | null> {
  const db = openDatabase(config);
  try {
    if (migrate) await migrateToLatest(db.knex);
    return await storeContents(db.knex);
  } finally {
    await db.close();
  }
}

const megabytes = (file: string) => `${(statSync(file).size / 1_048_576).toFixed(1)} MB`;

export async function backupCommand(args: string[], io: CommandIo): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) throw new Error('usage: closedloop backup <file>');
  const config = parseDatabaseUrl(io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  if (existsSync(file)) {
    io.err(`closedloop backup: ${file} already exists; name a new file (a backup never overwrites one)`);
    return 1;
  }
  if (config.dialect === 'sqlite' && (config.location === ':memory:' || !existsSync(config.location))) {
    io.err(`closedloop backup: there is no store at ${config.location} to back up`);
    return 1;
  }
  const contents = await contentsOf(config);
  if (contents === null) {
    io.err('closedloop backup: the database holds no Closedloop store (run the server or migrate first)');
    return 1;
  }
  if (config.dialect === 'sqlite') await backupSqlite(config.location, file);
  else await backupPostgres(config.location, file);
  // The counts are read before the snapshot; a server writing meanwhile adds to the backup, never takes away.
  io.out(`Backed up ${describeContents(contents)} to ${file} (${megabytes(file)})`);
  return 0;
}

export async function restoreCommand(args: string[], io: CommandIo): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const [file] = rest;
  if (!file || rest.length > 1) throw new Error('usage: closedloop restore <file> [--force]');
  const config = parseDatabaseUrl(io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  if (config.dialect === 'sqlite' && config.location === ':memory:') {
    io.err('closedloop restore: DATABASE_URL names an in-memory store; name a file');
    return 1;
  }
  const problem = existsSync(file)
    ? config.dialect === 'sqlite'
      ? await sqliteBackupProblem(file)
      : await postgresBackupProblem(file)
    : 'there is no such file';
  if (problem) {
    io.err(`closedloop restore: ${file} cannot be restored: ${problem}. Nothing was changed.`);
    return 1;
  }
  const exists = config.dialect === 'postgres' || existsSync(config.location);
  const before = exists ? await contentsOf(config) : null;
  if (holdsData(before) && !force) {
    io.err(
      `closedloop restore: the store holds ${describeContents(before)}; a restore replaces all of it. ` +
        'Stop the server and run again with --force to replace it. Nothing was changed.',
    );
    return 1;
  }
  if (config.dialect === 'sqlite') await restoreSqlite(file, config.location);
  else await restorePostgres(file, config.location);
  const after = await contentsOf(config, true);
  io.out(`Restored ${describeContents(after!)} from ${file}`);
  return 0;
}
