/**
 * @module Who is calling. An `Authorization: Bearer` API token wins (an unknown or revoked one is 401
 * `invalid-token`, never anonymous); otherwise the session cookie. The caller becomes `ctx.state.user`
 * (`AuthUser`); anonymous requests pass through without one, for public forms and `/healthz`. A
 * cookie-authenticated unsafe request (POST / PUT / PATCH / DELETE) must carry `X-CSRF-Token` equal to
 * its session's token, else 403 `csrf` — login excepted, and Bearer requests, which browsers do not send
 * across sites on their own. A stale cookie is cleared and the request continues anonymously.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'koa';
import { UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { currentUser, requireRole, requireScope, requireUser, type AuthUser } from './access';
import { resolveApiToken } from './api-tokens';
import { authSettings, type AuthSettings } from './auth-settings';
import { clearSessionCookie, readSessionCookie } from './session-cookie';
import { resolveSession } from './sessions';
import { userView, type UserRow, type UserView } from './users';

export { currentUser, requireRole, requireScope, requireUser, type AuthUser };

export const LOGIN_PATH = '/api/auth/login';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Beside `ctx.state.user`: what the auth routes need about the credential itself. */
export interface AuthState {
  profile: UserView;
  sessionId?: string;
  csrfToken?: string;
  tokenId?: string;
}

function authUser(row: UserRow, via: AuthUser['via'], scopes: string[]): AuthUser {
  return {
    id: row.id as string,
    username: row.username as string,
    roles: readJson<string[]>(row.roles) ?? [],
    team: (row.team as string | null) ?? null,
    region: (row.region as string | null) ?? null,
    skills: readJson<string[]>(row.skills) ?? [],
    via,
    scopes,
  };
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function authMiddleware(runtime: RuntimeContext, settings: AuthSettings = authSettings(runtime)) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('Authorization'));
    if (bearer) {
      const token = await resolveApiToken(runtime, bearer[1]!);
      if (!token) {
        ctx.set('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new UserError(401, 'invalid-token', 'The API token is unknown or revoked');
      }
      ctx.state.user = authUser(token.user, 'token', token.scopes);
      ctx.state.auth = { profile: userView(token.user), tokenId: token.id } satisfies AuthState;
      return next();
    }

    const cookie = readSessionCookie(ctx);
    if (cookie) {
      const session = await resolveSession(runtime, settings, cookie);
      if (!session) {
        // Login sets a new cookie itself; two Set-Cookie headers for one name would only confuse.
        if (ctx.path !== LOGIN_PATH) clearSessionCookie(ctx, settings.secureCookies);
        return next();
      }
      if (
        UNSAFE_METHODS.has(ctx.method) &&
        ctx.path !== LOGIN_PATH &&
        !sameToken(ctx.get(CSRF_HEADER), session.csrfToken)
      )
        throw new UserError(403, 'csrf', 'Missing or wrong X-CSRF-Token header for this session');
      ctx.state.user = authUser(session.user, 'session', ['*']);
      ctx.state.auth = {
        profile: userView(session.user),
        sessionId: session.id,
        csrfToken: session.csrfToken,
      } satisfies AuthState;
    }
    return next();
  };
}
