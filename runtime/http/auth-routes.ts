/**
 * @module The auth API. `POST /api/auth/login` `{ username, password }` → 200 `{ user, csrfToken }` and the
 * session cookie (401 `invalid-credentials`, the same for an unknown user, a wrong password or a
 * deactivated account; 429 `rate-limited` after too many attempts). `POST /api/auth/logout` → 204 and the
 * cookie cleared. `GET /api/auth/me` → `{ user, csrfToken? }` (the token again for a session, so a reloaded
 * page can find it) or 401. API tokens: `POST /api/auth/tokens` `{ name, scopes }` → 201 with the token
 * (shown once), `GET /api/auth/tokens` (the caller's, without secrets), `DELETE /api/auth/tokens/:id` → 204
 * (admins may revoke anyone's). The work is in `runtime/auth/`.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { hasRole, requireScope, requireUser } from '../auth/access';
import { checkTokenInput, createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens';
import type { AuthState } from '../auth/auth-middleware';
import { authSettings } from '../auth/auth-settings';
import { enforceRateLimit } from '../auth/rate-limit';
import { scopesCover } from '../auth/scopes';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { createSession, deleteSession } from '../auth/sessions';
import { normalizeUsername } from '../auth/user-input';
import { verifyCredentials, type UserView } from '../auth/users';
import type { RuntimeContext } from '../runtime-context';
import { UserError } from './errors';

const authState = (ctx: Context) => (ctx.state as { auth?: AuthState }).auth;

/** What a client sees of a user: no `active` flag or timestamps, nothing about credentials. */
function publicUser(view: UserView) {
  const { id, username, displayName, email, roles, skills, region, team } = view;
  return { id, username, displayName, email, roles, skills, region, team };
}

export function registerAuthRoutes(router: Router, runtime: RuntimeContext): void {
  const settings = authSettings(runtime);

  router.post('/api/auth/login', async (ctx) => {
    const body = (ctx.request.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof body.username !== 'string' || typeof body.password !== 'string' || body.username.length > 200)
      throw new UserError(400, 'bad-request', 'Send `{ "username": …, "password": … }`');
    const username = normalizeUsername(body.username);
    const attemptKey = `${ctx.ip}\n${username}`;
    enforceRateLimit(ctx, settings.loginIpLimiter, ctx.ip);
    enforceRateLimit(ctx, settings.loginLimiter, attemptKey);
    // No stored password is longer than 1024 characters (user-input.ts); skip scrypt on megabytes.
    const user =
      body.password.length <= 1024 ? await verifyCredentials(runtime, username, body.password) : undefined;
    if (!user) throw new UserError(401, 'invalid-credentials', 'Wrong username or password');
    settings.loginLimiter.reset(attemptKey);
    const session = await createSession(runtime, settings, user.id, readSessionCookie(ctx));
    setSessionCookie(ctx, session.cookieValue, session.maxAgeSeconds, settings.secureCookies);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { user: publicUser(user), csrfToken: session.csrfToken };
  });

  router.post('/api/auth/logout', async (ctx) => {
    const auth = authState(ctx);
    if (auth?.sessionId) await deleteSession(runtime, auth.sessionId, auth.profile.id);
    clearSessionCookie(ctx, settings.secureCookies);
    ctx.status = 204;
  });

  router.get('/api/auth/me', async (ctx) => {
    const user = requireUser(ctx);
    const auth = authState(ctx)!;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      user: { ...publicUser(auth.profile), via: user.via, scopes: user.scopes },
      ...(auth.csrfToken ? { csrfToken: auth.csrfToken } : {}),
    };
  });

  router.post('/api/auth/tokens', async (ctx) => {
    const user = requireScope(ctx, 'tokens:write');
    const input = checkTokenInput(ctx.request.body);
    // A token may only hand out what it holds itself, so a narrow token cannot mint a wider one.
    const beyond = input.scopes.filter((scope) => !scopesCover(user.scopes, scope));
    if (beyond.length > 0)
      throw new UserError(
        403,
        'insufficient-scope',
        `The caller cannot grant the scopes: ${beyond.join(', ')}`,
      );
    const created = await createApiToken(runtime, user.id, input);
    ctx.status = 201;
    ctx.set('Location', `/api/auth/tokens/${created.id}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = created;
  });

  router.get('/api/auth/tokens', async (ctx) => {
    const user = requireScope(ctx, 'tokens:read');
    ctx.body = { items: await listApiTokens(runtime, user.id) };
  });

  router.delete('/api/auth/tokens/:id', async (ctx) => {
    const user = requireScope(ctx, 'tokens:write');
    await revokeApiToken(runtime, ctx.params.id as string, hasRole(user, 'admin') ? null : user.id, user.id);
    ctx.status = 204;
  });
}
