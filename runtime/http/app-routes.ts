/**
 * @module Whole app bundles in and out: `POST /api/apps/import` (all parts stored and published, or
 * nothing) and `GET /api/apps/:app/export`. The work is in `runtime/apps/`, shared with the CLI.
 * Both need the role `designer` (admins pass); API tokens `apps:write` / `apps:read`.
 */
import type Router from '@koa/router';
import { requireRole, requireScope } from '../auth/access';
import { exportApp } from '../apps/export-app';
import { importApp } from '../apps/import-app';
import type { RuntimeContext } from '../runtime-context';

export function registerAppRoutes(router: Router, runtime: RuntimeContext): void {
  router.post('/api/apps/import', async (ctx) => {
    requireRole(ctx, 'designer');
    requireScope(ctx, 'apps:write');
    const actor = (ctx.state as { user?: { id?: string } }).user?.id ?? null;
    ctx.status = 201;
    ctx.body = await importApp(runtime, ctx.request.body, actor);
  });

  router.get('/api/apps/:app/export', async (ctx) => {
    requireRole(ctx, 'designer');
    requireScope(ctx, 'apps:read');
    const app = ctx.params.app as string;
    const bundle = await exportApp(runtime, app);
    ctx.set('Content-Disposition', `attachment; filename="${app.replace(/[^A-Za-z0-9_.-]/g, '_')}.app.json"`);
    ctx.body = bundle;
  });
}
