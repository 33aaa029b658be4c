/** API tokens: created once, used as Bearer, limited by scopes, listed without secrets, revoked → 401. */
import Router from '@koa/router';
import Koa from 'koa';
import { inject } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole, requireScope, requireUser } from '../../../runtime/auth/auth-middleware';
import { authMiddleware } from '../../../runtime/auth/auth-middleware';
import { sha256 } from '../../../runtime/auth/sessions';
import { deactivateUser } from '../../../runtime/auth/users';
import { errorMiddleware } from '../../../runtime/http/error-middleware';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

describe.each(DIALECTS)('API tokens on %s', (dialect) => {
  let h: Harness;
  let cleo: TestLogin;
  /** A stand-in for other areas' routes, guarded with the helpers. */
  let guarded: (
    method: 'GET' | 'POST',
    url: string,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: any }>;

  beforeAll(async () => {
    h = await startHarness(dialect);
    cleo = await createUserAndLogin(h, { username: 'cleo', roles: ['manager'] });
    const app = new Koa();
    const router = new Router();
    router.post('/records', (ctx) => {
      ctx.body = { by: requireScope(ctx, 'records:write').username };
    });
    router.get('/reports', (ctx) => {
      ctx.body = { by: requireScope(ctx, 'reports:read').username };
    });
    router.get('/dashboard', (ctx) => {
      ctx.body = { by: requireRole(ctx, 'manager', 'viewer').username };
    });
    router.get('/designer', (ctx) => {
      ctx.body = { by: requireRole(ctx, 'designer').username };
    });
    router.get('/whoami', (ctx) => {
      ctx.body = requireUser(ctx);
    });
    app.use(errorMiddleware(h.runtime.logger));
    app.use(authMiddleware(h.runtime));
    app.use(router.routes());
    guarded = async (method, url, headers = {}) => {
      const res = await inject(app.callback(), { method, url, headers });
      return { status: res.statusCode, body: JSON.parse(res.payload) };
    };
  });
  afterAll(() => h?.close());

  const newToken = (scopes: string[], headers: Record<string, string> = cleo.headers) =>
    h.request({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: 'erp sync', scopes } });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('creates a token shown once, stored only as its hash, listed without the secret', async () => {
    const created = await newToken(['records:write', 'reports:read']);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'erp sync',
      scopes: ['records:write', 'reports:read'],
      revokedAt: null,
    });
    expect(created.body.token).toMatch(/^clt_[A-Za-z0-9_-]{43}$/);
    const row = await h.db.knex('api_tokens').where({ id: created.body.id }).first();
    expect(row.token_hash).toBe(sha256(created.body.token));
    const list = await h.request({
      method: 'GET',
      url: '/api/auth/tokens',
      headers: { cookie: cleo.cookie },
    });
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const event = await h.db.knex('events').where({ type: 'api-token.created' }).first();
    expect(JSON.stringify(event)).not.toContain(created.body.token);
  });

  it('checks the token input', async () => {
    const res = await newToken(['records:everything', '*']);
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/scopes/0']);
  });

  it('acts as its user, within its scopes', async () => {
    const { body } = await newToken(['records:write']);
    const who = await guarded('GET', '/whoami', bearer(body.token));
    expect(who.body).toMatchObject({
      username: 'cleo',
      roles: ['manager'],
      via: 'token',
      scopes: ['records:write'],
    });
    expect(await guarded('POST', '/records', bearer(body.token))).toEqual({
      status: 200,
      body: { by: 'cleo' },
    });
    const outOfScope = await guarded('GET', '/reports', bearer(body.token));
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.error.code).toBe('insufficient-scope');
    // Token management is a scope too.
    expect((await newToken(['records:write'], bearer(body.token))).status).toBe(403);
    expect(
      (await h.request({ method: 'GET', url: '/api/auth/tokens', headers: bearer(body.token) })).status,
    ).toBe(403);
    const me = await h.request({ method: 'GET', url: '/api/auth/me', headers: bearer(body.token) });
    expect(me.body).toEqual({ user: expect.objectContaining({ username: 'cleo', via: 'token' }) });
  });

  it('wildcards: `*` and `area:*`; a token cannot grant more than it holds', async () => {
    const all = await newToken(['*']);
    expect((await guarded('GET', '/reports', bearer(all.body.token))).status).toBe(200);
    const reports = await newToken(['reports:*', 'tokens:write']);
    expect((await guarded('GET', '/reports', bearer(reports.body.token))).status).toBe(200);
    expect((await guarded('POST', '/records', bearer(reports.body.token))).status).toBe(403);
    expect((await newToken(['reports:read'], bearer(reports.body.token))).status).toBe(201);
    const wider = await newToken(['records:write'], bearer(reports.body.token));
    expect(wider.status).toBe(403);
    expect(wider.body.error.code).toBe('insufficient-scope');
  });

  it('applies roles to sessions and tokens alike; admin passes every role check', async () => {
    expect((await guarded('GET', '/dashboard', { cookie: cleo.cookie })).status).toBe(200);
    const designer = await guarded('GET', '/designer', { cookie: cleo.cookie });
    expect(designer.status).toBe(403);
    expect(designer.body.error.code).toBe('forbidden');
    const admin = await createUserAndLogin(h, { username: 'root', roles: ['admin'] });
    expect((await guarded('GET', '/designer', { cookie: admin.cookie })).status).toBe(200);
    const anonymous = await guarded('GET', '/dashboard');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });

  it('answers an unknown, malformed or revoked token with 401, even on public routes', async () => {
    const { body } = await newToken(['records:write']);
    const revoke = await h.request({
      method: 'DELETE',
      url: `/api/auth/tokens/${body.id}`,
      headers: cleo.headers,
    });
    expect(revoke.status).toBe(204);
    for (const token of [body.token, 'clt_' + 'A'.repeat(43), 'nonsense']) {
      const res = await guarded('POST', '/records', bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid-token');
    }
    expect((await h.request({ method: 'GET', url: '/healthz', headers: bearer(body.token) })).status).toBe(
      401,
    );
    const listed = await h.request({
      method: 'GET',
      url: '/api/auth/tokens',
      headers: { cookie: cleo.cookie },
    });
    expect(listed.body.items.find((t: { id: string }) => t.id === body.id).revokedAt).toBe(
      h.clock.now().toISOString(),
    );
    expect(
      (await h.request({ method: 'DELETE', url: `/api/auth/tokens/${body.id}`, headers: cleo.headers }))
        .status,
    ).toBe(204);
  });

  it("cannot revoke another user's token (404) unless admin; a deactivated user's tokens stop working", async () => {
    const dave = await createUserAndLogin(h, { username: 'dave', roles: ['agent'] });
    const { body } = await newToken(['records:write'], dave.headers);
    const byCleo = await h.request({
      method: 'DELETE',
      url: `/api/auth/tokens/${body.id}`,
      headers: cleo.headers,
    });
    expect(byCleo.status).toBe(404);
    expect((await guarded('POST', '/records', bearer(body.token))).status).toBe(200);
    await deactivateUser(h.runtime, dave.user.id);
    expect((await guarded('POST', '/records', bearer(body.token))).status).toBe(401);
    const admin = await createUserAndLogin(h, { username: 'root2', roles: ['admin'] });
    const byAdmin = await h.request({
      method: 'DELETE',
      url: `/api/auth/tokens/${body.id}`,
      headers: admin.headers,
    });
    expect(byAdmin.status).toBe(204);
  });
});
