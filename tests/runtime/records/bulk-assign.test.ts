/**
 * Bulk assignment (`POST /api/tasks/assign`) on both databases, over the engine tour: a manager gives
 * two tickets to one agent with a reason (each timeline says so, the agent's inbox lists them), or to
 * a role (spread round-robin over its holders); a record that is gone fails alone; a bad body, an
 * unknown assignee or a role nobody holds is 422 naming the member, before anything changes; agents
 * may not (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { caller, importTour, submitTicket, TOUR_START } from './tour-inbox-fixtures';

describe.each(DIALECTS)('bulk assignment on %s', (dialect) => {
  let h: Harness;
  let call: ReturnType<typeof caller>;
  let ann: TestLogin;
  let bob: TestLogin;
  let eve: TestLogin;
  let fay: TestLogin;
  let manager: TestLogin;
  const tickets: string[] = [];
  const assign = (login: TestLogin, payload: Record<string, unknown>) =>
    call(login, 'POST', '/api/tasks/assign', payload);
  const assigneeOf = async (id: string) =>
    ((await h.db.knex('records').where({ id }).first('assignee')) as { assignee: string | null }).assignee;

  beforeAll(async () => {
    h = await startHarness(dialect, TOUR_START);
    call = caller(h);
    await importTour(h);
    ann = await createUserAndLogin(h, { username: 'ann', roles: ['agent'] });
    bob = await createUserAndLogin(h, { username: 'bob', roles: ['agent'] });
    eve = await createUserAndLogin(h, { username: 'eve', roles: ['engineer'] });
    fay = await createUserAndLogin(h, { username: 'fay', roles: ['engineer'] });
    manager = await createUserAndLogin(h, { username: 'li', roles: ['manager'] });
    for (let i = 1; i <= 4; i++) tickets.push(await submitTicket(h, `C-${i}`));
  });
  afterAll(() => h?.close());

  it('gives two tickets to one agent with a reason, in each timeline and the agent’s inbox', async () => {
    const [a, b] = tickets as [string, string];
    const res = await assign(manager, {
      records: [a, b],
      assignee: bob.user.id,
      reason: 'Bob knows the X100',
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: a, ok: true, assignee: bob.user.id },
      { id: b, ok: true, assignee: bob.user.id },
    ]);
    for (const id of [a, b]) {
      const detail = await call(manager, 'GET', `/api/records/${id}`);
      expect(detail.body.timeline.at(-1)).toMatchObject({
        type: 'record.assigned',
        actor: manager.user.id,
        payload: { assignee: bob.user.id, reason: 'Bob knows the X100', by: manager.user.id, manual: true },
      });
    }
    const inbox = await call(bob, 'GET', '/api/tasks');
    expect(inbox.body.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([a, b]));
  });

  it('spreads tickets given to a role over its holders', async () => {
    const [, , c, d] = tickets as [string, string, string, string];
    const res = await assign(manager, { records: [c, d], role: 'engineer', reason: 'Hardware fault' });
    expect(res.status).toBe(200);
    const owners = res.body.results.map((r: { assignee: string }) => r.assignee).sort();
    expect(owners).toEqual([eve.user.id, fay.user.id].sort());
    expect(await assigneeOf(c)).toBe(res.body.results[0].assignee);
  });

  it('fails a record that is gone alone', async () => {
    const res = await assign(manager, { records: ['no-such-record', tickets[0]], assignee: ann.user.id });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: 'no-such-record', ok: false, error: { code: 'not-found', message: expect.any(String) } },
      { id: tickets[0], ok: true, assignee: ann.user.id },
    ]);
  });

  it('refuses a bad body, an unknown assignee and a role nobody holds with 422, changing nothing', async () => {
    const before = await Promise.all(tickets.map(assigneeOf));
    const cases: [Record<string, unknown>, string][] = [
      [{ assignee: ann.user.id }, '/records'],
      [{ records: [], assignee: ann.user.id }, '/records'],
      [{ records: tickets, assignee: ann.user.id, role: 'engineer' }, '/assignee'],
      [{ records: tickets }, '/assignee'],
      [{ records: tickets, role: '' }, '/role'],
      [{ records: tickets, assignee: ann.user.id, reason: 'x'.repeat(501) }, '/reason'],
      [{ records: tickets, assignee: 'nobody' }, '/assignee'],
      [{ records: tickets, role: 'rd-lead' }, '/role'],
    ];
    for (const [payload, path] of cases) {
      const res = await assign(manager, payload);
      expect(res.status).toBe(422);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(await Promise.all(tickets.map(assigneeOf))).toEqual(before);
  });

  it('is for managers and admins', async () => {
    const res = await assign(ann, { records: [tickets[0]], assignee: ann.user.id });
    expect(res.status).toBe(403);
    expect(
      (await call(null, 'POST', '/api/tasks/assign', { records: [tickets[0]], assignee: null })).status,
    ).toBe(401);
  });
});
