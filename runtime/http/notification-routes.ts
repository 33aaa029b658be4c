/**
 * @module The caller's in-app notifications: `GET /api/notifications?unread=1` and
 * `POST /api/notifications/:id/read`. Both need a signed-in caller (session or API token) and answer
 * 401 without one. The work is in `runtime/notifications/`.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { listNotifications, markNotificationRead } from '../notifications/notification-store';
import { requireUser } from '../auth/access';
import type { RuntimeContext } from '../runtime-context';
import { UserError } from './errors';

function callerId(ctx: Context): string {
  return requireUser(ctx).id;
}

export function registerNotificationRoutes(router: Router, runtime: RuntimeContext): void {
  router.get('/api/notifications', async (ctx) => {
    const user = callerId(ctx);
    const unread = ctx.query.unread;
    const limit = ctx.query.limit;
    if (limit !== undefined && (typeof limit !== 'string' || !/^[1-9][0-9]{0,2}$/.test(limit))) {
      throw new UserError(400, 'bad-request', '`limit` must be a number from 1 to 999');
    }
    ctx.body = await listNotifications(runtime, user, {
      unreadOnly: unread === '1' || unread === 'true',
      limit: limit === undefined ? 50 : Number(limit),
    });
  });

  router.post('/api/notifications/:id/read', async (ctx) => {
    const user = callerId(ctx);
    const id = ctx.params.id as string;
    if (!/^[1-9][0-9]{0,15}$/.test(id)) throw new UserError(404, 'not-found', 'Notification not found');
    ctx.body = await markNotificationRead(runtime, user, Number(id));
  });
}
