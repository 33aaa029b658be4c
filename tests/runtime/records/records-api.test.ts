/**
 * The records API end to end: submitting validates against the published form and starts the flow
 * (stage, SLA clocks, timers, assignment) in one transaction; bad data stores nothing; updates need
 * the current revision; events move the stage or are refused with 409 / 403 / 422; lists filter, sort
 * and page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRecordEvent } from '../../../runtime/records/record-service';
import { UserError } from '../../../runtime/http/errors';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import {
  actingAs,
  addUser,
  count,
  grantAppRoles,
  publishSlaTicket,
  publishTourTicket,
  writtenRows,
} from './record-fixtures';

// A Tuesday, 09:00 in Shanghai: a full office day on cn-2026.
const START = '2026-11-24T09:00:00+08:00';

describe.each(DIALECTS)('records API on %s', (dialect) => {
  let h: Harness;
  /** Signed in as an admin: every record, every event (the flow's roles do not restrict admins). */
  let admin: TestLogin;
  const submit = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    h.request({
      method: 'POST',
      url: '/api/forms/sla-ticket/records',
      headers: admin.headers,
      payload: { data, ...extra },
    });
  const get = (id: string) => h.request({ method: 'GET', url: `/api/records/${id}`, headers: admin.headers });
  const send = (id: string, payload: Record<string, unknown>) =>
    h.request({ method: 'POST', url: `/api/records/${id}/events`, headers: admin.headers, payload });
  const types = (timeline: { type: string }[]) => timeline.map((e) => e.type);

  beforeAll(async () => {
    h = await startHarness(dialect, START);
    await publishSlaTicket(h.runtime);
    await grantAppRoles(h.db.knex, 'service', ['sla-ticket'], {
      agent: ['create', 'read-all', 'update'],
      engineer: ['read-all', 'update'],
      manager: ['read-all', 'update'],
    });
    admin = await createUserAndLogin(h, { username: 'admin', roles: ['admin'] });
    await addUser(h.db.knex, 'agent-a', ['agent']);
    await addUser(h.db.knex, 'agent-b', ['agent', 'viewer']);
    await addUser(h.db.knex, 'agent-off', ['agent'], false);
    await addUser(h.db.knex, 'eng-1', ['engineer']);
    await addUser(h.db.knex, 'mgr', ['manager']);
  });
  afterAll(() => h?.close());

  it('submits a record: 201 with its stage, live SLA and revision, in one transaction with its flow', async () => {
    const res = await submit({ customer: 'C-1', title: 'Screen flickers', tier: 'vip' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const record = res.body;
    expect(record).toMatchObject({
      form: 'sla-ticket',
      formVersion: 1,
      revision: 1,
      stage: 'triage',
      customer: 'C-1',
      assignee: 'agent-a',
      data: { customer: 'C-1', title: 'Screen flickers', tier: 'vip', priority: 'normal' },
      flow: { key: 'sla-ticket-sop', version: 1, status: 'active' },
    });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
    // 240 business minutes from Tue 09:00: 09:00–12:00, then 13:30–14:30 after lunch.
    expect(record.sla).toEqual([
      expect.objectContaining({
        clock: 'respond-sla',
        run: 1,
        state: 'running',
        targetMinutes: 240,
        due: '2026-11-24T06:30:00.000Z',
        businessElapsedMinutes: 0,
        wallElapsedMinutes: 0,
      }),
    ]);
    expect(record.events.map((e: { event: string }) => e.event)).toEqual(['ACCEPT', 'CANCEL']);

    const instance = await h.db.knex('flow_instances').where({ record_id: record.id }).first();
    expect(instance).toMatchObject({ flow_key: 'sla-ticket-sop', flow_version: 1, status: 'active' });
    const timers = await h.db.knex('timers').where({ record_id: record.id }).orderBy('due_at');
    expect(timers.map((t) => [t.kind, new Date(Number(t.due_at)).toISOString()])).toEqual([
      ['sla.warning', '2026-11-24T03:00:00.000Z'],
      ['sla.warning', '2026-11-24T04:00:00.000Z'],
      ['sla.breach', '2026-11-24T06:30:00.000Z'],
    ]);
    expect(timers.every((t) => t.id.startsWith(`${record.id}:`))).toBe(true);
    const clock = await h.db.knex('sla_clocks').where({ record_id: record.id }).first();
    expect(clock).toMatchObject({ clock: 'respond-sla', run: 1, state: 'running', target_minutes: 240 });
    expect(Number(clock.due_at)).toBe(Date.parse('2026-11-24T06:30:00Z'));
    expect(await count(h.db.knex, 'record_revisions', { record_id: record.id })).toBe(1);

    const detail = await get(record.id);
    expect(detail.status).toBe(200);
    expect(types(detail.body.timeline)).toEqual([
      'record.created',
      'sla.started',
      'stage.entered',
      'record.assigned',
    ]);
    expect(detail.body.timeline[3].payload).toMatchObject({
      assignee: 'agent-a',
      role: 'agent',
      stage: 'triage',
    });
  });

  it('assigns round-robin among active users of the owner role, least recently assigned first', async () => {
    const assignees: string[] = [];
    for (let i = 0; i < 3; i++) assignees.push((await submit({ title: `RR ${i}` })).body.assignee);
    expect(assignees).toEqual(['agent-b', 'agent-a', 'agent-b']);
  });

  it('refuses invalid data with 422 naming each field, and stores nothing at all', async () => {
    const before = await writtenRows(h.db.knex);
    const missing = await submit({ customer: 'C-2' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('invalid');
    expect(missing.body.error.issues).toEqual([
      expect.objectContaining({ code: 'required', path: '/title' }),
    ]);
    const wrong = await submit({ title: 'x', amount: 'lots', priority: 'whenever' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      '/amount',
      '/priority',
    ]);
    expect(await writtenRows(h.db.knex)).toEqual(before);

    expect(
      (
        await h.request({
          method: 'POST',
          url: '/api/forms/sla-ticket/records',
          headers: admin.headers,
          payload: [],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await h.request({
          method: 'POST',
          url: '/api/forms/nope/records',
          headers: admin.headers,
          payload: { data: {} },
        })
      ).status,
    ).toBe(404);
  });

  it('updates only with the current revision: 428 without If-Match, 409 when stale, nothing changed', async () => {
    const { body: created } = await submit({ title: 'Battery swells', amount: 10 });
    const url = `/api/records/${created.id}`;
    const before = await writtenRows(h.db.knex);

    const noMatch = await h.request({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { data: { title: 'changed' } },
    });
    expect(noMatch.status).toBe(428);
    const stale = await h.request({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"7"' },
      payload: { data: { title: 'changed' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-revision');
    expect(stale.body.error.issues[0].params).toEqual({ current: 1, expected: 7 });
    const invalid = await h.request({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '1' },
      payload: { data: { title: '' } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues[0].path).toBe('/title');
    expect(await writtenRows(h.db.knex)).toEqual(before);
    expect((await get(created.id)).body).toMatchObject({ revision: 1, data: { title: 'Battery swells' } });

    h.clock.advanceMinutes(30);
    const ok = await h.request({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { data: { title: 'Battery swells badly', priority: 'urgent' } },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.body).toMatchObject({
      revision: 2,
      data: { title: 'Battery swells badly', priority: 'urgent' },
    });
    // The policy restarts on a priority change: 60 business minutes from the clock's start.
    expect(ok.body.sla[0]).toMatchObject({ targetMinutes: 60, due: '2026-11-24T02:00:00.000Z' });
    const timeline = (await get(created.id)).body.timeline as { type: string; payload: any }[];
    const updated = timeline.find((e) => e.type === 'record.updated')!;
    expect(updated.payload.changes).toEqual([
      { field: 'title', before: 'Battery swells', after: 'Battery swells badly' },
      { field: 'priority', before: 'normal', after: 'urgent' },
    ]);
    expect(types(timeline)).toContain('sla.retargeted');
    expect(await count(h.db.knex, 'record_revisions', { record_id: created.id })).toBe(2);
    h.clock.set(START);
  });

  it('moves the stage on an allowed event and refuses the others with 409 / 403 / 422', async () => {
    const { body: created } = await submit({ title: 'Noise', tier: 'standard' });
    const id = created.id;
    const before = await writtenRows(h.db.knex);

    const notAllowed = await send(id, { type: 'RESOLVE' });
    expect(notAllowed.status).toBe(409);
    expect(notAllowed.body.error).toMatchObject({ code: 'event-not-allowed' });
    expect(notAllowed.body.error.issues[0]).toMatchObject({ code: 'event-not-allowed', path: '/type' });

    const missing = await send(id, { type: 'ACCEPT' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0]).toMatchObject({
      code: 'required-field-missing',
      path: '/data/category',
    });

    const asEngineer = actingAs(h.runtime, { id: 'eng-1', roles: ['engineer'] });
    const forbidden = await asEngineer({
      method: 'POST',
      url: `/api/records/${id}/events`,
      payload: { type: 'ACCEPT', data: { category: 'screen' } },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('role-not-allowed');
    const direct = await sendRecordEvent(
      h.runtime,
      id,
      { type: 'CANCEL' },
      { id: 'agent-a', roles: ['agent'] },
    ).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(UserError);
    expect((direct as UserError).status).toBe(403);

    const forged = await send(id, { type: 'sla.breach', clock: 'respond-sla' });
    expect(forged.status).toBe(400);
    const badData = await send(id, { type: 'ACCEPT', data: { category: 'toaster' } });
    expect(badData.status).toBe(422);
    expect(badData.body.error.issues[0].path).toBe('/category');
    expect(await writtenRows(h.db.knex)).toEqual(before);

    h.clock.advanceMinutes(20);
    const asAgent = actingAs(h.runtime, { id: 'agent-b', roles: ['agent'] });
    const accepted = await asAgent({
      method: 'POST',
      url: `/api/records/${id}/events`,
      payload: { type: 'ACCEPT', data: { category: 'screen' } },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      stage: 'working',
      assignee: 'eng-1',
      revision: 2,
      data: { category: 'screen' },
    });
    expect(accepted.body.sla[0]).toMatchObject({ state: 'met', businessElapsedMinutes: 20, outcome: 'met' });
    const timeline = (await get(id)).body.timeline as { type: string; actor: string | null; payload: any }[];
    expect(types(timeline).slice(4)).toEqual([
      'record.updated',
      'flow.event',
      'stage.exited',
      'sla.met',
      'stage.entered',
      'record.assigned',
    ]);
    expect(timeline[5]).toMatchObject({
      actor: 'agent-b',
      payload: { event: 'ACCEPT', from: 'triage', to: 'working' },
    });
    expect(await count(h.db.knex, 'timers', { record_id: id })).toBe(0);
    expect(await h.db.knex('sla_clocks').where({ record_id: id }).first()).toMatchObject({ state: 'met' });

    const resolved = await send(id, { type: 'RESOLVE' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ stage: 'resolved', flow: { status: 'done' } });
    expect(resolved.body.resolvedAt).toBe(new Date(h.clock.now()).toISOString());
    const finished = await send(id, { type: 'RESOLVE' });
    expect(finished.status).toBe(409);
    expect(finished.body.error.code).toBe('flow-finished');

    const { body: other } = await submit({ title: 'Wrong number' });
    const asManager = actingAs(h.runtime, { id: 'mgr', roles: ['manager'] });
    const cancelled = await asManager({
      method: 'POST',
      url: `/api/records/${other.id}/events`,
      payload: { type: 'CANCEL' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ stage: 'cancelled', resolvedAt: null });
    expect(await h.db.knex('sla_clocks').where({ record_id: other.id }).first()).toMatchObject({
      state: 'cancelled',
    });
    h.clock.set(START);
  });

  it('lists with filters over columns and fields, sorting and keyset pages; bad filters are 400', async () => {
    for (const [i, amount] of [30, 10, 20, 50, 40].entries()) {
      await submit({ title: `List ${i} Fridge`, amount, tags: i % 2 === 0 ? ['repeat'] : ['press'] });
    }
    const list = (query: string) =>
      h.request({ method: 'GET', url: `/api/forms/sla-ticket/records?${query}`, headers: admin.headers });
    const filter = (f: unknown) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

    const fridges = await list(filter({ title: { contains: 'fridge' } }) + '&sort=amount');
    expect(fridges.status).toBe(200);
    expect(fridges.body.items.map((r: any) => r.data.amount)).toEqual([10, 20, 30, 40, 50]);
    expect(fridges.body.nextCursor).toBeNull();

    const pages: number[][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: any = await list(
        `${filter({ amount: { gte: 10 }, title: { contains: 'List' } })}&sort=-amount&limit=2&cursor=${cursor}`,
      );
      pages.push(res.body.items.map((r: any) => r.data.amount));
      cursor = res.body.nextCursor;
    }
    expect(pages).toEqual([[50, 40], [30, 20], [10]]);

    const some = await list(
      filter({ amount: { gt: 15, lt: 45 }, tags: { contains: 'repeat' }, stage: 'triage' }),
    );
    expect(some.body.items.map((r: any) => r.data.amount).sort()).toEqual([20, 30, 40]);
    const pressed = await list(filter({ tags: { contains: 'press' } }) + '&sort=amount');
    expect(pressed.body.items.map((r: any) => r.data.amount)).toEqual([10, 50]);
    const inList = await list(
      filter({ 'data.amount': { in: [10, 50] }, resolvedAt: null, title: { contains: 'list' } }),
    );
    expect(inList.body.items.map((r: any) => r.data.amount).sort()).toEqual([10, 50]);
    const byAssignee = await list(filter({ assignee: { ne: 'agent-a' }, amount: { ne: null } }));
    expect(byAssignee.body.items.every((r: any) => r.assignee !== 'agent-a')).toBe(true);
    expect(byAssignee.body.items.length).toBeGreaterThan(0);
    const recent = await list(filter({ createdAt: { gte: START } }) + '&limit=500');
    expect(recent.body.items.length).toBe(await count(h.db.knex, 'records', { form_key: 'sla-ticket' }));

    const unknown = await list(filter({ colour: 'red' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'unknown-field' });
    expect(unknown.body.error.issues[0]).toMatchObject({
      path: '/filter/colour',
      params: { field: 'colour' },
    });
    expect((await list(filter({ amount: { near: 3 } }))).body.error.code).toBe('unknown-operator');
    expect((await list(filter({ amount: 'ten' }))).body.error.code).toBe('bad-filter-value');
    expect((await list('filter=%7Bnope')).body.error.code).toBe('bad-filter');
    expect((await list('limit=501')).status).toBe(400);
    expect((await list('sort=shoeSize')).status).toBe(400);
    expect((await list('cursor=garbage')).body.error.code).toBe('bad-cursor');
  });

  it('runs the engine tour’s ticket form and SOP flow', async () => {
    await publishTourTicket(h.runtime);
    const res = await h.request({
      method: 'POST',
      url: '/api/forms/ticket/records',
      headers: admin.headers,
      payload: {
        data: {
          customer: 'C-9',
          tier: 'vip',
          priority: 'urgent',
          channel: 'phone',
          model: 'X100',
          detail: 'Dead screen',
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ stage: 'accept', customer: 'C-9', assignee: 'agent-a' });
    // A VIP's urgent ticket: 10 business minutes to accept, and the 24 × 7 resolution clock.
    expect(res.body.sla).toHaveLength(2);
    expect(res.body.sla).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clock: 'accept-sla', targetMinutes: 10, calendar: 'cn-2026' }),
        expect.objectContaining({ clock: 'resolution-sla', targetMinutes: 4320, calendar: 'always-open' }),
      ]),
    );
    const accepted = await send(res.body.id, { type: 'ACCEPT', data: { category: 'screen' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.stage).toBe('diagnose');
    expect(accepted.body.assignee).toBe('eng-1');
  });
});
