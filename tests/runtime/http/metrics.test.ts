/**
 * `/metrics`: Prometheus text for admins, with request counts per route pattern and the timer queue
 * (the other queues' gauges: tests/runtime/admin/queue-health.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

describe.each(DIALECTS)('metrics on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await createUserAndLogin(h, { username: 'ops', roles: ['admin'] });
  });
  afterAll(() => h?.close());

  it('is refused without a signed-in admin', async () => {
    expect((await h.request({ method: 'GET', url: '/metrics' })).status).toBe(401);
    const agent = await createUserAndLogin(h, { username: 'agent1', roles: ['agent'] });
    expect((await h.request({ method: 'GET', url: '/metrics', headers: agent.headers })).status).toBe(403);
  });

  it('counts requests by route pattern and status, and reports the timer queue', async () => {
    await h.request({ method: 'GET', url: '/healthz' });
    await h.request({ method: 'GET', url: '/api/forms/no-such-form', headers: admin.headers });
    const now = h.clock.now().getTime();
    await h.db.knex('timers').insert([
      { id: 'due', due_at: now - 1000, kind: 'sla', payload: '{}', created_at: now },
      { id: 'later', due_at: now + 60_000, kind: 'sla', payload: '{}', created_at: now },
    ]);
    const res = await h.request({ method: 'GET', url: '/metrics', headers: admin.headers });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /closedloop_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/,
    );
    expect(res.text).toMatch(
      /closedloop_http_requests_total\{method="GET",route="\/api\/forms\/:key",status="404"\} 1/,
    );
    expect(res.text).toMatch(/^closedloop_timers_pending\{kind="record"\} 2$/m);
    expect(res.text).toMatch(/^closedloop_timers_due\{kind="record"\} 1$/m);
    expect(res.text).toMatch(/^closedloop_timers_oldest_due_age_seconds\{kind="record"\} 1$/m);
    expect(res.text).toMatch(/^closedloop_timers_pending\{kind="rule-tick"\} 0$/m);
  });
});
