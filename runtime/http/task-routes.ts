/**
 * @module The inbox.
 *
 * `GET /api/tasks?assignee=me|team|unassigned|<user id>&form=&stage=&priority=&sla=&q=&limit=`: open
 * records, most urgent SLA first (`runtime/records/list-tasks.ts`), with `serverTime` — the server's
 * clock, which browsers count SLA countdowns against. Everyone sees their own, their team queue
 * (`runtime/records/team-scope.ts`) and the unassigned queue; another person's inbox is for managers
 * and admins. Every list holds only records the caller could open (`canReadRecord`).
 *
 * `POST /api/tasks/assign` `{ records, assignee | role, reason? }`: bulk assignment by managers and
 * admins (`runtime/records/bulk-assign.ts`), each record also needing read access and `update` on its
 * form, with an outcome per record. `GET /api/tasks/people`: who the records mention, by name.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { hasRole, requireRole, requireScope, requireUser, type AuthUser } from '../auth/access';
import {
  canReadRecord,
  formPermissions,
  requireRecordAccess,
  type FormPermission,
} from '../auth/form-permissions';
import { bulkAssign, bulkAssignInputOf } from '../records/bulk-assign';
import { listPeople } from '../records/list-people';
import { listTasks, SLA_LEVELS, type SlaLevel, type TaskItem } from '../records/list-tasks';
import { teamScopeOf } from '../records/team-scope';
import type { RuntimeContext } from '../runtime-context';
import { UserError } from './errors';

const MAX_TEXT = 200;

function badParam(name: string, message: string): UserError {
  return new UserError(400, `bad-${name}`, message, [{ code: `bad-${name}`, path: `/${name}`, message }]);
}

function textParam(ctx: Context, name: string): string | undefined {
  const value = ctx.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > MAX_TEXT)
    throw badParam(name, `${name} must be one text of at most ${MAX_TEXT} characters`);
  return value;
}

function limitParam(ctx: Context): number {
  const limit = ctx.query.limit === undefined ? 100 : Number(ctx.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw badParam('limit', 'limit must be a whole number from 1 to 500');
  return limit;
}

function slaParam(ctx: Context): SlaLevel | undefined {
  const value = textParam(ctx, 'sla');
  if (value === undefined) return undefined;
  if (!(SLA_LEVELS as readonly string[]).includes(value))
    throw badParam('sla', `sla must be one of ${SLA_LEVELS.join(', ')}`);
  return value as SlaLevel;
}

function objectBody(ctx: Context): Record<string, unknown> {
  const body: unknown = ctx.request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UserError(400, 'bad-request', 'The body must be a JSON object');
  return body as Record<string, unknown>;
}

/**
 * The tasks the caller could open (`GET /api/records/:id`): every record of a form they read in full,
 * only their own (created by or assigned to them) of a form they read their own of, none of the rest.
 * Without this, the unassigned queue or another person's inbox showed records — customer data — of forms
 * the caller may not read at all.
 */
async function readableTasks(
  runtime: RuntimeContext,
  user: AuthUser,
  items: TaskItem[],
): Promise<TaskItem[]> {
  const permissions = new Map<string, Set<FormPermission>>();
  for (const form of new Set(items.map((t) => t.form)))
    permissions.set(form, await formPermissions(runtime, user.roles, form));
  // Who created a record matters only for an unassigned one of a form read by owners alone.
  const unowned = items
    .filter((t) => t.assignee === null && !permissions.get(t.form)!.has('read-all'))
    .map((t) => t.id);
  const creators = new Map<string, string | null>();
  for (let i = 0; i < unowned.length; i += 500) {
    const rows = (await runtime.db
      .knex('records')
      .whereIn('id', unowned.slice(i, i + 500))
      .select('id', 'created_by')) as { id: string; created_by: string | null }[];
    for (const row of rows) creators.set(row.id, row.created_by);
  }
  return items.filter((t) =>
    canReadRecord(permissions.get(t.form)!, user, {
      assignee: t.assignee,
      created_by: creators.get(t.id) ?? null,
    }),
  );
}

export function registerTaskRoutes(router: Router, runtime: RuntimeContext): void {
  router.get('/api/tasks', async (ctx) => {
    const user = requireUser(ctx);
    requireScope(ctx, 'records:read');
    const wanted = textParam(ctx, 'assignee') ?? 'me';
    const assignee = wanted === 'me' ? user.id : wanted === 'unassigned' || wanted === 'team' ? null : wanted;
    if (assignee !== null && assignee !== user.id && !hasRole(user, 'manager')) {
      throw new UserError(403, 'forbidden', "Only managers may see another person's inbox");
    }
    const query = {
      assignee,
      form: textParam(ctx, 'form'),
      stage: textParam(ctx, 'stage'),
      priority: textParam(ctx, 'priority'),
      text: textParam(ctx, 'q'),
      sla: slaParam(ctx),
      limit: limitParam(ctx),
    };
    const now = runtime.clock.now();
    const team = wanted === 'team' ? await teamScopeOf(runtime, user) : undefined;
    // Every match first, so the limit counts only what the caller may see.
    const all = await listTasks(runtime, {
      ...query,
      ...(team ? { team } : {}),
      limit: Number.MAX_SAFE_INTEGER,
      now: now.getTime(),
    });
    const items = (await readableTasks(runtime, user, all)).slice(0, query.limit);
    ctx.body = { items, serverTime: now.toISOString() };
  });

  router.post('/api/tasks/assign', async (ctx) => {
    const user = requireRole(ctx, 'manager');
    requireScope(ctx, 'records:write');
    const input = bulkAssignInputOf(objectBody(ctx));
    const results = await bulkAssign(runtime, input, { id: user.id }, (id) =>
      requireRecordAccess(runtime, ctx, id, 'update'),
    );
    ctx.body = { results };
  });

  router.get('/api/tasks/people', async (ctx) => {
    requireUser(ctx);
    requireScope(ctx, 'records:read');
    ctx.body = { items: await listPeople(runtime) };
  });
}
