/**
 * @module When a failed delivery is tried again: exponential backoff with a cap, then giving up. Shared by
 * webhook deliveries and notification e-mails, so an admin reads one policy for both queues.
 */

const MINUTE = 60_000;

/** Waits after the 1st, 2nd, … failed attempt; the last one repeats until the attempts run out. */
export const RETRY_DELAYS_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  120 * MINUTE,
  360 * MINUTE,
];

/** Attempts in all (the first try included) before a delivery is given up as `failed`. */
export const MAX_ATTEMPTS = 6;

/**
 * After `attempts` failed tries (counting the one just made), when to try again — or `null` to give up.
 */
export function nextAttemptAt(attempts: number, now: number, maxAttempts = MAX_ATTEMPTS): number | null {
  if (attempts >= maxAttempts) return null;
  const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0]!;
  return now + delay;
}
