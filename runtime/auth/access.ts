/**
 * @module What routes call to guard themselves: `requireUser(ctx)` (401 `unauthenticated` when nobody is
 * signed in), `requireRole(ctx, ...roles)` (403 `forbidden` unless the caller holds one of them; `admin`
 * passes every role check) and `requireScope(ctx, scope)` (403 `insufficient-scope` when an API token
 * lacks the scope; sessions are not limited by scopes). Each returns the caller.
 */
import type { Context } from 'koa';
import { UserError } from '../http/errors';
import { scopesCover } from './scopes';

export interface AuthUser {
  id: string;
  username: string;
  roles: string[];
  team: string | null;
  region: string | null;
  skills: string[];
  /** How the caller authenticated: the browser session cookie or an API token. */
  via: 'session' | 'token';
  /** A token's scopes; `['*']` for a session. */
  scopes: string[];
}

/** The caller, or undefined for an anonymous request. */
export function currentUser(ctx: Context): AuthUser | undefined {
  return (ctx.state as { user?: AuthUser }).user;
}

export function requireUser(ctx: Context): AuthUser {
  const user = currentUser(ctx);
  if (!user) throw new UserError(401, 'unauthenticated', 'Sign in, or send an API token, to do this');
  return user;
}

export function hasRole(user: AuthUser, ...roles: string[]): boolean {
  return user.roles.includes('admin') || roles.some((role) => user.roles.includes(role));
}

export function requireRole(ctx: Context, ...roles: string[]): AuthUser {
  const user = requireUser(ctx);
  if (!hasRole(user, ...roles))
    throw new UserError(403, 'forbidden', `This needs one of the roles: ${roles.join(', ') || 'admin'}`);
  return user;
}

export function requireScope(ctx: Context, scope: string): AuthUser {
  const user = requireUser(ctx);
  if (user.via === 'token' && !scopesCover(user.scopes, scope))
    throw new UserError(403, 'insufficient-scope', `The API token lacks the scope "${scope}"`);
  return user;
}
