/**
 * Notes on a record (`POST /api/records/:id/notes`) on both databases: a note becomes a `note.added`
 * entry of the timeline with its author and text, leaves the revision alone, needs text (422 naming
 * `/text`), read access (404) and `update` on the form (403) — without which no actions are offered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { grantAppRoles, publishSlaTicket } from './record-fixtures';

describe.each(DIALECTS)('record notes on %s', (dialect) => {
  let h: Harness;
  let agent: TestLogin;
  let other: TestLogin;
  let auditor: TestLogin;
  let id: string;
  const note = (login: TestLogin, payload: Record<string, unknown>, record = id) =>
    h.request({ method: 'POST', url: `/api/records/${record}/notes`, headers: login.headers, payload });
  const read = (login: TestLogin) =>
    h.request({ method: 'GET', url: `/api/records/${id}`, headers: login.headers });

  beforeAll(async () => {
    h = await startHarness(dialect, '2026-11-24T09:00:00+08:00');
    await publishSlaTicket(h.runtime);
    await grantAppRoles(h.db.knex, 'service', ['sla-ticket'], {
      agent: ['create', 'read-own', 'update'],
      auditor: ['read-all'],
    });
    agent = await createUserAndLogin(h, { username: 'ann', roles: ['agent'] });
    // Two more agents: the flow assigns the ticket round-robin to one of the three, so "other" is
    // whichever of these is neither its author nor its owner.
    const bob = await createUserAndLogin(h, { username: 'bob', roles: ['agent'] });
    const cy = await createUserAndLogin(h, { username: 'cy', roles: ['agent'] });
    auditor = await createUserAndLogin(h, { username: 'audrey', roles: ['auditor'] });
    const res = await h.request({
      method: 'POST',
      url: '/api/forms/sla-ticket/records',
      headers: agent.headers,
      payload: { data: { title: 'Screen flickers' } },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    const { assignee } = (await h.db.knex('records').where({ id }).first('assignee')) as { assignee: string };
    other = assignee === bob.user.id ? cy : bob;
  });
  afterAll(() => h?.close());

  it('adds a note to the timeline with its author, without a new revision', async () => {
    const before = await read(agent);
    h.clock.advanceMinutes(3);
    const res = await note(agent, { text: '  Called the customer: flicker only when cold.  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'note.added',
      actor: agent.user.id,
      at: '2026-11-24T01:03:00.000Z',
      payload: { form: 'sla-ticket', text: 'Called the customer: flicker only when cold.' },
    });
    const after = await read(agent);
    expect(after.body.revision).toBe(before.body.revision);
    expect(after.body.timeline.at(-1)).toEqual(res.body);
    // Everyone who may read the record sees it.
    expect((await read(auditor)).body.timeline.map((e: { type: string }) => e.type)).toContain('note.added');
  });

  it('needs text: 422 naming /text, nothing stored', async () => {
    const count = (await read(agent)).body.timeline.length;
    for (const payload of [{}, { text: '   ' }, { text: 42 }, { text: 'x'.repeat(5001) }]) {
      const res = await note(agent, payload);
      expect(res.status).toBe(422);
      expect(res.body.error.issues).toEqual([
        expect.objectContaining({ code: 'invalid-note', path: '/text' }),
      ]);
    }
    expect((await read(agent)).body.timeline).toHaveLength(count);
  });

  it('needs read access (404) and update on the form (403)', async () => {
    expect((await note(other, { text: 'not mine' })).status).toBe(404);
    const res = await note(auditor, { text: 'read only' });
    expect(res.status).toBe(403);
    // Nor may the auditor move the record: no actions are offered.
    const actions = await h.request({
      method: 'GET',
      url: `/api/records/${id}/actions`,
      headers: auditor.headers,
    });
    expect(actions.body).toEqual({ items: [] });
    const own = await h.request({ method: 'GET', url: `/api/records/${id}/actions`, headers: agent.headers });
    expect(own.body.items.length).toBeGreaterThan(0);
    expect((await note(agent, { text: 'no such record' }, 'no-such-id')).status).toBe(404);
    const anonymous = await h.request({
      method: 'POST',
      url: `/api/records/${id}/notes`,
      payload: { text: 'x' },
    });
    expect(anonymous.status).toBe(401);
  });
});
