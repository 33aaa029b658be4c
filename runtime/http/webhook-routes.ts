/**
 * @module The webhooks API: `POST /api/webhooks` `{ url, events, secret? }` → 201 with the secret (shown
 * once), `GET /api/webhooks`, `DELETE /api/webhooks/:id` → 204, `GET /api/webhooks/:id/deliveries` (the
 * delivery log) and `POST /api/webhooks/:id/deliveries/:delivery/retry` → 202. Admin-only; API tokens
 * need `webhooks:write` / `webhooks:read`. The work is in `runtime/webhooks/`.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { requireRole, requireScope } from '../auth/access';
import type { RuntimeContext } from '../runtime-context';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  retryDelivery,
} from '../webhooks/webhook-store';
import { UserError } from './errors';

function actorOf(ctx: Context): string | null {
  return (ctx.state as { user?: { id?: string } }).user?.id ?? null;
}

function limitParam(ctx: Context): number {
  const raw = ctx.query.limit;
  if (raw === undefined) return 50;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,2}$/.test(raw) || Number(raw) > 500) {
    throw new UserError(400, 'bad-request', '`limit` must be a number from 1 to 500');
  }
  return Number(raw);
}

function statusParam(ctx: Context): string | undefined {
  const raw = ctx.query.status;
  if (raw === undefined) return undefined;
  if (raw !== 'pending' && raw !== 'delivered' && raw !== 'failed') {
    throw new UserError(400, 'bad-request', '`status` must be pending, delivered or failed');
  }
  return raw;
}

/** Admins only (`requireRole` with no role names admits admins alone), with the token scope `scope`. */
function requireAdmin(ctx: Context, scope: 'webhooks:read' | 'webhooks:write'): void {
  requireRole(ctx);
  requireScope(ctx, scope);
}

export function registerWebhookRoutes(router: Router, runtime: RuntimeContext): void {
  router.post('/api/webhooks', async (ctx) => {
    requireAdmin(ctx, 'webhooks:write');
    const created = await createWebhook(runtime, ctx.request.body, actorOf(ctx));
    ctx.status = 201;
    ctx.set('Location', `/api/webhooks/${created.id}`);
    ctx.body = created;
  });

  router.get('/api/webhooks', async (ctx) => {
    requireAdmin(ctx, 'webhooks:read');
    ctx.body = { items: await listWebhooks(runtime) };
  });

  router.delete('/api/webhooks/:id', async (ctx) => {
    requireAdmin(ctx, 'webhooks:write');
    await deleteWebhook(runtime, ctx.params.id as string, actorOf(ctx));
    ctx.status = 204;
  });

  router.get('/api/webhooks/:id/deliveries', async (ctx) => {
    requireAdmin(ctx, 'webhooks:read');
    ctx.body = {
      items: await listDeliveries(runtime, ctx.params.id as string, {
        limit: limitParam(ctx),
        status: statusParam(ctx),
      }),
    };
  });

  router.post('/api/webhooks/:id/deliveries/:delivery/retry', async (ctx) => {
    requireAdmin(ctx, 'webhooks:write');
    ctx.status = 202;
    ctx.body = await retryDelivery(
      runtime,
      ctx.params.id as string,
      ctx.params.delivery as string,
      actorOf(ctx),
    );
  });
}
