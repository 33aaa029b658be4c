/** CSRF: a cookie session must send X-CSRF-Token on POST / PUT / PATCH / DELETE; Bearer tokens need not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestUser,
  loginAs,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

describe.each(DIALECTS)('CSRF on %s', (dialect) => {
  let h: Harness;
  let login: TestLogin;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await createTestUser(h, { username: 'bea', roles: ['designer'] });
    login = await loginAs(h, 'bea');
  });
  afterAll(() => h?.close());

  const createToken = (headers: Record<string, string>) =>
    h.request({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'erp', scopes: ['records:write'] },
    });

  it('refuses an unsafe request with the session cookie but no or a wrong token', async () => {
    const missing = await createToken({ cookie: login.cookie });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf');
    const wrong = await createToken({ cookie: login.cookie, 'x-csrf-token': 'A'.repeat(43) });
    expect(wrong.status).toBe(403);
    const shortOne = await createToken({ cookie: login.cookie, 'x-csrf-token': 'x' });
    expect(shortOne.status).toBe(403);
    const del = await h.request({
      method: 'DELETE',
      url: '/api/auth/tokens/whatever',
      headers: { cookie: login.cookie },
    });
    expect(del.status).toBe(403);
    const logout = await h.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: login.cookie },
    });
    expect(logout.status).toBe(403);
    expect(await h.db.knex('api_tokens').count({ n: '*' }).first()).toMatchObject({ n: 0 });
  });

  it('accepts it with the session token, and safe methods need none', async () => {
    expect((await createToken(login.headers)).status).toBe(201);
    const list = await h.request({
      method: 'GET',
      url: '/api/auth/tokens',
      headers: { cookie: login.cookie },
    });
    expect(list.status).toBe(200);
  });

  it('does not ask Bearer requests for a CSRF token', async () => {
    const made = await h.request({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: login.headers,
      payload: { name: 'ci', scopes: ['tokens:write', 'records:write'] },
    });
    const res = await createToken({ authorization: `Bearer ${made.body.token}` });
    expect(res.status).toBe(201);
  });

  it('exempts login itself, even with a session cookie', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: login.cookie },
      payload: { username: 'bea', password: 'correct horse battery staple' },
    });
    expect(res.status).toBe(200);
    // The new session replaces the one the cookie named.
    expect(
      (await h.request({ method: 'GET', url: '/api/auth/me', headers: { cookie: login.cookie } })).status,
    ).toBe(401);
  });

  it('leaves anonymous requests alone (no credentials to forge)', async () => {
    const res = await h.request({ method: 'POST', url: '/api/auth/logout' });
    expect(res.status).toBe(204);
  });
});
