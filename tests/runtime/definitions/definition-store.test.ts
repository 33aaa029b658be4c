/** Definitions are checked before they are stored, versioned on publish and never changed after. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBundle } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { UserError } from '../../../runtime/http/errors';
import { memoryLogger } from '../../../runtime/logger';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const bundle = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;
const ticket = bundle.forms![0] as unknown as Record<string, unknown>;
const flow = bundle.flows![0] as unknown as Record<string, unknown>;

describe.each(DIALECTS)('definition store on %s', (dialect) => {
  let db: TestDatabase;
  let store: DefinitionStore;
  const clock = new ManualClock('2026-11-24T09:00:00+08:00');
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    store = new DefinitionStore({ db, clock, logger: memoryLogger() });
  });
  afterAll(() => db?.drop());

  it('refuses an invalid draft with 422 and the issues, storing nothing', async () => {
    const bad = { ...ticket, fields: [{ key: 'x', type: 'colour' }] };
    const error = await store.saveDraft('form', 'ticket', bad, 'admin').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).status).toBe(422);
    expect((error as UserError).issues?.map((i) => i.path)).toEqual(['/fields/0/type']);
    expect(await db.knex('definitions').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('refuses a flow whose form is unknown, and accepts it once the form is stored', async () => {
    const refused = await store.saveDraft('flow', 'ticket-sop', flow, 'admin').catch((e: UserError) => e);
    expect((refused as UserError).issues?.map((i) => `${i.code} ${i.path}`)).toContain('unknown-form /form');
    await store.saveDraft('form', 'ticket', ticket, 'admin');
    const saved = await store.saveDraft('flow', 'ticket-sop', flow, 'admin');
    expect(saved).toMatchObject({ kind: 'flow', key: 'ticket-sop', version: 0, status: 'draft' });
  });

  it('publishes versions that never change, and does not copy an unchanged draft', async () => {
    const v1 = await store.publish('form', 'ticket', 'admin');
    expect(v1.version).toBe(1);
    expect(v1.body.version).toBe(1);
    await store.saveDraft('form', 'ticket', { ...ticket, title: { en: 'Ticket v2' } }, 'admin');
    const v2 = await store.publish('form', 'ticket', 'admin');
    expect(v2.version).toBe(2);
    expect((await store.getPublished('form', 'ticket', 1)).body.title).toEqual(ticket.title);
    expect((await store.getPublished('form', 'ticket')).version).toBe(2);
    await store.saveDraft('form', 'ticket', { ...ticket, title: { en: 'Ticket v2' } }, 'admin');
    expect((await store.publish('form', 'ticket', 'admin')).version).toBe(2);
    expect((await store.versions('form', 'ticket')).map((v) => v.version)).toEqual([2, 1]);
  });

  it('lists definitions with their latest version and unpublished drafts', async () => {
    expect(await store.list('flow')).toEqual([
      { key: 'ticket-sop', title: flow.title, latestVersion: null, hasDraft: true },
    ]);
    expect(await store.list('form')).toEqual([
      { key: 'ticket', title: { en: 'Ticket v2' }, latestVersion: 2, hasDraft: false },
    ]);
  });

  it('records every save and publish as an event', async () => {
    const events = await db
      .knex('events')
      .where({ stream: 'definition' })
      .orderBy('id')
      .select('type', 'stream_id');
    expect(events.map((e) => `${e.type} ${e.stream_id}`)).toEqual([
      'definition.draft-saved form:ticket',
      'definition.draft-saved flow:ticket-sop',
      'definition.published form:ticket',
      'definition.draft-saved form:ticket',
      'definition.published form:ticket',
      'definition.draft-saved form:ticket',
    ]);
  });

  it('refuses a document whose key differs from the one addressed', async () => {
    const error = await store.saveDraft('form', 'complaint', ticket, 'admin').catch((e: UserError) => e);
    expect((error as UserError).code).toBe('key-mismatch');
  });
});

describe.each(DIALECTS)('publishing a form on %s', (dialect) => {
  it('builds expression indexes for its indexed fields, also when imported with an app', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const runtime = { db, clock: new ManualClock('2026-11-24T09:00:00Z'), logger: memoryLogger() };
      const indexes = async (prefix: string) =>
        (dialect === 'postgres'
          ? ((await db.knex('pg_indexes').where({ tablename: 'records' }).pluck('indexname')) as string[])
          : ((await db
              .knex('sqlite_master')
              .where({ type: 'index', tbl_name: 'records' })
              .pluck('name')) as string[])
        )
          .filter((n) => n.startsWith(prefix))
          .sort();
      const store = new DefinitionStore(runtime);
      await store.saveDraft('form', 'ticket', ticket, 'admin');
      await store.publish('form', 'ticket', 'admin');
      // The tour's ticket form marks tier, channel, model and category as indexed.
      expect(await indexes('records_ticket_')).toEqual([
        'records_ticket_category',
        'records_ticket_channel',
        'records_ticket_model',
        'records_ticket_tier',
      ]);
      const renamed = {
        ...bundle,
        key: 'indexed-app',
        forms: [{ ...ticket, key: 'complaint' }],
        flows: [],
        rules: [],
        reports: [],
        roles: [],
      };
      await importApp(runtime, renamed, 'admin');
      expect(await indexes('records_complaint_')).toHaveLength(4);
    } finally {
      await db.drop();
    }
  });
});
