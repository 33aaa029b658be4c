/**
 * @module What a user may do with the records of a form (DESIGN 9): the union of the permissions that
 * the user's roles hold for the form in its app's `app_roles` (from the app bundle's `roles[].forms`) —
 * `create`, `read-own`, `read-all`, `update`, `delete`. `admin` holds them all, always.
 *
 * A form that no app role mentions (not part of an app, or its app's roles name other forms only) gets
 * `DEFAULT_FORM_PERMISSIONS`: managers create, read all and update; agents create and read their own;
 * every other role (designer, viewer, …) nothing. Once any app role names the form, only app roles count.
 *
 * "Own" records are the ones the user created or is assigned to. A record the user may not read is
 * answered 404, like a missing one, so record ids cannot be probed.
 */
import type { Context } from 'koa';
import { FORM_PERMISSIONS } from '../../engine';
import { notFound, UserError } from '../http/errors';
import { loadRecord, type RecordRow } from '../records/record-rows';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { requireScope, requireUser, type AuthUser } from './access';

export type FormPermission = (typeof FORM_PERMISSIONS)[number];

/** Per role, for forms that no app role mentions. `admin` is not listed: it holds every permission. */
export const DEFAULT_FORM_PERMISSIONS: Readonly<Record<string, readonly FormPermission[]>> = {
  manager: ['create', 'read-all', 'update'],
  agent: ['create', 'read-own'],
};

/** The permissions `roles` hold for the records of `formKey`. */
export async function formPermissions(
  runtime: RuntimeContext,
  roles: readonly string[],
  formKey: string,
): Promise<Set<FormPermission>> {
  if (roles.includes('admin')) return new Set(FORM_PERMISSIONS);
  const knex = runtime.db.knex;
  // The roles of the form's app, found by the app the form belongs to, in one statement (asked on every
  // record request). A form of no app has no rows here: the defaults apply, as when no role names it.
  const owner = knex('definitions')
    .where({ kind: 'form', key: formKey })
    .whereNotNull('app')
    .select('app')
    .limit(1);
  const rows = (await knex('app_roles').whereIn('app', owner).select('key', 'forms')) as {
    key: string;
    forms: unknown;
  }[];
  const mentioning = rows
    .map((row) => ({
      key: row.key,
      granted: readJson<Record<string, FormPermission[]>>(row.forms)?.[formKey],
    }))
    .filter((row): row is { key: string; granted: FormPermission[] } => Array.isArray(row.granted));
  const granted =
    mentioning.length > 0
      ? mentioning.filter((row) => roles.includes(row.key)).flatMap((row) => row.granted)
      : roles.flatMap((role) => DEFAULT_FORM_PERMISSIONS[role] ?? []);
  return new Set(granted);
}

/** Whether the user created the record or is assigned to it. */
export function ownsRecord(user: AuthUser, row: Pick<RecordRow, 'created_by' | 'assignee'>): boolean {
  return row.created_by === user.id || row.assignee === user.id;
}

export function canReadRecord(
  permissions: Set<FormPermission>,
  user: AuthUser,
  row: Pick<RecordRow, 'created_by' | 'assignee'>,
): boolean {
  return permissions.has('read-all') || (permissions.has('read-own') && ownsRecord(user, row));
}

const forbidden = (formKey: string, what: string) =>
  new UserError(403, 'forbidden', `Your roles may not ${what} records of the form "${formKey}"`);

/**
 * Signed-in callers (tokens with `records:write`) need `create`. Anonymous callers pass: any published
 * form is public, and the route limits them by rate instead.
 */
export async function requireCreate(runtime: RuntimeContext, ctx: Context, formKey: string): Promise<void> {
  if (!(ctx.state as { user?: AuthUser }).user) return;
  const user = requireScope(ctx, 'records:write');
  if (!(await formPermissions(runtime, user.roles, formKey)).has('create'))
    throw forbidden(formKey, 'create');
}

/** How much of a form's list the caller sees: every record, or only their own (401 / 403 otherwise). */
export async function requireListAccess(
  runtime: RuntimeContext,
  ctx: Context,
  formKey: string,
): Promise<{ user: AuthUser; onlyOwn: boolean }> {
  requireUser(ctx);
  const user = requireScope(ctx, 'records:read');
  const permissions = await formPermissions(runtime, user.roles, formKey);
  if (permissions.has('read-all')) return { user, onlyOwn: false };
  if (permissions.has('read-own')) return { user, onlyOwn: true };
  throw forbidden(formKey, 'read');
}

/**
 * The caller may read record `id` (404 when it is missing or not theirs to see) and, for `update`, also
 * holds `update` on its form (403). Tokens need `records:read` / `records:write`.
 */
export async function requireRecordAccess(
  runtime: RuntimeContext,
  ctx: Context,
  id: string,
  need: 'read' | 'update',
): Promise<AuthUser> {
  requireUser(ctx);
  const user = requireScope(ctx, need === 'read' ? 'records:read' : 'records:write');
  const row = await loadRecord(runtime.db.knex, id);
  const permissions = await formPermissions(runtime, user.roles, row.form_key);
  if (!canReadRecord(permissions, user, row)) throw notFound(`Record "${id}"`);
  if (need === 'update' && !permissions.has('update')) throw forbidden(row.form_key, 'update');
  return user;
}
