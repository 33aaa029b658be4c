/**
 * @module In-memory fixed-window rate limits on `runtime.clock`: at most `limit` hits per key in a window
 * that starts at the key's first hit. Over the limit the request gets 429 `rate-limited` with
 * `Retry-After`. Used on login (per IP + username, and per IP); `rateLimit()` is the middleware for public
 * form submissions. Per process: several processes each count their own share.
 */
import type { Context, Next } from 'koa';
import type { Clock } from '../clock';
import { UserError } from '../http/errors';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the key's window ends (0 when allowed). */
  retryAfterSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Counts one hit for `key` and says whether it is within the limit. */
  hit(key: string): RateDecision;
  /** Forgets `key` (e.g. after a successful login). */
  reset(key: string): void;
}

export function createRateLimiter(
  clock: Clock,
  { limit, windowMs }: RateLimit,
  maxKeys = 10_000,
): RateLimiter {
  if (!(limit >= 1 && windowMs >= 1)) throw new Error('A rate limit needs limit >= 1 and windowMs >= 1');
  const windows = new Map<string, Window>();

  function sweep(now: number): void {
    for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
    // Still full (a flood of distinct keys): drop the oldest windows rather than grow without bound.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    limit,
    windowMs,
    hit(key) {
      const now = clock.now().getTime();
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (!w && windows.size >= maxKeys) sweep(now);
        windows.delete(key);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count <= limit) return { allowed: true, remaining: limit - w.count, retryAfterSeconds: 0 };
      return {
        allowed: false,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)),
      };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

/** Counts a hit; over the limit, sets `Retry-After` and throws 429 `rate-limited`. */
export function enforceRateLimit(ctx: Context, limiter: RateLimiter, key: string): void {
  const decision = limiter.hit(key);
  if (decision.allowed) return;
  ctx.set('Retry-After', String(decision.retryAfterSeconds));
  throw new UserError(429, 'rate-limited', `Too many requests; try again in ${decision.retryAfterSeconds} s`);
}

/**
 * Koa middleware limiting by `keyOf(ctx)` — by default the client IP and the route path, so each public
 * form counts separately: `router.post('/api/forms/:key/records', rateLimit(limiter), handler)`.
 */
export function rateLimit(
  limiter: RateLimiter,
  keyOf: (ctx: Context) => string = (ctx) => `${ctx.ip} ${ctx.path}`,
) {
  return async (ctx: Context, next: Next): Promise<void> => {
    enforceRateLimit(ctx, limiter, keyOf(ctx));
    await next();
  };
}
