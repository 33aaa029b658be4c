/**
 * @module The inbox.
 *
 * `GET /api/tasks?assignee=me|team|unassigned|<user id>&form=&stage=&priority=&sla=&q=&limit=`: open
 * records, most urgent SLA first (`runtime/records/list-tasks.ts`), with `serverTime` — the server's
 * clock, which browsers count SLA countdowns against. Everyone sees their own, their team queue
 * (`runtime/records/team-scope.ts`) and the unassigned queue; another person's inbox is for managers
 * and admins.
 *
 * `POST /api/tasks/assign` `{ records, assignee | role, reason? }`: bulk assignment by managers and
 * admins (`runtime/records/bulk-assign.ts`), each record also needing read access and `update` on its
 * form, with an outcome per record. `GET /api/tasks/people`: who the records mention, by name.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { hasRole, requireRole, requireScope, requireUser } from '../auth/access';
import { requireRecordAccess } from '../auth/form-permissions';
import { bulkAssign, bulkAssignInputOf } from '../records/bulk-assign';
import { listPeople } from '../records/list-people';
import { listTasks, SLA_LEVELS, type SlaLevel } from '../records/list-tasks';
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
    const items = await listTasks(runtime, { ...query, ...(team ? { team } : {}), now: now.getTime() });
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
