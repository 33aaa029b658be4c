/**
 * @module The effect of an improvement item: `GET /api/records/:id/effect` — the KPI before and after
 * go-live over equal windows, the test and the verdict (read access to the item; 404 for an unknown or
 * unreadable one; 422 naming the field the item lacks). Recording the verdict needs no route of its own:
 * the verification stage's flow event (`POST /api/records/:id/events`) carries the figures as data.
 */
import type Router from '@koa/router';
import { requireRecordAccess } from '../auth/form-permissions';
import { recordEffect } from '../improvements/effect-service';
import type { RuntimeContext } from '../runtime-context';
import { requestLocale } from './request-locale';

export function registerEffectRoutes(router: Router, runtime: RuntimeContext): void {
  router.get('/api/records/:id/effect', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'read');
    ctx.body = await recordEffect(runtime, ctx.params.id!, requestLocale(ctx));
  });
}
