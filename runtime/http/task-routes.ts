/**
 * @module `GET /api/tasks?assignee=me|unassigned|<user id>&form=&stage=&limit=`: the inbox. Everyone
 * sees their own and the unassigned queue; another person's inbox is for managers and admins.
 */
import type Router from '@koa/router';
import { hasRole, requireScope, requireUser } from '../auth/access';
import { listTasks } from '../records/list-tasks';
import type { RuntimeContext } from '../runtime-context';
import { UserError } from './errors';

export function registerTaskRoutes(router: Router, runtime: RuntimeContext): void {
  router.get('/api/tasks', async (ctx) => {
    const user = requireUser(ctx);
    requireScope(ctx, 'records:read');
    const wanted = typeof ctx.query.assignee === 'string' ? ctx.query.assignee : 'me';
    const assignee = wanted === 'me' ? user.id : wanted === 'unassigned' ? null : wanted;
    if (assignee !== null && assignee !== user.id && !hasRole(user, 'manager')) {
      throw new UserError(403, 'forbidden', "Only managers may see another person's inbox");
    }
    const limit = ctx.query.limit === undefined ? 100 : Number(ctx.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw new UserError(400, 'bad-limit', 'limit must be a whole number from 1 to 500', [
        { code: 'bad-limit', path: '/limit', message: 'limit must be a whole number from 1 to 500' },
      ]);
    }
    const form = typeof ctx.query.form === 'string' ? ctx.query.form : undefined;
    const stage = typeof ctx.query.stage === 'string' ? ctx.query.stage : undefined;
    ctx.body = { items: await listTasks(runtime.db.knex, { assignee, form, stage, limit }) };
  });
}
