/**
 * @module The auth options of one app (session lifetimes, login rate limits, cookie security), kept per
 * runtime so the routes and the middleware built from the same runtime share them — and the same login
 * limiter. A runtime that was never configured (a CLI command, a worker) gets the defaults.
 */
import type { RuntimeContext } from '../runtime-context';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limit';

export interface AuthOptions {
  /** Absolute session lifetime from login; default 12 h. */
  sessionLifetimeMs?: number;
  /** A session unused this long ends; default 2 h. */
  sessionIdleMs?: number;
  /** Login attempts per IP + username; default 10 per 5 min. */
  loginRateLimit?: RateLimit;
  /** Login attempts per IP, whatever the username; default 100 per 5 min. */
  loginIpRateLimit?: RateLimit;
  /** Force the cookie's `Secure` flag (behind a TLS-terminating proxy); default: when the request is https. */
  secureCookies?: boolean;
}

export interface AuthSettings {
  sessionLifetimeMs: number;
  sessionIdleMs: number;
  secureCookies: boolean | undefined;
  loginLimiter: RateLimiter;
  loginIpLimiter: RateLimiter;
}

const HOUR = 3_600_000;
const settingsByRuntime = new WeakMap<RuntimeContext, AuthSettings>();

/** Sets the auth options of `runtime` (once, when the app is built) and returns them. */
export function configureAuth(runtime: RuntimeContext, options: AuthOptions = {}): AuthSettings {
  const settings: AuthSettings = {
    sessionLifetimeMs: options.sessionLifetimeMs ?? 12 * HOUR,
    sessionIdleMs: options.sessionIdleMs ?? 2 * HOUR,
    secureCookies: options.secureCookies,
    loginLimiter: createRateLimiter(
      runtime.clock,
      options.loginRateLimit ?? { limit: 10, windowMs: 5 * 60_000 },
    ),
    loginIpLimiter: createRateLimiter(
      runtime.clock,
      options.loginIpRateLimit ?? { limit: 100, windowMs: 5 * 60_000 },
    ),
  };
  settingsByRuntime.set(runtime, settings);
  return settings;
}

export function authSettings(runtime: RuntimeContext): AuthSettings {
  return settingsByRuntime.get(runtime) ?? configureAuth(runtime);
}
