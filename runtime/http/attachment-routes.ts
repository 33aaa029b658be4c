/**
 * @module The attachments API. `POST /api/attachments?name=<file name>[&form=<key>]` with the file as
 * the raw body and its `Content-Type` → 201 `{ hash, name, size, contentType }`, the value an attachment
 * field stores per file (413 past the size limit, 415 for a type off the allow-list, 422 when the bytes
 * are not of the declared type). Signed-in callers may upload (`records:write` for API tokens);
 * anonymous ones only for a published form with a file field, named by `form`, and at most
 * `UPLOAD_RATE_LIMIT` per IP (429 beyond). `GET /api/attachments/:hash[?name=&download=1]` → the file
 * with its type and name, to signed-in callers only (`records:read` for API tokens).
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { currentUser, requireScope } from '../auth/access';
import { createRateLimiter, rateLimit, type RateLimit } from '../auth/rate-limit';
import {
  checkContentType,
  readAttachment,
  requirePublicFileForm,
  storeAttachment,
} from '../attachments/attachment-store';
import { contentDisposition, mediaTypeOf, safeFileName, shownInline } from '../attachments/attachment-types';
import { readUpload } from './read-upload';
import type { RuntimeContext } from '../runtime-context';

/** Largest file accepted by default: 10 MB, a phone photo with room to spare. */
export const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;

/** Anonymous uploads per client IP (a form with ten photos, retried a few times). */
export const UPLOAD_RATE_LIMIT: RateLimit = { limit: 60, windowMs: 60_000 };

export interface AttachmentRouteOptions {
  maxBytes?: number;
  uploadRateLimit?: RateLimit;
}

const stringParam = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function registerAttachmentRoutes(
  router: Router,
  runtime: RuntimeContext,
  options: AttachmentRouteOptions = {},
): void {
  const limit = options.maxBytes ?? DEFAULT_ATTACHMENT_LIMIT;
  // One count per IP for every form: uploads are not per form the way submissions are.
  const anonymousLimit = rateLimit(
    createRateLimiter(runtime.clock, options.uploadRateLimit ?? UPLOAD_RATE_LIMIT),
    (ctx) => `${ctx.ip} attachments`,
  );
  const limitAnonymous = (ctx: Context, next: () => Promise<void>) =>
    currentUser(ctx) ? next() : anonymousLimit(ctx, next);

  router.post('/api/attachments', limitAnonymous, async (ctx) => {
    const user = currentUser(ctx) ? requireScope(ctx, 'records:write') : undefined;
    const form = stringParam(ctx.query.form);
    if (!user) await requirePublicFileForm(runtime, form);
    const contentType = mediaTypeOf(ctx.get('Content-Type'));
    checkContentType(contentType);
    const content = await readUpload(ctx, limit);
    const ref = await storeAttachment(runtime, {
      content,
      contentType,
      name: stringParam(ctx.query.name),
      actor: user?.id ?? null,
      ...(form ? { form } : {}),
    });
    ctx.status = 201;
    ctx.set('Location', `/api/attachments/${ref.hash}`);
    ctx.body = ref;
  });

  router.get('/api/attachments/:hash', async (ctx) => {
    requireScope(ctx, 'records:read');
    const file = await readAttachment(runtime, ctx.params.hash!);
    // A record's reference carries its own name; the same bytes may have been uploaded under another.
    const asked = stringParam(ctx.query.name);
    const name = asked ? safeFileName(asked) : file.name;
    const download = ['1', 'true'].includes(stringParam(ctx.query.download) ?? '');
    ctx.set(
      'Content-Disposition',
      contentDisposition(download || !shownInline(file.contentType) ? 'attachment' : 'inline', name),
    );
    ctx.set('X-Content-Type-Options', 'nosniff');
    // Opened in a tab, an uploaded SVG or HTML-looking text must not run anything in our origin.
    ctx.set(
      'Content-Security-Policy',
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
    // Content-addressed: the bytes behind a hash never change.
    ctx.set('Cache-Control', 'private, max-age=31536000, immutable');
    ctx.set('ETag', `"${file.hash}"`);
    ctx.type = file.contentType;
    ctx.length = file.size;
    ctx.body = file.content;
  });
}
