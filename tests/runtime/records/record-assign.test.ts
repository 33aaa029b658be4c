/**
 * Manual assignment (`POST /api/records/:id/assign`) on both databases: a manager reassigns a record
 * with a reason — the timeline shows it (`manual: true`, who, from whom) and the new assignee's inbox
 * lists the record; unassigning empties it; an unknown or inactive user is 422 naming `/assignee` and
 * changes nothing; the caller needs `update` on the form (403) and read access to the record (404).
 * The record's team follows whoever is assigned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { addUser, count, publishSlaTicket } from './record-fixtures';

const START = '2026-11-24T09:00:00+08:00';

describe.each(DIALECTS)('manual assignment on %s', (dialect) => {
  let h: Harness;
  let manager: TestLogin;
  let ann: TestLogin;
  let bob: TestLogin;
  const assign = (login: TestLogin, id: string, payload: Record<string, unknown>) =>
    h.request({ method: 'POST', url: `/api/records/${id}/assign`, headers: login.headers, payload });
  const inbox = async (login: TestLogin) =>
    (await h.request({ method: 'GET', url: '/api/tasks', headers: login.headers })).body.items.map(
      (t: { id: string }) => t.id,
    );

  beforeAll(async () => {
    h = await startHarness(dialect, START);
    await publishSlaTicket(h.runtime);
    // No app role names the form: managers create, read all and update; agents read their own.
    manager = await createUserAndLogin(h, { username: 'dispatcher', roles: ['manager'] });
    ann = await createUserAndLogin(h, { username: 'ann', roles: ['agent'] });
    bob = await createUserAndLogin(h, { username: 'bob', roles: ['agent'] });
    await addUser(h.db.knex, 'gone', ['agent'], false);
  });
  afterAll(() => h?.close());

  async function submitted(): Promise<{ id: string; assignee: string }> {
    const res = await h.request({
      method: 'POST',
      url: '/api/forms/sla-ticket/records',
      headers: manager.headers,
      payload: { data: { title: 'Screen flickers' } },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('moves the record to the assignee’s team, by the flow and by hand, and keeps it when unassigned', async () => {
    await h.db.knex('users').where({ username: 'ann' }).update({ team: 'East desk' });
    await h.db.knex('users').where({ username: 'bob' }).update({ team: 'South desk' });
    const teamOf = async (id: string) =>
      ((await h.db.knex('records').where({ id }).first('team')) as { team: string | null }).team;
    try {
      const record = await submitted();
      const first = record.assignee === ann.user.id ? 'East desk' : 'South desk';
      expect(await teamOf(record.id)).toBe(first);
      const other = record.assignee === ann.user.id ? bob : ann;
      expect((await assign(manager, record.id, { assignee: other.user.id })).status).toBe(200);
      expect(await teamOf(record.id)).toBe(other === ann ? 'East desk' : 'South desk');
      expect((await assign(manager, record.id, { assignee: null })).status).toBe(200);
      expect(await teamOf(record.id)).toBe(other === ann ? 'East desk' : 'South desk');
    } finally {
      await h.db.knex('users').whereIn('username', ['ann', 'bob']).update({ team: null });
    }
  });

  it('reassigns with a reason: the timeline shows it and the new assignee’s inbox lists the record', async () => {
    const record = await submitted();
    const from = record.assignee === ann.user.id ? ann : bob;
    const to = from === ann ? bob : ann;
    expect(await inbox(from)).toContain(record.id);

    const res = await assign(manager, record.id, { assignee: to.user.id, reason: 'Knows this model' });
    expect(res.status).toBe(200);
    expect(res.body.assignee).toBe(to.user.id);
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);

    const detail = await h.request({
      method: 'GET',
      url: `/api/records/${record.id}`,
      headers: manager.headers,
    });
    const last = detail.body.timeline.at(-1);
    expect(last).toMatchObject({
      type: 'record.assigned',
      actor: manager.user.id,
      payload: {
        assignee: to.user.id,
        previous: from.user.id,
        reason: 'Knows this model',
        by: manager.user.id,
        manual: true,
      },
    });
    expect(await inbox(to)).toContain(record.id);
    expect(await inbox(from)).not.toContain(record.id);

    const cleared = await assign(manager, record.id, { assignee: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.assignee).toBeNull();
    const after = await h.request({
      method: 'GET',
      url: `/api/records/${record.id}`,
      headers: manager.headers,
    });
    expect(after.body.timeline.at(-1)).toMatchObject({
      type: 'record.unassigned',
      payload: { assignee: null, previous: to.user.id, reason: null, manual: true },
    });
    expect(await inbox(to)).not.toContain(record.id);
    const queue = await h.request({
      method: 'GET',
      url: '/api/tasks?assignee=unassigned',
      headers: manager.headers,
    });
    expect(queue.body.items.map((t: { id: string }) => t.id)).toContain(record.id);
  });

  it('refuses an unknown or inactive user with 422 naming /assignee, and changes nothing', async () => {
    const record = await submitted();
    const events = await count(h.db.knex, 'events', { stream: 'record', stream_id: record.id });
    for (const assignee of ['nobody', 'gone']) {
      const res = await assign(manager, record.id, { assignee });
      expect(res.status).toBe(422);
      expect(res.body.error.issues).toEqual([expect.objectContaining({ path: '/assignee' })]);
    }
    const bad = await assign(manager, record.id, { assignee: 42 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('/assignee');
    expect(await count(h.db.knex, 'events', { stream: 'record', stream_id: record.id })).toBe(events);
    const row = await h.db.knex('records').where({ id: record.id }).first('assignee');
    expect(row.assignee).toBe(record.assignee);
  });

  it('needs update on the form (403) and read access to the record (404)', async () => {
    const record = await submitted();
    const owner = record.assignee === ann.user.id ? ann : bob;
    const other = owner === ann ? bob : ann;
    expect((await assign(owner, record.id, { assignee: owner.user.id })).status).toBe(403);
    expect((await assign(other, record.id, { assignee: other.user.id })).status).toBe(404);
    expect((await assign(manager, 'no-such-record', { assignee: null })).status).toBe(404);
    expect(
      (
        await h.request({
          method: 'POST',
          url: `/api/records/${record.id}/assign`,
          payload: { assignee: null },
        })
      ).status,
    ).toBe(401);
  });
});
