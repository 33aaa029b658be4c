/** Login, the session cookie, `/me`, logout, and how sessions end (idle and absolute) on the manual clock. */
import { inject } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../runtime/create-app';
import { memoryLogger } from '../../../runtime/logger';
import { sha256 } from '../../../runtime/auth/sessions';
import {
  createTestUser,
  loginAs,
  startHarness,
  TEST_PASSWORD,
  type Harness,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

const setCookies = (headers: Record<string, unknown>) =>
  ([] as string[]).concat((headers['set-cookie'] as string[]) ?? []);

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await createTestUser(h, {
      username: 'amy',
      roles: ['agent'],
      team: 'Shanghai',
      region: 'East',
      skills: ['screen'],
    });
  });
  afterAll(() => h?.close());

  const me = (headers: Record<string, string> = {}) =>
    h.request({ method: 'GET', url: '/api/auth/me', headers });

  it('signs in: the user, a CSRF token and an HttpOnly, SameSite=Lax session cookie stored only as its hash', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'Amy', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      username: 'amy',
      roles: ['agent'],
      team: 'Shanghai',
      region: 'East',
      skills: ['screen'],
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [cookie] = setCookies(res.headers);
    expect(cookie).toMatch(/^closedloop_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${12 * 3600}`);
    expect(cookie).not.toContain('Secure'); // plain http here
    const value = cookie!.split(';')[0]!.split('=')[1]!;
    const stored = await h.db.knex('sessions').pluck('id');
    expect(stored).toContain(sha256(value));
    expect(stored).not.toContain(value);
  });

  it('answers /me with the caller and the CSRF token, or 401 without a session', async () => {
    const login = await loginAs(h, 'amy');
    const res = await me({ cookie: login.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: expect.objectContaining({ id: login.user.id, username: 'amy', via: 'session', scopes: ['*'] }),
      csrfToken: login.csrfToken,
    });
    const anonymous = await me();
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });

  it('refuses an unknown user and a wrong password with the same 401', async () => {
    const unknown = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: TEST_PASSWORD },
    });
    const wrong = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'amy', password: 'not-the-password' },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe('invalid-credentials');
    expect(setCookies(wrong.headers)).toEqual([]);
    const malformed = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'amy' },
    });
    expect(malformed.status).toBe(400);
  });

  it('logs out: the session is deleted and the cookie cleared', async () => {
    const login = await loginAs(h, 'amy');
    const out = await h.request({ method: 'POST', url: '/api/auth/logout', headers: login.headers });
    expect(out.status).toBe(204);
    expect(setCookies(out.headers)[0]).toMatch(/^closedloop_session=; Path=\/; Max-Age=0; /);
    expect((await me({ cookie: login.cookie })).status).toBe(401);
  });

  it('ends a session left idle for longer than the idle timeout (2 h)', async () => {
    const login = await loginAs(h, 'amy');
    h.clock.advanceMinutes(119);
    expect((await me({ cookie: login.cookie })).status).toBe(200);
    // Used at 1 h 59 min, so it lives to 3 h 59 min.
    h.clock.advanceMinutes(119);
    expect((await me({ cookie: login.cookie })).status).toBe(200);
    h.clock.advanceMinutes(121);
    const res = await me({ cookie: login.cookie });
    expect(res.status).toBe(401);
    expect(setCookies(res.headers)[0]).toContain('Max-Age=0');
  });

  it('ends a session at its absolute lifetime (12 h) however busy it is', async () => {
    const login = await loginAs(h, 'amy');
    for (let hour = 1; hour <= 11; hour++) {
      h.clock.advanceMinutes(60);
      expect((await me({ cookie: login.cookie })).status).toBe(200);
    }
    h.clock.advanceMinutes(59);
    expect((await me({ cookie: login.cookie })).status).toBe(200);
    h.clock.advanceMinutes(1);
    expect((await me({ cookie: login.cookie })).status).toBe(401);
  });

  it('ignores a cookie that is not a session and stays anonymous on public routes', async () => {
    const health = await h.request({
      method: 'GET',
      url: '/healthz',
      headers: { cookie: 'closedloop_session=' + 'x'.repeat(43) },
    });
    expect(health.status).toBe(200);
    const garbage = await me({ cookie: 'closedloop_session=not-a-session' });
    expect(garbage.status).toBe(401);
  });

  it('takes the lifetimes and the Secure flag from createApp options', async () => {
    const app = createApp({
      db: h.db,
      clock: h.clock,
      logger: memoryLogger(),
      auth: { sessionLifetimeMs: 3_600_000, sessionIdleMs: 10 * 60_000, secureCookies: true },
    }).app.callback();
    const res = await inject(app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'amy', password: TEST_PASSWORD },
    });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] as string)[0]!;
    expect(cookie).toContain('Max-Age=3600');
    expect(cookie).toContain('Secure');
    const headers = { cookie: cookie.split(';')[0]! };
    h.clock.advanceMinutes(9);
    expect((await inject(app, { method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    h.clock.advanceMinutes(11);
    expect((await inject(app, { method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });
});
