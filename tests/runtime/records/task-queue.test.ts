/**
 * The inbox (`GET /api/tasks`) beyond one person's list, on both databases, over the engine tour: the
 * team queue (stages owned by the caller's roles, the caller's team, unassigned records, everything
 * for a manager in no team — only forms the caller reads in full, never the caller's own), filters by
 * form, stage, priority, text and SLA level, each clock's level and next warning judged at the server's
 * clock, which the answer carries as `serverTime`; and the people behind the ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDueTimers } from '../../../runtime/timers/timer-sweeper';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { caller, importTour, submitTicket, TOUR_START } from './tour-inbox-fixtures';

interface Task {
  id: string;
  stage: string;
  assignee: string | null;
  data: Record<string, unknown>;
  sla: { clock: string; state: string; dueAt: string | null; warnAt: string | null; level: string } | null;
}

describe.each(DIALECTS)('task queues and filters on %s', (dialect) => {
  let h: Harness;
  let call: ReturnType<typeof caller>;
  let ann: TestLogin;
  let bob: TestLogin;
  let eve: TestLogin;
  let fay: TestLogin;
  let dispatcher: TestLogin;
  let lead: TestLogin;
  const ids: Record<string, string> = {};
  const tasks = async (login: TestLogin, query = '') => {
    const res = await call(login, 'GET', `/api/tasks${query}`);
    expect(res.status).toBe(200);
    return res.body.items as Task[];
  };
  const assigneeOf = async (id: string) =>
    ((await h.db.knex('records').where({ id }).first('assignee')) as { assignee: string }).assignee;
  const customers = async (login: TestLogin, query = '') =>
    (await tasks(login, query)).map((t) => t.data.customer).sort();

  beforeAll(async () => {
    h = await startHarness(dialect, TOUR_START);
    call = caller(h);
    await importTour(h);
    ann = await createUserAndLogin(h, { username: 'ann', roles: ['agent'] });
    bob = await createUserAndLogin(h, { username: 'bob', roles: ['agent'] });
    eve = await createUserAndLogin(h, { username: 'eve', roles: ['engineer'], team: 'east' });
    fay = await createUserAndLogin(h, { username: 'fay', roles: ['engineer'], team: 'east' });
    dispatcher = await createUserAndLogin(h, { username: 'dispatch', roles: ['manager'] });
    lead = await createUserAndLogin(h, { username: 'lead', roles: ['manager'], team: 'east' });
    // Round-robin over the agents: each gets two of the four.
    ids.c1 = await submitTicket(h, 'C-1', { priority: 'high', detail: '屏幕闪烁 after the update' });
    ids.c2 = await submitTicket(h, 'C-2');
    ids.c3 = await submitTicket(h, 'C-3');
    ids.c4 = await submitTicket(h, 'C-4', { model: 'X300' });
    // C-3 and C-4 move on to diagnose, owned by the engineers (least loaded: one each).
    for (const id of [ids.c3!, ids.c4!]) {
      const owner = await assigneeOf(id);
      const res = await call(owner === ann.user.id ? ann : bob, 'POST', `/api/records/${id}/events`, {
        type: 'ACCEPT',
      });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => h?.close());

  it('lists my tasks with the server’s clock', async () => {
    const res = await call(ann, 'GET', '/api/tasks');
    expect(res.body.serverTime).toBe(h.clock.now().toISOString());
    const mine = [];
    for (const id of [ids.c1!, ids.c2!]) if ((await assigneeOf(id)) === ann.user.id) mine.push(id);
    expect(mine).toHaveLength(1);
    expect(res.body.items.map((t: Task) => t.id)).toEqual(mine);
  });

  it('gives each engineer the other’s diagnose work as the team queue, never their own', async () => {
    const [eveOwn] = await tasks(eve);
    const [fayOwn] = await tasks(fay);
    expect([eveOwn!.data.customer, fayOwn!.data.customer].sort()).toEqual(['C-3', 'C-4']);
    expect((await tasks(eve, '?assignee=team')).map((t) => t.id)).toEqual([fayOwn!.id]);
    expect((await tasks(fay, '?assignee=team')).map((t) => t.id)).toEqual([eveOwn!.id]);
  });

  it('gives a manager in no team every open ticket, and a team lead the team’s', async () => {
    expect(await customers(dispatcher, '?assignee=team')).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
    expect(await customers(lead, '?assignee=team')).toEqual(['C-3', 'C-4']);
  });

  it('leaves out forms the caller reads only their own records of', async () => {
    expect(await customers(ann, '?assignee=team')).toEqual([]);
  });

  it('filters by form, stage, priority and text', async () => {
    const team = '?assignee=team';
    expect(await customers(dispatcher, `${team}&form=ticket&stage=diagnose`)).toEqual(['C-3', 'C-4']);
    expect(await customers(dispatcher, `${team}&form=rd-task`)).toEqual([]);
    expect(await customers(dispatcher, `${team}&priority=high`)).toEqual(['C-1']);
    expect(await customers(dispatcher, `${team}&q=${encodeURIComponent('屏幕')}`)).toEqual(['C-1']);
    expect(await customers(dispatcher, `${team}&q=x300`)).toEqual(['C-4']);
    // Field keys are not values: every ticket has a `detail`, none says "detail".
    expect(await customers(dispatcher, `${team}&q=detail`)).toEqual([]);
    expect(await customers(dispatcher, `${team}&q=${ids.c2!.slice(0, 12)}`)).toEqual(['C-2']);
  });

  it('judges SLA levels at the server’s clock: on time, warning, breached, paused', async () => {
    const team = '?assignee=team';
    const fresh = (await tasks(dispatcher, team)).find((t) => t.id === ids.c2)!;
    // Accept within 15 business minutes from 09:00, warnings at 50 % and 80 %.
    expect(fresh.sla).toMatchObject({
      clock: 'accept-sla',
      state: 'running',
      dueAt: '2026-11-24T01:15:00.000Z',
      warnAt: '2026-11-24T01:07:30.000Z',
      level: 'on-time',
    });
    expect(await customers(dispatcher, `${team}&sla=on-time`)).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);

    // Past the first warning, before the sweeper ran: the pending timer's instant decides.
    h.clock.advanceMinutes(8);
    expect(await customers(dispatcher, `${team}&sla=warning`)).toEqual(['C-1', 'C-2']);
    await sweepDueTimers(h.runtime);
    const warned = (await tasks(dispatcher, team)).find((t) => t.id === ids.c2)!;
    expect(warned.sla).toMatchObject({ level: 'warning', warnAt: '2026-11-24T01:12:00.000Z' });

    h.clock.advanceMinutes(8);
    expect(await customers(dispatcher, `${team}&sla=breached`)).toEqual(['C-1', 'C-2']);
    await sweepDueTimers(h.runtime);
    expect(await customers(dispatcher, `${team}&sla=breached`)).toEqual(['C-1', 'C-2']);

    // Waiting for the customer pauses the clocks.
    const waiting = (await tasks(eve))[0]!;
    expect(
      (await call(eve, 'POST', `/api/records/${waiting.id}/events`, { type: 'WAIT_CUSTOMER' })).status,
    ).toBe(200);
    const paused = (await tasks(dispatcher, `${team}&sla=paused`)).map((t) => t.id);
    expect(paused).toEqual([waiting.id]);
    expect((await tasks(dispatcher, team)).find((t) => t.id === waiting.id)!.sla).toMatchObject({
      state: 'paused',
      dueAt: null,
      warnAt: null,
      level: 'paused',
    });
  });

  it('refuses bad parameters with 400 naming them', async () => {
    const res = await call(ann, 'GET', '/api/tasks?sla=late');
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: '/sla' })]);
    expect((await call(ann, 'GET', `/api/tasks?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('names the people behind the ids, without private details', async () => {
    const res = await call(ann, 'GET', '/api/tasks/people');
    expect(res.status).toBe(200);
    const eveRow = res.body.items.find((p: { username: string }) => p.username === 'eve');
    expect(eveRow).toEqual({
      id: eve.user.id,
      username: 'eve',
      displayName: null,
      roles: ['engineer'],
      team: 'east',
      active: true,
    });
    expect((await call(null, 'GET', '/api/tasks/people')).status).toBe(401);
  });
});
