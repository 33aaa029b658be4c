/**
 * @module Report data over HTTP: `POST /api/reports/query` `{ spec, locale? }` runs an unsaved spec
 * (422 with issues when it is invalid); `GET /api/reports/:key/data` runs the published report;
 * `GET /api/reports/:key/data.csv` downloads its rows (UTF-8 with BOM);
 * `GET /api/reports/:key/data.svg?width=&height=` renders its chart on the server from the same option
 * (404 when the report has no chart; `runtime/reports/report-svg.ts`). Labels (column names, choice
 * options) are in `locale` / `?locale=`, else in the `Accept-Language` language.
 * The GETs take `?asOf=` for backlog-style KPIs. The work is in `runtime/reports/report-service.ts`.
 * All of them need a signed-in manager, designer, agent or viewer (admins pass); API tokens `reports:read`.
 *
 * `POST /api/reports/records` `{ report | spec, point, sharedFilters?, limit? }` lists the records behind
 * a clicked chart point (`runtime/reports/records-behind-point.ts`), newest first. It also needs read
 * access to the source form's records, as the record list does (`records:read` for tokens): `read-all`
 * sees every record behind the point, `read-own` only their own (and `total` counts only those).
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { requireRole, requireScope } from '../auth/access';
import { requireListAccess } from '../auth/form-permissions';
import type { RuntimeContext } from '../runtime-context';
import { parseAsOf, publishedReportData, queryReport, reportCsv } from '../reports/report-service';
import { recordsBehindPoint, recordsBehindRequest, reportSpecOf } from '../reports/records-behind-point';
import { parseSvgSize, renderChartSvg } from '../reports/report-svg';
import { notFound, UserError } from './errors';
import { requestLocale } from './request-locale';

export const REPORT_READER_ROLES = ['manager', 'designer', 'agent', 'viewer'];

function canReadReports(ctx: Context): void {
  requireRole(ctx, ...REPORT_READER_ROLES);
  requireScope(ctx, 'reports:read');
}

export function registerReportRoutes(router: Router, runtime: RuntimeContext): void {
  router.post('/api/reports/query', async (ctx) => {
    canReadReports(ctx);
    const body = (ctx.request.body ?? {}) as { spec?: unknown; locale?: unknown; asOf?: unknown };
    const locale = requestLocale(ctx, body.locale);
    ctx.body = await queryReport(runtime, body.spec, locale, parseAsOf(body.asOf));
  });

  router.post('/api/reports/records', async (ctx) => {
    canReadReports(ctx);
    const body: unknown = ctx.request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new UserError(400, 'bad-request', 'The body must be a JSON object');
    const fields = body as Record<string, unknown>;
    const locale = requestLocale(ctx, fields.locale);
    const spec = await reportSpecOf(runtime, fields, locale);
    const access = await requireListAccess(runtime, ctx, spec.source.form);
    const request = await recordsBehindRequest(runtime, spec, fields, locale);
    ctx.body = await recordsBehindPoint(runtime, request, access.onlyOwn ? access.user.id : undefined);
  });

  router.get('/api/reports/:key/data.csv', async (ctx) => {
    canReadReports(ctx);
    const locale = requestLocale(ctx);
    const result = await publishedReportData(runtime, ctx.params.key!, locale, parseAsOf(ctx.query.asOf));
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${ctx.params.key!}.csv"`);
    ctx.body = reportCsv(result, locale);
  });

  router.get('/api/reports/:key/data.svg', async (ctx) => {
    canReadReports(ctx);
    const size = parseSvgSize(ctx.query.width, ctx.query.height);
    const locale = requestLocale(ctx);
    const result = await publishedReportData(runtime, ctx.params.key!, locale, parseAsOf(ctx.query.asOf));
    if (!result.option) throw notFound(`A chart of report "${ctx.params.key!}"`);
    ctx.set('Content-Type', 'image/svg+xml; charset=utf-8');
    ctx.body = renderChartSvg(result.option, size);
  });

  router.get('/api/reports/:key/data', async (ctx) => {
    canReadReports(ctx);
    const locale = requestLocale(ctx);
    ctx.body = await publishedReportData(runtime, ctx.params.key!, locale, parseAsOf(ctx.query.asOf));
  });
}
