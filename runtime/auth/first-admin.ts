/**
 * @module The first administrator. On a store with no users, `closedloop serve` creates `admin` with the
 * password from `CLOSEDLOOP_ADMIN_PASSWORD`, or a random one it prints once — so a new installation can
 * be signed into without a default password anyone could guess.
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { createUser } from './users';

export const FIRST_ADMIN_USERNAME = 'admin';

export interface FirstAdminResult {
  created: boolean;
  username?: string;
  /** Only when it was generated here: show it once, it is not stored anywhere readable. */
  password?: string;
}

export async function ensureFirstAdmin(
  runtime: RuntimeContext,
  options: { password?: string } = {},
): Promise<FirstAdminResult> {
  if (await runtime.db.knex('users').first('id')) return { created: false };
  const generated = options.password ? undefined : randomBytes(18).toString('base64url');
  try {
    await createUser(runtime, {
      username: FIRST_ADMIN_USERNAME,
      password: generated ?? options.password!,
      displayName: 'Administrator',
      roles: ['admin'],
    });
  } catch (err) {
    // Another process started at the same moment and created it first.
    if (err instanceof UserError && err.code === 'username-taken') return { created: false };
    throw err;
  }
  return generated
    ? { created: true, username: FIRST_ADMIN_USERNAME, password: generated }
    : { created: true, username: FIRST_ADMIN_USERNAME };
}
