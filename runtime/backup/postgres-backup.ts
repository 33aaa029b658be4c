/**
 * @module Backup and restore of a PostgreSQL store with PostgreSQL's own tools. A backup is
 * `pg_dump --format=custom` (one snapshot, so consistent while servers keep writing), written under a
 * temporary name and renamed once its table of contents shows a Closedloop store. A restore turns the
 * archive into SQL with `pg_restore`, then runs it with `psql` in one transaction after emptying the
 * schema: if any statement fails, nothing changes.
 */
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool, splitPassword } from './postgres-tools';
import { schemaProblem } from './store-contents';

/** The migration names in an archive's knex_migrations data (COPY text: tab-separated, `\.` ends it). */
function migrationsIn(copyText: string): string[] {
  const lines = copyText.split('\n');
  const head = lines.findIndex((l) => /^COPY public\.knex_migrations \(/.test(l));
  if (head < 0) return [];
  const columns = /\(([^)]*)\)/
    .exec(lines[head]!)![1]!
    .split(',')
    .map((c) => c.trim().replace(/"/g, ''));
  const at = columns.indexOf('name');
  const names: string[] = [];
  for (const line of lines.slice(head + 1)) {
    if (line === '\\.') break;
    names.push(line.split('\t')[at] ?? '');
  }
  return names;
}

/** Why `file` is not a restorable PostgreSQL backup, or null when it is. */
export async function postgresBackupProblem(file: string): Promise<string | null> {
  let list: string;
  try {
    list = await runTool('pg_restore', ['--list', file]);
  } catch (err) {
    return `it is not a pg_dump archive (${err instanceof Error ? err.message : String(err)})`;
  }
  const tables = [...list.matchAll(/ TABLE public (\S+) /g)].map((m) => m[1]!);
  const data = tables.includes('knex_migrations')
    ? await runTool('pg_restore', ['--data-only', '--table=knex_migrations', '--file=-', file])
    : '';
  return schemaProblem(tables, migrationsIn(data));
}

/** Writes a consistent archive of the store at `databaseUrl` to `target` (which must not exist yet). */
export async function backupPostgres(databaseUrl: string, target: string): Promise<void> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const { url, password } = splitPassword(databaseUrl);
  try {
    await runTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`],
      { password },
    );
    const problem = await postgresBackupProblem(partial);
    if (problem) throw new Error(`the archive failed its check: ${problem}`);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, target);
}

/**
 * Replaces everything in the store at `databaseUrl` (its `public` schema) with the (already checked)
 * archive `backupFile`, in one transaction. Servers should be stopped: they would fail while it runs.
 */
export async function restorePostgres(backupFile: string, databaseUrl: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-restore-'));
  const script = join(dir, 'restore.sql');
  const { url, password } = splitPassword(databaseUrl);
  try {
    // The whole script is written first: a pg_restore that stopped half way must not be committed.
    await runTool('pg_restore', ['--no-owner', '--no-privileges', `--file=${script}`, backupFile]);
    await runTool(
      'psql',
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set=ON_ERROR_STOP=1',
        '--command=DROP SCHEMA IF EXISTS public CASCADE',
        '--command=CREATE SCHEMA public',
        `--file=${script}`,
        `--dbname=${url}`,
      ],
      { password },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
