/**
 * @module Backup and restore of an SQLite store. A backup is `VACUUM INTO` a new file: one read
 * transaction, so it is a consistent snapshot while the server keeps writing (WAL mode lets both run),
 * written under a temporary name and renamed only when complete and checked. A restore checks the
 * backup (integrity, a Closedloop schema this version knows), copies it beside the store, folds and
 * removes the store's write-ahead log, and renames the copy over the store — so at every instant the
 * store file is either the old store or the whole backup.
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { openDatabase } from '../storage/open-database';
import { schemaProblem } from './store-contents';

type Row = Record<string, unknown>;

/** Opens `file` read-only (nothing is written to a file being checked) and runs `work` on it. */
async function withReadOnly<T>(file: string, work: (all: (sql: string) => Promise<Row[]>) => Promise<T>) {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) =>
      err ? reject(err) : resolve(opened),
    );
  });
  const all = (sql: string) =>
    new Promise<Row[]>((resolve, reject) =>
      db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as Row[]))),
    );
  try {
    return await work(all);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** Why `file` is not a restorable SQLite backup, or null when it is. */
export async function sqliteBackupProblem(file: string): Promise<string | null> {
  if (!existsSync(file)) return 'there is no such file';
  try {
    return await withReadOnly(file, async (all) => {
      const check = await all('PRAGMA integrity_check');
      const verdict = check.map((r) => String(Object.values(r)[0])).join('; ');
      if (verdict !== 'ok') return `it is damaged (${verdict.slice(0, 200)})`;
      const tables = (await all(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) =>
        String(r.name),
      );
      const migrations = tables.includes('knex_migrations')
        ? (await all('SELECT name FROM knex_migrations ORDER BY id')).map((r) => String(r.name))
        : [];
      return schemaProblem(tables, migrations);
    });
  } catch (err) {
    // sqlite3 says "file is not a database" for anything else.
    return `it is not an SQLite database (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Writes a consistent copy of the store at `storeFile` to `target` (which must not exist yet). */
export async function backupSqlite(storeFile: string, target: string): Promise<void> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = openDatabase({ dialect: 'sqlite', location: storeFile });
  try {
    await db.knex.raw('VACUUM INTO ?', [partial]);
  } finally {
    await db.close();
  }
  const problem = await sqliteBackupProblem(partial);
  if (problem) {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its check: ${problem}`);
  }
  renameSync(partial, target);
}

/**
 * Replaces the store at `storeFile` with the (already checked) backup `backupFile`. The server must
 * be stopped: a running one would keep writing to the file it has open.
 */
export async function restoreSqlite(backupFile: string, storeFile: string): Promise<void> {
  const staging = `${storeFile}.restoring`;
  copyFileSync(backupFile, staging);
  if (existsSync(storeFile) && statSync(storeFile).size > 0) {
    // Fold the old store's log into its file first: a log left beside the restored file would be
    // replayed into it.
    const old = openDatabase({ dialect: 'sqlite', location: storeFile });
    try {
      await old.knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      await old.close();
    }
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(storeFile + suffix, { force: true });
  renameSync(staging, storeFile);
}
