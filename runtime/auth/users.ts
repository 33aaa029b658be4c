/**
 * @module Users: create (random id, unique lower-case username, scrypt password hash), read, change
 * roles / skills / region / team, set a password, deactivate, and check a username + password. Each change
 * is one transaction with its `user.*` event; the events never carry a password or a hash. `createUser` is
 * what `closedloop create-user` calls.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { appendEvent } from '../events/append-event';
import { invalid, notFound, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson, writeJson } from '../storage/json-value';
import { hashPassword, verifyPassword } from './password-hash';
import {
  checkNewUser,
  checkPassword,
  checkUserFields,
  normalizeUsername,
  type NewUserInput,
  type UserFields,
} from './user-input';

export interface UserView {
  id: string;
  username: string;
  displayName: string | null;
  email: string | null;
  roles: string[];
  skills: string[];
  region: string | null;
  team: string | null;
  active: boolean;
  createdAt: string;
}

export type UserRow = Record<string, unknown>;

export function userView(row: UserRow): UserView {
  return {
    id: row.id as string,
    username: row.username as string,
    displayName: (row.display_name as string | null) ?? null,
    email: (row.email as string | null) ?? null,
    roles: readJson<string[]>(row.roles) ?? [],
    skills: readJson<string[]>(row.skills) ?? [],
    region: (row.region as string | null) ?? null,
    team: (row.team as string | null) ?? null,
    active: Boolean(row.active),
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

const unique = (values: string[] | undefined) => [...new Set(values ?? [])];

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? ''));
}

const usernameTaken = (username: string) =>
  new UserError(409, 'username-taken', `A user named "${username}" already exists`);

/** Creates a user; 422 with issues for bad input, 409 `username-taken` when the name is in use. */
export async function createUser(
  runtime: RuntimeContext,
  input: NewUserInput,
  actor: string | null = null,
): Promise<UserView> {
  const issues = checkNewUser(input as unknown as Record<string, unknown>);
  if (issues.length > 0) throw invalid(issues, 'The user has invalid values');
  const username = normalizeUsername(input.username);
  // Hashed before the transaction: scrypt is slow and SQLite has one connection.
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const at = runtime.clock.now().getTime();
  const row = {
    id: randomUUID(),
    username,
    display_name: input.displayName ?? null,
    email: input.email || null,
    password_hash: passwordHash,
    roles: writeJson(unique(input.roles)),
    skills: writeJson(unique(input.skills)),
    region: input.region ?? null,
    team: input.team ?? null,
    active: true,
    created_at: at,
  };
  const write = async (trx: Knex.Transaction) => {
    if (await trx('users').where({ username }).first('id')) throw usernameTaken(username);
    await trx('users').insert(row);
    await appendEvent(trx, {
      stream: 'user',
      streamId: row.id,
      type: 'user.created',
      actor,
      at,
      payload: { username, roles: unique(input.roles), team: row.team, region: row.region },
    });
  };
  try {
    await runtime.db.knex.transaction(write);
  } catch (err) {
    if (isUniqueViolation(err)) throw usernameTaken(username);
    throw err;
  }
  return userView(row);
}

export async function getUser(runtime: RuntimeContext, id: string): Promise<UserView | undefined> {
  const row = (await runtime.db.knex('users').where({ id }).first()) as UserRow | undefined;
  return row ? userView(row) : undefined;
}

export async function findUserByUsername(
  runtime: RuntimeContext,
  username: string,
): Promise<UserView | undefined> {
  const row = (await runtime.db
    .knex('users')
    .where({ username: normalizeUsername(username) })
    .first()) as UserRow | undefined;
  return row ? userView(row) : undefined;
}

async function change(
  runtime: RuntimeContext,
  id: string,
  type: string,
  values: Record<string, unknown>,
  payload: Record<string, unknown>,
  actor: string | null,
): Promise<UserView> {
  const at = runtime.clock.now().getTime();
  return runtime.db.knex.transaction(async (trx) => {
    const updated = await trx('users').where({ id }).update(values);
    if (updated === 0) throw notFound('User');
    // A deactivated user or a new password ends every session of the user.
    if ('active' in values || 'password_hash' in values)
      await trx('sessions').where({ user_id: id }).delete();
    await appendEvent(trx, { stream: 'user', streamId: id, type, actor, at, payload });
    return userView((await trx('users').where({ id }).first()) as UserRow);
  });
}

/** Changes the given fields (roles, skills, region, team, display name, e-mail). */
export async function updateUser(
  runtime: RuntimeContext,
  id: string,
  fields: UserFields,
  actor: string | null = null,
): Promise<UserView> {
  const issues = checkUserFields(fields as Record<string, unknown>);
  if (issues.length > 0) throw invalid(issues, 'The user has invalid values');
  const values: Record<string, unknown> = {};
  if (fields.displayName !== undefined) values.display_name = fields.displayName;
  if (fields.email !== undefined) values.email = fields.email || null;
  if (fields.roles !== undefined) values.roles = writeJson(unique(fields.roles));
  if (fields.skills !== undefined) values.skills = writeJson(unique(fields.skills));
  if (fields.region !== undefined) values.region = fields.region;
  if (fields.team !== undefined) values.team = fields.team;
  if (Object.keys(values).length === 0) {
    const current = await getUser(runtime, id);
    if (!current) throw notFound('User');
    return current;
  }
  return change(runtime, id, 'user.updated', values, { changed: Object.keys(fields) }, actor);
}

/** Sets a new password and ends the user's sessions. */
export async function setPassword(
  runtime: RuntimeContext,
  id: string,
  password: string,
  actor: string | null = null,
): Promise<UserView> {
  const issues = checkPassword(password);
  if (issues.length > 0) throw invalid(issues, 'The password is not acceptable');
  const hash = await hashPassword(password);
  return change(runtime, id, 'user.password-changed', { password_hash: hash }, {}, actor);
}

/** Deactivates a user: no login, no sessions, and their API tokens stop working. */
export async function deactivateUser(runtime: RuntimeContext, id: string, actor: string | null = null) {
  return change(runtime, id, 'user.deactivated', { active: false }, {}, actor);
}

/**
 * The active user with this username and password, or undefined. An unknown username costs the same
 * scrypt work as a wrong password, and the answer does not say which it was.
 */
export async function verifyCredentials(
  runtime: RuntimeContext,
  username: string,
  password: string,
): Promise<UserView | undefined> {
  const row = (await runtime.db
    .knex('users')
    .where({ username: normalizeUsername(username) })
    .first()) as UserRow | undefined;
  const ok = await verifyPassword(password, (row?.password_hash as string | null | undefined) ?? null);
  if (!ok || !row || !row.active) return undefined;
  return userView(row);
}
