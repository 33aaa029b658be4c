/**
 * @module The session cookie `closedloop_session`: HttpOnly (scripts cannot read it), SameSite=Lax (not
 * sent on cross-site POSTs), Path=/, Secure on https (or when forced by the `secureCookies` option), and
 * Max-Age up to the session's absolute end. Written by hand rather than through `ctx.cookies`, which
 * refuses a Secure cookie on a plain-http request even behind a TLS-terminating proxy.
 */
import type { Context } from 'koa';

export const SESSION_COOKIE = 'closedloop_session';
/** 32 random bytes, base64url. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

function serialize(ctx: Context, value: string, maxAgeSeconds: number, secure: boolean | undefined): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (maxAgeSeconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (secure ?? ctx.secure) parts.push('Secure');
  return parts.join('; ');
}

export function setSessionCookie(ctx: Context, value: string, maxAgeSeconds: number, secure?: boolean): void {
  ctx.append('Set-Cookie', serialize(ctx, value, Math.max(0, Math.floor(maxAgeSeconds)), secure));
}

export function clearSessionCookie(ctx: Context, secure?: boolean): void {
  ctx.append('Set-Cookie', serialize(ctx, '', 0, secure));
}

/** The cookie's value when it has the shape of one we issue; anything else is ignored. */
export function readSessionCookie(ctx: Context): string | undefined {
  const value = ctx.cookies.get(SESSION_COOKIE);
  return value && COOKIE_VALUE.test(value) ? value : undefined;
}
