/**
 * @module Login sessions. The cookie holds 32 random bytes; `sessions.id` holds only their SHA-256, so a
 * read of the table cannot be replayed as a login. A session ends at the earlier of its absolute end
 * (created + lifetime) and its idle end: `expires_at` is that idle end, moved forward as the session is
 * used (at most once a minute, to keep reads from writing), never past the absolute end. All judged by
 * `runtime.clock`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendEvent } from '../events/append-event';
import type { RuntimeContext } from '../runtime-context';
import type { AuthSettings } from './auth-settings';
import type { UserRow } from './users';

/** How far the idle end must move before it is written again. */
const TOUCH_GRANULARITY_MS = 60_000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  cookieValue: string;
  csrfToken: string;
  /** Seconds until the absolute end: the cookie's Max-Age. */
  maxAgeSeconds: number;
}

export interface ResolvedSession {
  id: string;
  csrfToken: string;
  user: UserRow;
}

export async function createSession(
  runtime: RuntimeContext,
  settings: AuthSettings,
  userId: string,
  replacing?: string,
): Promise<NewSession> {
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = runtime.clock.now().getTime();
  await runtime.db.knex.transaction(async (trx) => {
    // Expired sessions are removed as new ones are made, so the table does not grow forever.
    await trx('sessions').where('expires_at', '<=', now).delete();
    if (replacing)
      await trx('sessions')
        .where({ id: sha256(replacing) })
        .delete();
    await trx('sessions').insert({
      id: sha256(cookieValue),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: now + Math.min(settings.sessionIdleMs, settings.sessionLifetimeMs),
    });
    await appendEvent(trx, {
      stream: 'user',
      streamId: userId,
      type: 'user.logged-in',
      actor: userId,
      at: now,
      payload: {},
    });
  });
  return { cookieValue, csrfToken, maxAgeSeconds: Math.floor(settings.sessionLifetimeMs / 1000) };
}

/** The live session of this cookie value and its (active) user, extending its idle end; else undefined. */
export async function resolveSession(
  runtime: RuntimeContext,
  settings: AuthSettings,
  cookieValue: string,
): Promise<ResolvedSession | undefined> {
  const id = sha256(cookieValue);
  const now = runtime.clock.now().getTime();
  // The session and its user in one statement: every signed-in request asks, so one round trip, not two.
  const row = (await runtime.db
    .knex('sessions')
    .join('users', 'users.id', 'sessions.user_id')
    .where('sessions.id', id)
    .first(
      'users.*',
      'sessions.csrf_token as session_csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.expires_at as session_expires_at',
    )) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const {
    session_csrf_token: csrfToken,
    session_created_at: createdAt,
    session_expires_at: expires,
    ...user
  } = row;
  const absoluteEnd = Number(createdAt) + settings.sessionLifetimeMs;
  const expiresAt = Number(expires);
  if (now >= expiresAt || now >= absoluteEnd) {
    await runtime.db.knex('sessions').where({ id }).delete();
    return undefined;
  }
  if (!user.active) return undefined;
  const nextExpiresAt = Math.min(absoluteEnd, now + settings.sessionIdleMs);
  if (nextExpiresAt - expiresAt >= TOUCH_GRANULARITY_MS) {
    await runtime.db.knex('sessions').where({ id }).update({ expires_at: nextExpiresAt });
  }
  return { id, csrfToken: csrfToken as string, user: user as UserRow };
}

/** Ends the session with this id (the stored hash); true when there was one. */
export async function deleteSession(runtime: RuntimeContext, id: string, userId: string): Promise<boolean> {
  const at = runtime.clock.now().getTime();
  return runtime.db.knex.transaction(async (trx) => {
    const deleted = await trx('sessions').where({ id }).delete();
    if (deleted > 0)
      await appendEvent(trx, {
        stream: 'user',
        streamId: userId,
        type: 'user.logged-out',
        actor: userId,
        at,
        payload: {},
      });
    return deleted > 0;
  });
}
