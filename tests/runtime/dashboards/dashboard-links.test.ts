/**
 * Read-only dashboard links on both databases: a manager makes one and gets its token once; anyone
 * with the address reads the dashboard's results without signing in (and no more: no report specs,
 * the same answer whoever is signed in); the list never shows tokens; a revoked link answers 404 just
 * as an unknown one does; only managers and designers manage links; the public reads are rate-limited.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHARED_DASHBOARD_RATE_LIMIT } from '../../../runtime/http/dashboard-routes';
import { createUserAndLogin, type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { useReportHarness } from '../reports/report-harness';
import { cardOf, countsOf, csatByMonth, filtersQuery, seedOverview } from './dashboard-fixtures';

describe.each(DIALECTS)('dashboard links on %s', (dialect) => {
  let h: Harness;
  let viewer: TestLogin;
  let manager: TestLogin;
  let designer: TestLogin;
  let agent: TestLogin;
  useReportHarness(
    dialect,
    async (harness) => {
      await seedOverview(harness);
      manager = await createUserAndLogin(harness, { username: 'max', roles: ['manager'] });
      designer = await createUserAndLogin(harness, { username: 'dana', roles: ['designer'] });
      agent = await createUserAndLogin(harness, { username: 'wang', roles: ['agent'] });
    },
    (harness, login) => {
      h = harness;
      viewer = login;
    },
  );

  const links = '/api/dashboards/service-overview/links';
  const createLink = (as: TestLogin | null = manager, url = links) =>
    h.request({ method: 'POST', url, headers: as?.headers ?? {} });
  const shared = (token: string, query = '', headers: Record<string, string> = {}) =>
    h.request({
      method: 'GET',
      url: `/api/shared-dashboards/${encodeURIComponent(token)}/data${query}`,
      headers,
    });
  const eventsOf = (type: string) => h.db.knex('events').where({ type }).orderBy('id');

  it('makes a link whose token is shown once and stored only as its hash', async () => {
    const res = await createLink();
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      path: `/d/${res.body.token}`,
      createdAt: h.clock.now().toISOString(),
      createdBy: manager.user.id,
    });
    const row = await h.db.knex('dashboard_links').where({ id: res.body.id }).first();
    expect(row.token_hash).toBe(createHash('sha256').update(res.body.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(res.body.token);
    const [event] = await eventsOf('dashboard-link.created');
    expect(event).toMatchObject({
      stream: 'definition',
      stream_id: 'dashboard:service-overview',
      actor: manager.user.id,
    });
    expect(JSON.stringify(event)).not.toContain(res.body.token);
  });

  it('shows the dashboard behind the link to anyone, without specs and with the filters working', async () => {
    const { token } = (await createLink(designer)).body;
    const res = await shared(token, '?locale=zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      key: 'service-overview',
      title: { 'zh-CN': '服务总览' },
      refreshSeconds: 300,
    });
    expect(res.body.cards.map((c: { spec: unknown }) => c.spec)).toEqual([null, null]);
    // Nor how the filters map onto the reports' fields: a link lists no records.
    expect(res.body.cards.map((c: { sharedFilters: unknown }) => c.sharedFilters)).toEqual([null, null]);
    expect(countsOf(cardOf(res.body, 'category-pareto'))).toEqual({ screen: 5, battery: 2, noise: 1 });
    expect(cardOf(res.body, 'category-pareto').result!.rows[0]).toMatchObject({ category: 'screen' });
    expect(res.body.filters.map((f: { options: string[] }) => f.options)).toEqual([
      [],
      ['X100', 'X200', 'X300', 'X900'],
      ['phone', 'web', 'store'],
    ]);

    const x100 = await shared(token, `?${filtersQuery({ model: ['X100'], period: { from: '2026-11-01' } })}`);
    expect(countsOf(cardOf(x100.body, 'category-pareto'))).toEqual({ screen: 1, battery: 1 });
    expect(csatByMonth(cardOf(x100.body, 'csat-monthly'))).toEqual({ '2026-11': 100 });

    const bad = await shared(token, `?${filtersQuery({ period: { from: 'yesterday' } })}`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('/filters/period/from');
  });

  it('answers the same whoever is signed in, and with a stale cookie', async () => {
    const { token } = (await createLink()).body;
    const anonymous = await shared(token);
    for (const headers of [agent.headers, viewer.headers, { cookie: 'closedloop_session=stale' }]) {
      const res = await shared(token, '', headers);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(anonymous.body);
    }
  });

  it('lists live links newest first without their tokens', async () => {
    h.clock.advanceMinutes(1);
    const newest = (await createLink()).body;
    const res = await h.request({ method: 'GET', url: links, headers: designer.headers });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({
      id: newest.id,
      createdAt: newest.createdAt,
      createdBy: manager.user.id,
    });
    expect(res.body.items.length).toBeGreaterThan(1);
    const times = res.body.items.map((l: { createdAt: string }) => l.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(JSON.stringify(res.body)).not.toContain(newest.token);
    expect(res.body.items.every((l: object) => !('token' in l) && !('path' in l))).toBe(true);
  });

  it('revokes a link: its address then answers 404, like a token that never existed', async () => {
    const link = (await createLink()).body;
    expect((await shared(link.token)).status).toBe(200);
    const revoked = await h.request({
      method: 'DELETE',
      url: `${links}/${link.id}`,
      headers: manager.headers,
    });
    expect(revoked.status).toBe(204);

    const gone = await shared(link.token);
    const unknown = await shared('A'.repeat(43));
    const malformed = await shared('nope');
    expect([gone.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    expect(gone.body).toEqual(unknown.body);
    expect(malformed.body).toEqual(unknown.body);

    const listed = await h.request({ method: 'GET', url: links, headers: manager.headers });
    expect(listed.body.items.map((l: { id: string }) => l.id)).not.toContain(link.id);
    expect((await eventsOf('dashboard-link.revoked')).map((e) => e.actor)).toEqual([manager.user.id]);

    // Again: harmless, no second event. Through another dashboard's address: no such link there.
    expect(
      (await h.request({ method: 'DELETE', url: `${links}/${link.id}`, headers: manager.headers })).status,
    ).toBe(204);
    expect(await eventsOf('dashboard-link.revoked')).toHaveLength(1);
    const other = await h.request({
      method: 'DELETE',
      url: `/api/dashboards/other/links/${link.id}`,
      headers: manager.headers,
    });
    expect(other.status).toBe(404);
    const missing = await h.request({
      method: 'DELETE',
      url: `${links}/no-such-link`,
      headers: manager.headers,
    });
    expect(missing.status).toBe(404);
  });

  it('makes links only to published dashboards, and only for managers and designers', async () => {
    expect((await createLink(manager, '/api/dashboards/nope/links')).status).toBe(404);
    const before = await h.db.knex('dashboard_links').count({ n: '*' });
    expect((await createLink(agent)).status).toBe(403);
    expect((await createLink(viewer)).status).toBe(403);
    expect((await createLink(null)).status).toBe(401);
    expect((await h.request({ method: 'GET', url: links, headers: agent.headers })).status).toBe(403);
    expect((await h.request({ method: 'GET', url: links })).status).toBe(401);
    expect(await h.db.knex('dashboard_links').count({ n: '*' })).toEqual(before);
  });

  it('limits public reads per client, and lets them through again after the window', async () => {
    const { token } = (await createLink()).body;
    h.clock.advanceMinutes(2);
    // Guessing tokens counts too: the window is per client, over every link.
    for (let i = 0; i < SHARED_DASHBOARD_RATE_LIMIT.limit; i++) await shared('guess');
    const limited = await shared(token);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
    h.clock.advanceMinutes(1);
    expect((await shared(token)).status).toBe(200);
  });
});
