/**
 * `closedloop backup` / `closedloop restore` on an SQLite file and on a PostgreSQL database: a restore
 * brings back exactly what the store held when the backup was taken (every row of every table); a
 * backup taken while tickets are being submitted is a consistent snapshot (every ticket in it has its
 * revision, its `record.created` event and its flow); and what cannot be restored — a file that is not
 * a backup, a store that holds data without --force, an existing backup file — is refused, naming why,
 * with nothing changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { main, type CommandIo } from '../../../runtime/cli/closedloop';
import type { Dialect } from '../../../runtime/config/database-url';
import { memoryLogger } from '../../../runtime/logger';
import { submitRecord } from '../../../runtime/records/submit-record';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { openDatabase, type Database } from '../../../runtime/storage/open-database';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';
import { tourApp, tourTicket } from '../../helpers/tour-tickets';

function captureIo(url: string): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    env: { DATABASE_URL: url },
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
  };
}

async function run(url: string, ...argv: string[]) {
  const io = captureIo(url);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Every row of every table of the store at `url`, through a connection of its own, sorted. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const db = openDatabase(url);
  try {
    const tables =
      db.dialect === 'sqlite'
        ? ((await db.knex.raw(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
          )) as { name: string }[])
        : ((
            await db.knex.raw(
              `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
            )
          ).rows as { name: string }[]);
    const rows: Record<string, string[]> = {};
    for (const { name } of tables) {
      rows[name] = ((await db.knex(name).select('*')) as unknown[]).map((r) => JSON.stringify(r)).sort();
    }
    return rows;
  } finally {
    await db.close();
  }
}

const count = (rows: Record<string, string[]>, table: string) => rows[table]?.length ?? 0;

describe.each(DIALECTS)('closedloop backup / restore on %s', (dialect: Dialect) => {
  let store: TestDatabase;
  let runtime: RuntimeContext;
  /** The connection the suite writes through (reopened after a restore). */
  let writer: Database;
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-backup-'));
  const submit = (n: number) => submitRecord(runtime, 'ticket', { data: tourTicket(n) }, { id: null });

  beforeAll(async () => {
    store = await createTestDatabase(dialect);
    writer = store;
    runtime = { db: writer, clock: new ManualClock('2026-11-24T09:00:00+08:00'), logger: memoryLogger() };
    await importApp(runtime, tourApp(), null);
    for (let n = 1; n <= 5; n++) await submit(n);
  });
  afterAll(async () => {
    await writer?.close();
    await store?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores exactly what the store held when the backup was taken', async () => {
    const file = join(dir, 'exact.backup');
    const atBackup = await everyRow(store.url);
    const backup = await run(store.url, 'backup', file);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(new RegExp(`^Backed up 5 records, ${count(atBackup, 'events')} events, `));

    // Work goes on after the backup.
    for (let n = 6; n <= 8; n++) await submit(n);
    const later = await everyRow(store.url);
    expect(count(later, 'records')).toBe(8);

    // A store with data is replaced only when the operator says so.
    const refused = await run(store.url, 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('the store holds 8 records');
    expect(refused.err).toContain('--force');
    expect(await everyRow(store.url)).toEqual(later);

    // The server is stopped for a restore: this test's own connection is closed first.
    await writer.close();
    const restored = await run(store.url, 'restore', file, '--force');
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/^Restored 5 records, /);
    expect(await everyRow(store.url)).toEqual(atBackup);
    // The store works again from where the backup left it.
    writer = openDatabase(store.url);
    runtime = { ...runtime, db: writer };
    await submit(9);
    expect(count(await everyRow(store.url), 'records')).toBe(6);
  });

  it('takes a consistent snapshot while tickets keep arriving', async () => {
    const file = join(dir, 'busy.backup');
    let submitting = true;
    let submitted = 0;
    const load = (async () => {
      for (let n = 100; submitting; n++) {
        await submit(n);
        submitted++;
      }
    })();
    // The backup starts once the load is under way, and the load goes on past its end.
    while (submitted < 3) await new Promise((r) => setImmediate(r));
    const backup = await run(store.url, 'backup', file);
    const atEnd = submitted;
    while (submitted < atEnd + 3) await new Promise((r) => setImmediate(r));
    submitting = false;
    await load;
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);

    // Restored into a new, empty store: every ticket there is whole.
    const target = dialect === 'sqlite' ? null : await createTestDatabase('postgres');
    const url = target?.url ?? `sqlite:${join(dir, 'restored-busy.db')}`;
    await target?.knex.destroy();
    const restored = await run(url, 'restore', file);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    const db = openDatabase(url);
    try {
      const records = (await db.knex('records').pluck('id')) as string[];
      expect(records.length).toBeGreaterThanOrEqual(6 + 3);
      expect(records.length).toBeLessThan(6 + submitted);
      const revisions = (await db.knex('record_revisions').pluck('record_id')) as string[];
      const created = (await db
        .knex('events')
        .where({ type: 'record.created' })
        .pluck('stream_id')) as string[];
      const flows = (await db.knex('flow_instances').pluck('record_id')) as string[];
      for (const ids of [revisions, created, flows]) expect(new Set(ids)).toEqual(new Set(records));
    } finally {
      await db.close();
      await target?.drop();
    }
  });

  it('refuses what is not a backup, and never overwrites a backup file, changing nothing', async () => {
    const before = await everyRow(store.url);
    const notBackup = join(dir, 'tickets.json');
    writeFileSync(notBackup, JSON.stringify({ records: [] }));
    const wrong = await run(store.url, 'restore', notBackup, '--force');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain(`${notBackup} cannot be restored: it is not`);
    expect(wrong.err).toContain('Nothing was changed.');

    const missing = await run(store.url, 'restore', join(dir, 'nowhere.backup'), '--force');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no such file');

    const twice = await run(store.url, 'backup', notBackup);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('already exists');
    expect(JSON.parse(readFileSync(notBackup, 'utf8'))).toEqual({ records: [] });
    expect(await everyRow(store.url)).toEqual(before);
  });
});
