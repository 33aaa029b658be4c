/** Authors create, change, publish and read definitions over HTTP; bad documents are refused with issues. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBundle } from '../../../engine';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

const bundle = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;
const ticket = bundle.forms![0] as unknown as Record<string, any>;
const flow = bundle.flows![0] as unknown as Record<string, any>;

/** The flow with one stage requiring a field the ticket form does not have. */
function flowRequiring(field: string): Record<string, any> {
  const copy = structuredClone(flow);
  copy.machine.states.accept.meta.requiredFields = ['category', field];
  return copy;
}

describe.each(DIALECTS)('definitions API on %s', (dialect) => {
  let h: Harness;
  let designer: TestLogin;
  /** The last event of signing in: the assertions on events look at what came after. */
  let signedIn = 0;
  beforeAll(async () => {
    h = await startHarness(dialect);
    designer = await createUserAndLogin(h, { username: 'designer', roles: ['designer'] });
    signedIn = Number((await h.db.knex('events').max({ id: 'id' }))[0]!.id);
  });
  afterAll(() => h?.close());

  /** Requests as the signed-in designer. */
  const request = (options: Parameters<Harness['request']>[0]) =>
    h.request({ ...options, headers: { ...designer.headers, ...(options.headers as object) } });

  const count = async (table: string) =>
    Number(
      (
        await h.db
          .knex(table)
          .modify((q) => {
            if (table === 'events') q.where('id', '>', signedIn);
          })
          .count({ n: '*' })
      )[0]!.n,
    );

  it('refuses a flow whose form does not exist yet, storing nothing', async () => {
    const res = await request({ method: 'POST', url: '/api/flows', payload: flow });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid');
    expect(res.body.error.issues.map((i: any) => `${i.code} ${i.path}`)).toContain('unknown-form /form');
    expect(await count('definitions')).toBe(0);
    expect(await count('events')).toBe(0);
  });

  it('refuses an invalid form with issues pointing into the document', async () => {
    const bad = { ...ticket, fields: [...ticket.fields, { key: 'colour', type: 'colour' }] };
    const res = await request({ method: 'POST', url: '/api/forms', payload: bad });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual([`/fields/${ticket.fields.length}/type`]);
    expect(await count('definitions')).toBe(0);
  });

  it('asks a new definition for its key', async () => {
    const { key: _key, ...keyless } = ticket;
    const res = await request({ method: 'POST', url: '/api/forms', payload: keyless });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: any) => `${i.code} ${i.path}`)).toContain('missing-key /key');
  });

  it('refuses a body that is not a JSON object with 400', async () => {
    const res = await request({ method: 'POST', url: '/api/forms', payload: [ticket] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad-request');
  });

  it('creates a form draft with 201, then a flow that refers to it', async () => {
    const form = await request({ method: 'POST', url: '/api/forms', payload: ticket });
    expect(form.status).toBe(201);
    expect(form.headers.location).toBe('/api/forms/ticket');
    expect(form.body).toMatchObject({ kind: 'form', key: 'ticket', version: 0, status: 'draft', app: null });
    expect(form.body.body).toEqual(ticket);
    const created = await request({ method: 'POST', url: '/api/flows', payload: flow });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'ticket-sop', version: 0, status: 'draft' });
  });

  it('answers a second create of the same key with 409', async () => {
    const res = await request({ method: 'POST', url: '/api/forms', payload: ticket });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already-exists');
    expect(await count('definitions')).toBe(2);
  });

  it('refuses a change that breaks the flow, keeping the stored draft', async () => {
    const res = await request({
      method: 'PUT',
      url: '/api/flows/ticket-sop',
      payload: flowRequiring('colour'),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({
        code: 'unknown-required-field',
        path: '/machine/states/accept/meta/requiredFields/1',
      }),
    ]);
    const current = await request({ method: 'GET', url: '/api/flows/ticket-sop' });
    expect(current.body.body.machine.states.accept.meta.requiredFields).toEqual(['category']);
  });

  it("refuses a document whose key is not the URL's", async () => {
    const res = await request({ method: 'PUT', url: '/api/forms/complaint', payload: ticket });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ code: 'key-mismatch', path: '/key' })]);
  });

  it('publishes version 1 of each', async () => {
    const form = await request({ method: 'POST', url: '/api/forms/ticket/publish' });
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ key: 'ticket', version: 1, status: 'published' });
    expect(form.body.body.version).toBe(1);
    const sop = await request({ method: 'POST', url: '/api/flows/ticket-sop/publish' });
    expect(sop.body).toMatchObject({ key: 'ticket-sop', version: 1, status: 'published' });
  });

  it('answers publishing without a draft with 404', async () => {
    const res = await request({ method: 'POST', url: '/api/forms/ticket/publish' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not-found');
  });

  it('edits a draft over the published version, and pins published versions by number', async () => {
    const changed = { ...ticket, title: { 'zh-CN': '工单 v2', en: 'Ticket v2' } };
    const put = await request({ method: 'PUT', url: '/api/forms/ticket', payload: changed });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 0, status: 'draft' });

    const working = await request({ method: 'GET', url: '/api/forms/ticket' });
    expect(working.body).toMatchObject({ key: 'ticket', version: 0, status: 'draft' });
    expect(working.body.body.title.en).toBe('Ticket v2');

    const v2 = await request({ method: 'POST', url: '/api/forms/ticket/publish' });
    expect(v2.body.version).toBe(2);
    const latest = await request({ method: 'GET', url: '/api/forms/ticket' });
    expect(latest.body).toMatchObject({ version: 2, status: 'published' });
    const pinned = await request({ method: 'GET', url: '/api/forms/ticket?version=1' });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ version: 1, status: 'published' });
    expect(pinned.body.body.title).toEqual(ticket.title);

    const versions = await request({ method: 'GET', url: '/api/forms/ticket/versions' });
    expect(versions.body.items.map((v: any) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    expect(versions.body.items[0].body).toBeUndefined();
  });

  it('does not make a new version from an unchanged draft', async () => {
    const changed = { ...ticket, title: { 'zh-CN': '工单 v2', en: 'Ticket v2' } };
    await request({ method: 'PUT', url: '/api/forms/ticket', payload: changed });
    const again = await request({ method: 'POST', url: '/api/forms/ticket/publish' });
    expect(again.body.version).toBe(2);
  });

  it('creates a definition with PUT when it is new', async () => {
    const res = await request({ method: 'PUT', url: '/api/forms/rd-task', payload: bundle.forms![1] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'rd-task', version: 0, status: 'draft' });
  });

  it('lists each kind with latest versions and drafts', async () => {
    const forms = await request({ method: 'GET', url: '/api/forms' });
    expect(forms.status).toBe(200);
    expect(forms.body.items).toEqual([
      { key: 'rd-task', title: bundle.forms![1]!.title, latestVersion: null, hasDraft: true },
      { key: 'ticket', title: { 'zh-CN': '工单 v2', en: 'Ticket v2' }, latestVersion: 2, hasDraft: false },
    ]);
    const flows = await request({ method: 'GET', url: '/api/flows' });
    expect(flows.body.items).toEqual([
      { key: 'ticket-sop', title: flow.title, latestVersion: 1, hasDraft: false },
    ]);
    expect((await request({ method: 'GET', url: '/api/dashboards' })).body.items).toEqual([]);
  });

  it('answers unknown keys and versions with 404, and a bad version number with 400', async () => {
    for (const url of [
      '/api/forms/nothing',
      '/api/forms/nothing/versions',
      '/api/forms/ticket?version=9',
      '/api/flows/ticket',
      '/api/calendars/nothing',
    ]) {
      const res = await request({ method: 'GET', url });
      expect([url, res.status, res.body.error?.code]).toEqual([url, 404, 'not-found']);
    }
    const res = await request({ method: 'GET', url: '/api/forms/ticket?version=latest' });
    expect(res.status).toBe(400);
  });

  it('records each accepted write as an event, and none for refused ones', async () => {
    const events = await h.db
      .knex('events')
      .where('id', '>', signedIn)
      .orderBy('id')
      .select('type', 'stream_id');
    expect(events.map((e) => `${e.type} ${e.stream_id}`)).toEqual([
      'definition.draft-saved form:ticket',
      'definition.draft-saved flow:ticket-sop',
      'definition.published form:ticket',
      'definition.published flow:ticket-sop',
      'definition.draft-saved form:ticket',
      'definition.published form:ticket',
      'definition.draft-saved form:ticket',
      'definition.draft-saved form:rd-task',
    ]);
  });
});
