/**
 * @module Password hashes: scrypt with a per-password random salt, stored as one self-describing string
 * `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost can be raised later without
 * invalidating stored hashes. Verification is timing-safe, and `verifyPassword(password, null)` does the
 * same work as a real check, so a login for an unknown user takes about as long as a wrong password.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU / memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** About 16 MiB and a few tens of milliseconds per hash. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 16384, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on stored parameters, so a tampered hash string cannot make a login allocate gigabytes. */
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 128 * params.N * params.r * 2 + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts
    .slice(1, 4)
    .map((part) => (/^[1-9][0-9]{0,7}$/.test(part!) ? Number(part) : NaN)) as [number, number, number];
  if (!(N > 1 && N <= MAX_N && (N & (N - 1)) === 0 && r <= MAX_R && p <= MAX_P)) return undefined;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 128) return undefined;
  return { params: { N, r, p }, salt, key };
}

let dummy: ParsedHash | undefined;

/** A hash of nothing in particular, checked against when there is no real hash to check. */
function dummyHash(): ParsedHash {
  dummy ??= {
    params: DEFAULT_SCRYPT_PARAMS,
    salt: randomBytes(SALT_BYTES),
    key: randomBytes(KEY_BYTES),
  };
  return dummy;
}

/**
 * True when `password` matches `stored`. A missing or malformed hash is checked against a dummy with
 * the default cost (and fails), so the time taken does not tell whether the account exists.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : undefined;
  const target = parsed ?? dummyHash();
  const key = await derive(password, target.salt, target.params, target.key.length);
  return timingSafeEqual(key, target.key) && parsed !== undefined;
}
