/** Subscription patterns and the retry schedule, without a database. */
import { describe, expect, it } from 'vitest';
import {
  isEventPattern,
  matchesAnyPattern,
  matchesEventPattern,
} from '../../../runtime/webhooks/event-patterns';
import { MAX_ATTEMPTS, nextAttemptAt } from '../../../runtime/webhooks/retry-schedule';
import { signBody, verifySignature } from '../../../runtime/webhooks/sign-payload';

describe('event patterns', () => {
  it.each([
    ['record.*', 'record.created', true],
    ['record.*', 'record.sla.x', true],
    ['record.*', 'records.created', false],
    ['record.*', 'record', false],
    ['sla.breached', 'sla.breached', true],
    ['sla.breached', 'sla.warning', false],
    ['*', 'anything.at-all', true],
  ])('%s matches %s: %s', (pattern, type, expected) => {
    expect(matchesEventPattern(pattern, type)).toBe(expected);
  });

  it('accepts types and families only', () => {
    expect(['*', 'record.*', 'sla.breached', 'action.requested'].every(isEventPattern)).toBe(true);
    expect(['', '**', 'record.*.x', 'Record.Created', ' record.*', 7].some(isEventPattern)).toBe(false);
    expect(matchesAnyPattern(['sla.warning', 'record.*'], 'record.assigned')).toBe(true);
  });
});

describe('retry schedule', () => {
  it('backs off 1 min, 5 min, 30 min, 2 h, 6 h, then gives up', () => {
    const at = (n: number) => nextAttemptAt(n, 0);
    expect([1, 2, 3, 4, 5].map(at)).toEqual([1, 5, 30, 120, 360].map((m) => m * 60_000));
    expect(at(MAX_ATTEMPTS)).toBeNull();
    expect(nextAttemptAt(7, 0, 10)).toBe(360 * 60_000);
  });
});

describe('signature', () => {
  it('is the hex HMAC-SHA256 of the exact body', () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signBody('secret', '{"a":1}')).toBe(
      'sha256=aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494',
    );
  });
  it('verifies only the same body with the same secret', () => {
    const sig = signBody('s3cret', '{"x":"屏幕"}');
    expect(verifySignature('s3cret', '{"x":"屏幕"}', sig)).toBe(true);
    expect(verifySignature('s3cret', '{"x":"屏幕" }', sig)).toBe(false);
    expect(verifySignature('s3cret', '{"x":"屏幕"}', 'sha256=00')).toBe(false);
  });
});
