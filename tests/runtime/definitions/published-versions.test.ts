/**
 * Published versions are read once per process, yet records always meet the right one: a version
 * read in a transaction that rolls back is forgotten, and a version another process publishes is used
 * by the next submission here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { memoryLogger } from '../../../runtime/logger';
import { loadPublishedForm } from '../../../runtime/records/published-form';
import { submitRecord } from '../../../runtime/records/submit-record';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { openDatabase, type Database } from '../../../runtime/storage/open-database';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const noteForm = (field: string) => ({
  key: 'note',
  title: { en: 'Note', 'zh-CN': '备注' },
  fields: [{ key: field, type: 'text', required: true, label: { en: field, 'zh-CN': field } }],
});

const agent = { id: 'agent-1', roles: ['agent'] };

describe.each(DIALECTS)('published versions on %s', (dialect) => {
  let db: TestDatabase;
  /** A second process on the same database: its own connections, its own memory. */
  let otherDb: Database;
  let runtime: RuntimeContext;
  let other: RuntimeContext;
  const clock = new ManualClock('2026-11-24T09:00:00+08:00');
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    otherDb = openDatabase(db.url);
    runtime = { db, clock, logger: memoryLogger() };
    other = { db: otherDb, clock, logger: memoryLogger() };
  });
  afterAll(async () => {
    await otherDb?.close();
    await db?.drop();
  });

  it('forgets a version read in a transaction that rolled back; the version published later is the one records meet', async () => {
    const store = new DefinitionStore(runtime);
    const rolledBack = await db.knex
      .transaction(async (trx) => {
        await store.saveDraft('form', 'note', noteForm('text'), null, { trx });
        const published = await store.publish('form', 'note', null, { trx });
        const read = await loadPublishedForm(runtime, 'note', published.version, trx);
        expect(read.definition.fields.map((f) => f.key)).toEqual(['text']);
        throw new Error('the import fails after reading the form');
      })
      .catch((err: Error) => err.message);
    expect(rolledBack).toBe('the import fails after reading the form');

    await store.saveDraft('form', 'note', noteForm('summary'), null);
    expect((await store.publish('form', 'note', null)).version).toBe(1);
    const pinned = await loadPublishedForm(runtime, 'note', 1);
    expect(pinned.definition.fields.map((f) => f.key)).toEqual(['summary']);

    const stored = await submitRecord(runtime, 'note', { data: { summary: 'Screen flickers' } }, agent);
    expect(stored.formVersion).toBe(1);
    const refused = await submitRecord(runtime, 'note', { data: { text: 'Screen flickers' } }, agent).catch(
      (err: { status?: number; issues?: { path: string }[] }) => err,
    );
    expect(refused).toMatchObject({ status: 422 });
    expect((refused as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('/summary');
  });

  it('uses the version another process published for the next submission, and keeps pinned records on theirs', async () => {
    const first = await submitRecord(runtime, 'note', { data: { summary: 'Battery drains' } }, agent);
    expect(first.formVersion).toBe(1);

    const elsewhere = new DefinitionStore(other);
    await elsewhere.saveDraft('form', 'note', noteForm('detail'), null);
    expect((await elsewhere.publish('form', 'note', null)).version).toBe(2);

    const next = await submitRecord(runtime, 'note', { data: { detail: 'Battery drains fast' } }, agent);
    expect(next.formVersion).toBe(2);
    expect((await loadPublishedForm(runtime, 'note', 1)).definition.fields.map((f) => f.key)).toEqual([
      'summary',
    ]);
    expect((await loadPublishedForm(runtime, 'note')).version).toBe(2);
  });
});
