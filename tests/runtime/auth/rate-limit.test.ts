/** Rate limits: login attempts per IP + username (429 with Retry-After, allowed again after the window). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../runtime/auth/rate-limit';
import { createTestUser, startHarness, TEST_PASSWORD, type Harness } from '../../helpers/runtime-harness';
import { ManualClock } from '../../helpers/manual-clock';
import { DIALECTS } from '../../helpers/test-databases';

describe('the fixed-window limiter', () => {
  it('allows `limit` hits per key per window and says when to retry', () => {
    const clock = new ManualClock('2026-11-24T09:00:00Z');
    const limiter = createRateLimiter(clock, { limit: 2, windowMs: 60_000 });
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('b').allowed).toBe(true);
    clock.advanceMinutes(0.5);
    expect(limiter.hit('a')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 30 });
    clock.advanceMinutes(0.5);
    expect(limiter.hit('a').allowed).toBe(true);
    limiter.reset('a');
    expect(limiter.hit('a').remaining).toBe(1);
  });

  it('stays bounded under a flood of distinct keys', () => {
    const clock = new ManualClock('2026-11-24T09:00:00Z');
    const limiter = createRateLimiter(clock, { limit: 1, windowMs: 60_000 }, 100);
    for (let i = 0; i < 1000; i++) limiter.hit(`ip-${i}`);
    expect(limiter.hit('ip-999').allowed).toBe(false);
  });
});

describe.each(DIALECTS)('login rate limit on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await createTestUser(h, { username: 'eve' });
  });
  afterAll(() => h?.close());

  const login = (password: string, username = 'eve') =>
    h.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('answers the 11th attempt in 5 minutes with 429, then lets the user in after the window', async () => {
    for (let i = 0; i < 10; i++) expect((await login('wrong-password')).status).toBe(401);
    h.clock.advanceMinutes(2);
    const limited = await login(TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate-limited');
    expect(limited.headers['retry-after']).toBe('180');
    // Another username from the same address is counted separately.
    expect((await login('wrong-password', 'someone-else')).status).toBe(401);
    h.clock.advanceMinutes(3);
    expect((await login(TEST_PASSWORD)).status).toBe(200);
  });

  it('forgets the failures after a successful login', async () => {
    h.clock.advanceMinutes(10);
    for (let i = 0; i < 9; i++) await login('wrong-password');
    expect((await login(TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await login('wrong-password')).status).toBe(401);
    expect((await login('wrong-password')).status).toBe(429);
  });
});
