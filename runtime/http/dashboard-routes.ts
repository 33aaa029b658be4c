/**
 * @module Dashboard data over HTTP (the definitions themselves are `definition-routes.ts`'s):
 * `GET /api/dashboards/:key/data?filters=<JSON>&locale=` runs the published dashboard,
 * `POST /api/dashboards/query` `{ dashboard, filters?, locale? }` an unsaved one (422 with issues when
 * it is invalid); both for the readers of reports (`REPORT_READER_ROLES`, API tokens `reports:read`).
 * Read-only links: `POST /api/dashboards/:key/links` → 201 with the token (shown once),
 * `GET …/links`, `DELETE …/links/:id` → 204, for managers and designers (admins pass; API tokens
 * `dashboards:write` / `dashboards:read`). `GET /api/shared-dashboards/:token/data` is public: it ignores
 * who is signed in, answers only card results and filter choices, and is rate-limited per client IP.
 * None of these paths collides with the definition routes (`/:key`, `/:key/publish`, `/:key/versions`),
 * so registration order does not matter. The work is in `runtime/dashboards/`.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { requireRole, requireScope } from '../auth/access';
import { createRateLimiter, rateLimit, type RateLimit } from '../auth/rate-limit';
import { createDashboardLink, listDashboardLinks, revokeDashboardLink } from '../dashboards/dashboard-links';
import {
  publishedDashboard,
  publishedDashboardData,
  queryDashboard,
  sharedDashboardData,
} from '../dashboards/dashboard-service';
import type { RuntimeContext } from '../runtime-context';
import { invalid } from './errors';
import { REPORT_READER_ROLES } from './report-routes';
import { requestLocale } from './request-locale';

/** Who may make and revoke read-only links: publishing data to anyone with the address is a manager's call. */
export const DASHBOARD_LINK_ROLES = ['manager', 'designer'];

/**
 * Public dashboard reads per client IP, over every link: a wall screen refreshing each 30 s uses 2 a
 * minute, a viewer trying filters a few more; counting across links also bounds token guessing.
 */
export const SHARED_DASHBOARD_RATE_LIMIT: RateLimit = { limit: 120, windowMs: 60_000 };

function canReadDashboards(ctx: Context): void {
  requireRole(ctx, ...REPORT_READER_ROLES);
  requireScope(ctx, 'reports:read');
}

function canManageLinks(ctx: Context, scope: 'dashboards:read' | 'dashboards:write'): string | null {
  requireRole(ctx, ...DASHBOARD_LINK_ROLES);
  return requireScope(ctx, scope).id;
}

/** `?filters=` once, as JSON text (the parser says what is wrong with the text). */
function filtersParam(ctx: Context): string | undefined {
  const raw = ctx.query.filters;
  if (Array.isArray(raw)) {
    throw invalid(
      [{ code: 'invalid-filters', path: '/filters', message: 'Send `filters` once, as one JSON object' }],
      'The filter values are invalid',
    );
  }
  return raw;
}

export function registerDashboardRoutes(
  router: Router,
  runtime: RuntimeContext,
  options: { sharedRateLimit?: RateLimit } = {},
): void {
  const sharedLimit = rateLimit(
    createRateLimiter(runtime.clock, options.sharedRateLimit ?? SHARED_DASHBOARD_RATE_LIMIT),
    (ctx) => `${ctx.ip} shared-dashboards`,
  );

  router.post('/api/dashboards/query', async (ctx) => {
    canReadDashboards(ctx);
    const body = (ctx.request.body ?? {}) as { locale?: unknown };
    ctx.body = await queryDashboard(runtime, ctx.request.body, requestLocale(ctx, body.locale));
  });

  router.get('/api/dashboards/:key/data', async (ctx) => {
    canReadDashboards(ctx);
    ctx.body = await publishedDashboardData(runtime, ctx.params.key!, filtersParam(ctx), requestLocale(ctx));
  });

  router.post('/api/dashboards/:key/links', async (ctx) => {
    const actor = canManageLinks(ctx, 'dashboards:write');
    const key = ctx.params.key!;
    // A link to a dashboard with nothing published would only ever show 404.
    await publishedDashboard(runtime, key);
    ctx.status = 201;
    ctx.body = await createDashboardLink(runtime, key, actor);
  });

  router.get('/api/dashboards/:key/links', async (ctx) => {
    canManageLinks(ctx, 'dashboards:read');
    ctx.body = { items: await listDashboardLinks(runtime, ctx.params.key!) };
  });

  router.delete('/api/dashboards/:key/links/:id', async (ctx) => {
    const actor = canManageLinks(ctx, 'dashboards:write');
    await revokeDashboardLink(runtime, ctx.params.key!, ctx.params.id!, actor);
    ctx.status = 204;
  });

  router.get('/api/shared-dashboards/:token/data', sharedLimit, async (ctx) => {
    // The same answer whoever asks (a session is not consulted): the link shows what it shows, no more.
    // Not kept by shared caches: the token in the address is the only key to the data.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await sharedDashboardData(runtime, ctx.params.token!, filtersParam(ctx), requestLocale(ctx));
  });
}
