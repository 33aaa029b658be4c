/**
 * @module The signature receivers check: `sha256=<hex HMAC-SHA256 of the exact body>` keyed by the
 * subscription's secret, sent as `X-Closedloop-Signature`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(secret: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** What a receiver does (and what tests do): recompute and compare in constant time. */
export function verifySignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
