/** The webhooks API: subscriptions in and out, the secret shown once, only http(s) URLs, 404s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHarness,
  type Harness,
  createUserAndLogin,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

describe.each(DIALECTS)('webhook routes on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await createUserAndLogin(h, { username: 'admin', roles: ['admin'] });
  });
  afterAll(() => h?.close());

  it('creates a subscription with a generated secret, shown only in the answer to the POST', async () => {
    const created = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'https://erp.example.com/hooks', events: ['record.*', 'sla.breached', 'record.*'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: 'https://erp.example.com/hooks',
      events: ['record.*', 'sla.breached'],
      active: true,
      createdAt: h.clock.now().toISOString(),
    });
    expect(created.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.headers.location).toBe(`/api/webhooks/${created.body.id}`);

    const list = await h.request({ headers: admin.headers, method: 'GET', url: '/api/webhooks' });
    expect(list.status).toBe(200);
    const { secret: _secret, ...shown } = created.body;
    expect(list.body.items).toEqual([shown]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);

    const event = await h.db.knex('events').where({ type: 'webhook.created' }).first();
    expect(JSON.stringify(event.payload)).not.toContain(created.body.secret);
  });

  it.each([
    ['ftp://files.example.com/in', 'unsupported-scheme'],
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['not a url', 'invalid-url'],
    ['https://user:pw@erp.example.com/', 'credentials-in-url'],
  ])('refuses %s with 422 at /url', async (url, code) => {
    const res = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: '/api/webhooks',
      payload: { url, events: ['record.*'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid');
    expect(res.body.error.issues).toEqual([expect.objectContaining({ code, path: '/url' })]);
  });

  it('names each bad field of a subscription', async () => {
    const res = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'http://127.0.0.1:9/x', events: ['record.*', 'Not A Type'], secret: 'short', extra: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      '/events/1',
      '/secret',
      '/extra',
    ]);
    const none = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'http://x.test/', events: [] },
    });
    expect(none.body.error.issues).toEqual([expect.objectContaining({ code: 'required', path: '/events' })]);
  });

  it('keeps a given secret and deletes a subscription (204, then 404)', async () => {
    const created = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'http://crm.example.com/in', events: ['*'], secret: 'sixteen-chars-or-more' },
    });
    expect(created.body.secret).toBe('sixteen-chars-or-more');
    const id = created.body.id as string;
    expect(
      (await h.request({ headers: admin.headers, method: 'GET', url: `/api/webhooks/${id}/deliveries` }))
        .body,
    ).toEqual({
      items: [],
    });
    expect(
      (await h.request({ headers: admin.headers, method: 'DELETE', url: `/api/webhooks/${id}` })).status,
    ).toBe(204);
    expect(
      (await h.request({ headers: admin.headers, method: 'DELETE', url: `/api/webhooks/${id}` })).status,
    ).toBe(404);
    expect(
      (await h.request({ headers: admin.headers, method: 'GET', url: `/api/webhooks/${id}/deliveries` }))
        .status,
    ).toBe(404);
    const retry = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: `/api/webhooks/${id}/deliveries/nope/retry`,
    });
    expect(retry.status).toBe(404);
    expect(await h.db.knex('events').where({ type: 'webhook.deleted' }).count({ n: '*' })).toEqual([
      { n: 1 },
    ]);
  });

  it('checks the query of the delivery log', async () => {
    const [hook] = (await h.request({ headers: admin.headers, method: 'GET', url: '/api/webhooks' })).body
      .items;
    const bad = await h.request({
      headers: admin.headers,
      method: 'GET',
      url: `/api/webhooks/${hook.id}/deliveries?status=lost`,
    });
    expect(bad.status).toBe(400);
    const limit = await h.request({
      headers: admin.headers,
      method: 'GET',
      url: `/api/webhooks/${hook.id}/deliveries?limit=0`,
    });
    expect(limit.status).toBe(400);
  });
});
