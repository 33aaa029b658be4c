/**
 * @module Checks what a user is created or changed with: username, password, roles (the built-in set or
 * any app-defined role key), skills, region, team, display name and e-mail. Every problem is an issue at
 * its field, so the CLI and the API report them the same way.
 */
import type { Issue } from '../../engine';

export const BUILT_IN_ROLES = ['admin', 'designer', 'agent', 'manager', 'viewer'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/** Built-in roles match it too; app bundles declare their own role keys in the same form. */
export const ROLE_KEY = /^[a-z][a-z0-9_-]{0,63}$/;
/** Usernames are stored lower-case, so `Admin` and `admin` are one account. */
export const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;
const MAX_TAGS = 100;

export interface UserFields {
  displayName?: string | null;
  email?: string | null;
  roles?: string[];
  skills?: string[];
  region?: string | null;
  team?: string | null;
}

export interface NewUserInput extends UserFields {
  username: string;
  /** Omitted: the user cannot sign in with a password (API tokens only, or until one is set). */
  password?: string;
}

const issue = (code: string, path: string, message: string, params?: Record<string, unknown>): Issue =>
  params ? { code, path, params, message } : { code, path, message };

export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase();
}

export function checkPassword(value: unknown, path = '/password'): Issue[] {
  if (typeof value !== 'string') return [issue('required', path, 'A password is required')];
  if (value.length < MIN_PASSWORD_LENGTH)
    return [
      issue('too-short', path, `The password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
        min: MIN_PASSWORD_LENGTH,
      }),
    ];
  if (value.length > MAX_PASSWORD_LENGTH)
    return [issue('too-long', path, `The password is longer than ${MAX_PASSWORD_LENGTH} characters`)];
  return [];
}

function checkText(value: unknown, path: string, max: number): Issue[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string') return [issue('type', path, 'Must be a string')];
  if (value.length > max) return [issue('too-long', path, `Longer than ${max} characters`, { max })];
  return [];
}

function checkTags(value: unknown, path: string, pattern: RegExp | undefined, what: string): Issue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [issue('type', path, `The ${what} must be a list of strings`)];
  if (value.length > MAX_TAGS) return [issue('too-many', path, `At most ${MAX_TAGS} ${what}`)];
  return value.flatMap((tag, index) =>
    typeof tag === 'string' && tag.length > 0 && tag.length <= 100 && (!pattern || pattern.test(tag))
      ? []
      : [
          issue(
            'invalid-' + what.replace(/s$/, ''),
            `${path}/${index}`,
            `Not a valid ${what.replace(/s$/, '')} key`,
            { value: tag },
          ),
        ],
  );
}

/** Issues in the changeable fields (all optional). */
export function checkUserFields(input: Record<string, unknown>): Issue[] {
  const issues = [
    ...checkText(input.displayName, '/displayName', 200),
    ...checkText(input.region, '/region', 200),
    ...checkText(input.team, '/team', 100),
    ...checkText(input.email, '/email', 320),
    ...checkTags(input.roles, '/roles', ROLE_KEY, 'roles'),
    ...checkTags(input.skills, '/skills', undefined, 'skills'),
  ];
  if (typeof input.email === 'string' && input.email !== '' && !/^[^\s@]+@[^\s@]+$/.test(input.email))
    issues.push(issue('invalid-email', '/email', 'Not an e-mail address'));
  return issues;
}

/** Issues in a new user; the username is checked after normalizing. */
export function checkNewUser(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (typeof input.username !== 'string' || !USERNAME.test(normalizeUsername(input.username)))
    issues.push(
      issue(
        'invalid-username',
        '/username',
        'The username must be 1–64 letters, digits or . _ @ -, starting with a letter or digit',
      ),
    );
  if (input.password !== undefined) issues.push(...checkPassword(input.password));
  return [...issues, ...checkUserFields(input)];
}
