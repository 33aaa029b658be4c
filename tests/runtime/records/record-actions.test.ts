/**
 * The actions a user may take on a record now (`GET /api/records/:id/actions`), on both databases, over
 * the engine tour's ticket SOP: per role (agents accept, engineers diagnose, managers cancel, admins
 * anything) and per stage, with labels, the stage each leads to and the fields the stage requires
 * (none for parking in a waiting stage or cancelling), the empty ones named — and sending the action
 * without them is refused 422 naming the field, then accepted once it is filled. A finished flow, or
 * a caller without `update` on the form, has none.
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

interface Action {
  event: string;
  target: string | null;
  requiresData: string[];
  missing: string[];
}

describe.each(DIALECTS)('record actions on %s', (dialect) => {
  let h: Harness;
  let call: ReturnType<typeof caller>;
  let agent: TestLogin;
  let engineer: TestLogin;
  let manager: TestLogin;
  let admin: TestLogin;
  let designer: TestLogin;
  let id: string;
  const actions = async (login: TestLogin, record = id) => {
    const res = await call(login, 'GET', `/api/records/${record}/actions`);
    expect(res.status).toBe(200);
    return res.body.items as Action[];
  };
  const events = async (login: TestLogin, record = id) => (await actions(login, record)).map((a) => a.event);

  beforeAll(async () => {
    h = await startHarness(dialect, TOUR_START);
    call = caller(h);
    await importTour(h);
    agent = await createUserAndLogin(h, { username: 'wang', roles: ['agent'] });
    engineer = await createUserAndLogin(h, { username: 'chen', roles: ['engineer'] });
    manager = await createUserAndLogin(h, { username: 'li', roles: ['manager'] });
    admin = await createUserAndLogin(h, { username: 'root', roles: ['admin'] });
    designer = await createUserAndLogin(h, { username: 'zhao', roles: ['designer'] });
    id = await submitTicket(h, 'C-1');
  });
  afterAll(() => h?.close());

  it('offers each role the events of the accept stage its roles may send', async () => {
    const forAgent = await actions(agent);
    expect(forAgent).toEqual([
      {
        event: 'ACCEPT',
        label: null,
        target: 'diagnose',
        targetLabel: { 'zh-CN': '诊断', en: 'Diagnose' },
        requiresData: ['category'],
        missing: [],
      },
      {
        event: 'CANCEL',
        label: null,
        target: 'cancelled',
        targetLabel: { 'zh-CN': '已取消', en: 'Cancelled' },
        requiresData: [],
        missing: [],
      },
    ]);
    expect(await events(engineer)).toEqual([]);
    expect(await events(manager)).toEqual(['CANCEL']);
    expect(await events(admin)).toEqual(['ACCEPT', 'CANCEL']);
  });

  it('follows the stage: the diagnose stage names its empty required field', async () => {
    expect((await call(agent, 'POST', `/api/records/${id}/events`, { type: 'ACCEPT' })).status).toBe(200);
    const forEngineer = await actions(engineer);
    expect(forEngineer).toEqual([
      expect.objectContaining({
        event: 'DIAGNOSED',
        target: 'plan',
        requiresData: ['severity'],
        missing: ['severity'],
      }),
      expect.objectContaining({
        event: 'WAIT_CUSTOMER',
        target: 'waiting_customer',
        requiresData: [],
        missing: [],
      }),
    ]);
    // The agent created nothing here (an anonymous ticket) and it now belongs to the engineer.
    expect((await call(agent, 'GET', `/api/records/${id}/actions`)).status).toBe(404);
    expect(await events(manager)).toEqual(['WAIT_CUSTOMER']);
  });

  it('refuses the move without the required field, naming it, and accepts it once filled', async () => {
    const refused = await call(engineer, 'POST', `/api/records/${id}/events`, { type: 'DIAGNOSED' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('required-field-missing');
    expect(refused.body.error.issues).toEqual([
      expect.objectContaining({ path: '/data/severity', params: { field: 'severity', stage: 'diagnose' } }),
    ]);
    const moved = await call(engineer, 'POST', `/api/records/${id}/events`, {
      type: 'DIAGNOSED',
      data: { severity: 's2' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('plan');
    expect(await actions(engineer)).toEqual([
      expect.objectContaining({
        event: 'PLANNED',
        target: 'execute',
        requiresData: ['solution'],
        missing: ['solution'],
      }),
    ]);
  });

  it('has none for a finished flow or a caller who may not update the form', async () => {
    const other = await submitTicket(h, 'C-2');
    expect((await call(manager, 'POST', `/api/records/${other}/events`, { type: 'CANCEL' })).status).toBe(
      200,
    );
    expect(await actions(admin, other)).toEqual([]);
    // Designers hold no permission on tickets: the record is not theirs to see.
    expect((await call(designer, 'GET', `/api/records/${id}/actions`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/records/${id}/actions`)).status).toBe(401);
  });
});
