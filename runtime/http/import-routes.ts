/**
 * @module The bulk import API: `POST /api/forms/:key/import[?dryRun=1&timeZone=…&locale=…]` with the file
 * as the raw body (`Content-Type: text/csv` or the XLSX type) → 202 `{ job }`, the job stored with its
 * file and started in the background (the import worker finishes it should this process stop);
 * `GET /api/jobs/:id` → the job with its progress, to its creator or an admin (404 to anyone
 * else; API tokens need `records:read` or `records:write`). Importing needs the role designer, manager
 * or admin and, for API tokens, `records:write`.
 * The JSON body parser leaves these content types alone, so the body is read here, up to a limit (413).
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { isValidTimeZone } from '../../engine';
import { hasRole, requireRole, requireScope, requireUser } from '../auth/access';
import { scopesCover } from '../auth/scopes';
import { DEFAULT_IMPORT_TIME_ZONE, startImportJob } from '../imports/import-job';
import { readJob } from '../imports/job-store';
import { isOle, isZip, type ImportFormat } from '../imports/read-sheet';
import type { RuntimeContext } from '../runtime-context';
import { notFound, UserError } from './errors';
import { requestLocale } from './request-locale';
import { readUpload } from './read-upload';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * Largest file accepted by default: 64 MB — a busy centre's year of tickets (100,000 rows with zh-CN
 * labels make about 30 MB of CSV) fits in one upload.
 */
export const DEFAULT_IMPORT_LIMIT = 64 * 1024 * 1024;

export interface ImportRouteOptions {
  maxBytes?: number;
}

/** The file's format from its content type, sniffing the bytes where browsers send a vague one. */
function formatOf(ctx: Context, file: Buffer): ImportFormat {
  const type = (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase();
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/plain') return 'csv';
  // Windows browsers send .csv files as application/vnd.ms-excel.
  if (type === 'application/vnd.ms-excel' || type === 'application/octet-stream') {
    if (isOle(file)) {
      throw new UserError(
        400,
        'unreadable-file',
        'Legacy .xls files are not supported; save the sheet as .xlsx or CSV',
      );
    }
    return isZip(file) ? 'xlsx' : 'csv';
  }
  throw new UserError(
    415,
    'unsupported-media-type',
    `Send the file as the body with Content-Type text/csv or ${XLSX_TYPE}`,
  );
}

function flag(value: unknown): boolean {
  return typeof value === 'string' && ['1', 'true', 'yes'].includes(value.toLowerCase());
}

function timeZoneOf(ctx: Context): string {
  const zone = ctx.query.timeZone;
  if (zone === undefined) return DEFAULT_IMPORT_TIME_ZONE;
  if (typeof zone !== 'string' || !isValidTimeZone(zone)) {
    throw new UserError(400, 'bad-request', '`timeZone` must be an IANA time zone such as Asia/Shanghai', [
      { code: 'bad-request', path: '/timeZone', message: 'Expected an IANA time zone' },
    ]);
  }
  return zone;
}

export function registerImportRoutes(
  router: Router,
  runtime: RuntimeContext,
  options: ImportRouteOptions = {},
): void {
  const limit = options.maxBytes ?? DEFAULT_IMPORT_LIMIT;

  router.post('/api/forms/:key/import', async (ctx) => {
    const user = requireRole(ctx, 'designer', 'manager');
    requireScope(ctx, 'records:write');
    const timeZone = timeZoneOf(ctx);
    const file = await readUpload(ctx, limit);
    const format = formatOf(ctx, file);
    if (file.length === 0)
      throw new UserError(400, 'empty-file', 'The request body is empty; send the file as the body');
    if (format === 'xlsx' && !isZip(file)) {
      throw new UserError(400, 'unreadable-file', 'The body is not an XLSX workbook');
    }
    const job = await startImportJob(runtime, {
      formKey: ctx.params.key!,
      file,
      format,
      dryRun: flag(ctx.query.dryRun),
      actor: { id: user.id, roles: user.roles },
      locale: requestLocale(ctx),
      timeZone,
    });
    ctx.status = 202;
    ctx.set('Location', `/api/jobs/${job.id}`);
    ctx.body = { job };
  });

  router.get('/api/jobs/:id', async (ctx) => {
    const user = requireUser(ctx);
    // A job's per-row issues quote the imported rows: record data, not for a token without a records scope.
    if (user.via === 'token' && !['records:read', 'records:write'].some((s) => scopesCover(user.scopes, s)))
      throw new UserError(403, 'insufficient-scope', 'The API token lacks the scope "records:read"');
    const job = await readJob(runtime, ctx.params.id!);
    if (job.createdBy !== user.id && !hasRole(user, 'admin')) throw notFound(`Job "${ctx.params.id}"`);
    ctx.body = { job };
  });
}
