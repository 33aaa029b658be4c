/** Users: the first admin, password hashing, roles, unique usernames, deactivation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../../runtime/auth/first-admin';
import { hashPassword, verifyPassword } from '../../../runtime/auth/password-hash';
import { createUser, deactivateUser, updateUser, verifyCredentials } from '../../../runtime/auth/users';
import { createTestUser, loginAs, startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

describe.each(DIALECTS)('users on %s', (dialect) => {
  describe('the first admin', () => {
    let h: Harness | undefined;
    afterAll(() => h?.close());

    it('is created with the given password, once, and can sign in', async () => {
      h = await startHarness(dialect);
      const first = await ensureFirstAdmin(h.runtime, { password: 'given-admin-password' });
      expect(first).toEqual({ created: true, username: 'admin' });
      const again = await ensureFirstAdmin(h.runtime, { password: 'another-password' });
      expect(again).toEqual({ created: false });
      expect(await h.db.knex('users').count({ n: '*' }).first()).toMatchObject({ n: 1 });
      const login = await loginAs(h, 'admin', 'given-admin-password');
      expect(login.user.roles).toEqual(['admin']);
      const event = await h.db.knex('events').where({ type: 'user.created' }).first();
      expect(JSON.stringify(event)).not.toContain('given-admin-password');
      await h.close();
      h = undefined;
    });

    it('gets a generated password, returned once, when none is given', async () => {
      h = await startHarness(dialect);
      const first = await ensureFirstAdmin(h.runtime);
      expect(first.created).toBe(true);
      expect(first.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const row = await h.db.knex('users').where({ username: 'admin' }).first();
      expect(row.password_hash).not.toContain(first.password);
      await loginAs(h, 'admin', first.password!);
      expect(await ensureFirstAdmin(h.runtime)).toEqual({ created: false });
      await h.close();
      h = undefined;
    });

    it('is not created when any user exists', async () => {
      h = await startHarness(dialect);
      await createTestUser(h, { username: 'someone' });
      expect(await ensureFirstAdmin(h.runtime)).toEqual({ created: false });
      expect(await h.db.knex('users').where({ username: 'admin' }).first()).toBeUndefined();
      await h.close();
      h = undefined;
    });
  });

  describe('accounts', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(dialect);
    });
    afterAll(() => h?.close());

    it('stores salted scrypt hashes: never the password, different for the same password', async () => {
      const a = await createTestUser(h, { username: 'ann', password: 'same-password-1' });
      const b = await createTestUser(h, { username: 'bob', password: 'same-password-1' });
      const rows = await h.db.knex('users').whereIn('id', [a.id, b.id]).select('password_hash');
      const [ha, hb] = rows.map((r) => r.password_hash as string);
      expect(ha).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
      expect(ha).not.toContain('same-password-1');
      expect(ha).not.toBe(hb);
      expect(await verifyPassword('same-password-1', ha)).toBe(true);
      expect(await verifyPassword('same-password-2', ha)).toBe(false);
      expect(await verifyPassword('same-password-1', null)).toBe(false);
      expect(await verifyPassword('same-password-1', 'scrypt$99999999$8$1$x$y')).toBe(false);
    });

    it('reads the cost from the hash string, so hashes made with other parameters still verify', async () => {
      const cheap = await hashPassword('a-password', { N: 1024, r: 8, p: 1 });
      expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
      expect(await verifyPassword('a-password', cheap)).toBe(true);
    });

    it('keeps usernames unique and lower-case, and accepts built-in and app-defined roles', async () => {
      const user = await createUser(h.runtime, {
        username: 'Carol.Li',
        password: 'carols-password',
        roles: ['manager', 'rd_lead', 'field-engineer', 'manager'],
        skills: ['screen', 'battery'],
        region: 'East China',
        team: 'Shanghai',
      });
      expect(user).toMatchObject({
        username: 'carol.li',
        roles: ['manager', 'rd_lead', 'field-engineer'],
        skills: ['screen', 'battery'],
        region: 'East China',
        team: 'Shanghai',
        active: true,
      });
      await expect(createTestUser(h, { username: 'CAROL.LI' })).rejects.toMatchObject({
        status: 409,
        code: 'username-taken',
      });
      const updated = await updateUser(h.runtime, user.id, { roles: ['agent'], team: 'Suzhou' });
      expect(updated).toMatchObject({ roles: ['agent'], team: 'Suzhou', region: 'East China' });
    });

    it('refuses bad input with issues at the fields', async () => {
      const err = await createUser(h.runtime, {
        username: ' no spaces ',
        password: 'short',
        roles: ['Admin', '1st'],
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 422, code: 'invalid' });
      const paths = (err as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(['/username', '/password', '/roles/0', '/roles/1']);
    });

    it('a deactivated user can no longer sign in and loses their sessions', async () => {
      const dan = await createTestUser(h, { username: 'dan' });
      const login = await loginAs(h, 'dan');
      await deactivateUser(h.runtime, dan.id);
      expect(await verifyCredentials(h.runtime, 'dan', 'correct horse battery staple')).toBeUndefined();
      const me = await h.request({ method: 'GET', url: '/api/auth/me', headers: login.headers });
      expect(me.status).toBe(401);
      const again = await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'dan', password: 'correct horse battery staple' },
      });
      expect(again.status).toBe(401);
      expect(again.body.error.code).toBe('invalid-credentials');
      const types = await h.db.knex('events').where({ stream_id: dan.id }).orderBy('id').pluck('type');
      expect(types).toEqual(['user.created', 'user.logged-in', 'user.deactivated']);
    });
  });
});
