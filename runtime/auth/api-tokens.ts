/**
 * @module API tokens for integrations: `Authorization: Bearer clt_…`. The token is shown once, when it is
 * created; `api_tokens.token_hash` holds its SHA-256 (looked up by that hash, so no comparison leaks time).
 * Each token has scopes (`scopes.ts`) and acts as its user with that user's roles; a revoked token, or one
 * whose user is deactivated, no longer works. Create and revoke append `api-token.*` events.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Issue } from '../../engine';
import { appendEvent } from '../events/append-event';
import { invalid, notFound } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson, writeJson } from '../storage/json-value';
import { SCOPE } from './scopes';
import { sha256 } from './sessions';
import type { UserRow } from './users';

export const TOKEN_PREFIX = 'clt_';
const TOKEN = /^clt_[A-Za-z0-9_-]{43}$/;
const LAST_USED_GRANULARITY_MS = 60_000;

export interface ApiTokenView {
  id: string;
  userId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

function tokenView(row: Record<string, unknown>): ApiTokenView {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    name: row.name as string,
    scopes: readJson<string[]>(row.scopes),
    createdAt: iso(row.created_at)!,
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

export function checkTokenInput(input: unknown): { name: string; scopes: string[] } {
  const body = (input ?? {}) as { name?: unknown; scopes?: unknown };
  const issues: Issue[] = [];
  if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > 200)
    issues.push({ code: 'required', path: '/name', message: 'The token needs a `name` (1–200 characters)' });
  if (!Array.isArray(body.scopes) || body.scopes.length === 0 || body.scopes.length > 50)
    issues.push({
      code: 'required',
      path: '/scopes',
      message: 'The token needs 1–50 `scopes`, e.g. ["records:write"]',
    });
  else
    body.scopes.forEach((scope, index) => {
      if (typeof scope !== 'string' || !SCOPE.test(scope))
        issues.push({
          code: 'invalid-scope',
          path: `/scopes/${index}`,
          params: { scope },
          message: 'A scope is `area:read`, `area:write`, `area:*` or `*`',
        });
    });
  if (issues.length > 0) throw invalid(issues, 'The token has invalid values');
  return { name: (body.name as string).trim(), scopes: [...new Set(body.scopes as string[])] };
}

/** Creates a token for `userId`; the returned `token` is the only time the secret is available. */
export async function createApiToken(
  runtime: RuntimeContext,
  userId: string,
  input: { name: string; scopes: string[] },
  actor: string | null = userId,
): Promise<ApiTokenView & { token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const at = runtime.clock.now().getTime();
  const row = {
    id: randomUUID(),
    user_id: userId,
    name: input.name,
    token_hash: sha256(token),
    scopes: writeJson(input.scopes),
    created_at: at,
    last_used_at: null,
    revoked_at: null,
  };
  await runtime.db.knex.transaction(async (trx) => {
    await trx('api_tokens').insert(row);
    await appendEvent(trx, {
      stream: 'user',
      streamId: userId,
      type: 'api-token.created',
      actor,
      at,
      payload: { tokenId: row.id, name: input.name, scopes: input.scopes },
    });
  });
  return { ...tokenView(row), token };
}

/** The user's tokens, newest first, without secrets. */
export async function listApiTokens(runtime: RuntimeContext, userId: string): Promise<ApiTokenView[]> {
  const rows = (await runtime.db
    .knex('api_tokens')
    .where({ user_id: userId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ])) as Record<string, unknown>[];
  return rows.map(tokenView);
}

/** Revokes a token of `ownerId` (any user's when `ownerId` is null); revoking twice is harmless. */
export async function revokeApiToken(
  runtime: RuntimeContext,
  id: string,
  ownerId: string | null,
  actor: string | null,
): Promise<void> {
  const at = runtime.clock.now().getTime();
  await runtime.db.knex.transaction(async (trx) => {
    const query = trx('api_tokens').where({ id });
    if (ownerId !== null) query.andWhere({ user_id: ownerId });
    const row = (await query.first()) as Record<string, unknown> | undefined;
    if (!row) throw notFound('Token');
    if (row.revoked_at !== null && row.revoked_at !== undefined) return;
    await trx('api_tokens').where({ id }).update({ revoked_at: at });
    await appendEvent(trx, {
      stream: 'user',
      streamId: row.user_id as string,
      type: 'api-token.revoked',
      actor,
      at,
      payload: { tokenId: id },
    });
  });
}

export interface ResolvedToken {
  id: string;
  scopes: string[];
  user: UserRow;
}

/** The live token with this secret and its active user; undefined for unknown, revoked or malformed. */
export async function resolveApiToken(
  runtime: RuntimeContext,
  token: string,
): Promise<ResolvedToken | undefined> {
  if (!TOKEN.test(token)) return undefined;
  // The token and its user in one statement: every API request asks, so it is one round trip, not two.
  const row = (await runtime.db
    .knex('api_tokens')
    .join('users', 'users.id', 'api_tokens.user_id')
    .where('api_tokens.token_hash', sha256(token))
    .first(
      'users.*',
      'api_tokens.id as token_id',
      'api_tokens.scopes as token_scopes',
      'api_tokens.revoked_at as token_revoked_at',
      'api_tokens.last_used_at as token_last_used_at',
    )) as Record<string, unknown> | undefined;
  if (!row || (row.token_revoked_at !== null && row.token_revoked_at !== undefined)) return undefined;
  const {
    token_id: id,
    token_scopes: scopes,
    token_revoked_at: _revoked,
    token_last_used_at: lastUsedAt,
    ...user
  } = row;
  if (!user.active) return undefined;
  const now = runtime.clock.now().getTime();
  const lastUsed = lastUsedAt === null || lastUsedAt === undefined ? null : Number(lastUsedAt);
  if (lastUsed === null || now - lastUsed >= LAST_USED_GRANULARITY_MS)
    await runtime.db.knex('api_tokens').where({ id }).update({ last_used_at: now });
  return { id: id as string, scopes: readJson<string[]>(scopes), user: user as UserRow };
}
