/**
 * @module Operations views for admins: `GET /api/admin/queues` → the queues' health (DESIGN 8: pending,
 * due, failing, oldest — timers, outbox consumers, webhook deliveries, notification e-mails, import
 * jobs), read by `runtime/admin/queue-health.ts`. Admins only; API tokens need `admin:read`.
 */
import type Router from '@koa/router';
import { readQueuesHealth } from '../admin/queue-health';
import { requireRole, requireScope } from '../auth/access';
import type { RuntimeContext } from '../runtime-context';

export function registerAdminRoutes(router: Router, runtime: RuntimeContext): void {
  router.get('/api/admin/queues', async (ctx) => {
    requireRole(ctx); // No role names: admins alone.
    requireScope(ctx, 'admin:read');
    ctx.body = await readQueuesHealth(runtime);
  });
}
