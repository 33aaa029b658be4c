/**
 * @module The records API: submit (`POST /api/forms/:key/records`, body `{ data, tier?, priority? }`),
 * list (`GET /api/forms/:key/records?filter=&sort=&limit=&cursor=`), read with the timeline
 * (`GET /api/records/:id`), update under `If-Match: <revision>` (`PATCH /api/records/:id`, body
 * `{ data, tier?, priority? }`), move through the flow (`POST /api/records/:id/events`, body
 * `{ type, data?, tier?, priority? }`), assign by hand (`POST /api/records/:id/assign`, body
 * `{ assignee: <user id> | null, reason? }`; `runtime/records/assign-record.ts`) and the SLA clocks (`GET /api/records/:id/sla`). The services in
 * `runtime/records/` do the work; responses carry the revision as `ETag`. The events the caller may
 * send now (`GET /api/records/:id/actions`; `runtime/records/record-actions.ts`) and internal notes
 * (`POST /api/records/:id/notes`, body `{ text }`; `runtime/records/add-note.ts`) serve the record page.
 *
 * Access (`runtime/auth/form-permissions.ts`): anyone may submit to a published form — anonymous callers
 * at most `SUBMIT_RATE_LIMIT` per IP and form (429 beyond), signed-in ones with `create`. Reading needs
 * `read-all`, or `read-own` for records the caller created or is assigned to (another's record is 404);
 * PATCH, events, assign and notes need `update` as well, and an event the transition's `meta.roles` (the engine checks;
 * admins are not restricted). API tokens need `records:read` / `records:write`.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { currentUser } from '../auth/access';
import { requireCreate, requireListAccess, requireRecordAccess } from '../auth/form-permissions';
import { createRateLimiter, rateLimit, type RateLimit } from '../auth/rate-limit';
import {
  listRecords,
  readRecord,
  readRecordSla,
  sendRecordEvent,
  submitRecord,
  updateRecord,
  type Actor,
} from '../records/record-service';
import { addNote, noteTextOf } from '../records/add-note';
import { assignInputOf, assignRecord } from '../records/assign-record';
import { recordActions } from '../records/record-actions';
import type { RuntimeContext } from '../runtime-context';
import { UserError } from './errors';
import { requestLocale } from './request-locale';

/** Anonymous submissions per client IP and form. */
export const SUBMIT_RATE_LIMIT: RateLimit = { limit: 30, windowMs: 60_000 };

/**
 * The user an auth middleware put on `ctx.state` (id and roles), if any. An admin's roles are left out,
 * so the flow does not restrict them (admin passes every role check).
 */
function actorOf(ctx: Context): Actor {
  const user = (ctx.state as { user?: { id?: unknown; roles?: unknown } }).user;
  if (!user) return { id: null };
  const id = typeof user.id === 'string' ? user.id : null;
  const roles = Array.isArray(user.roles) ? user.roles.filter((r): r is string => typeof r === 'string') : [];
  return roles.includes('admin') ? { id } : { id, roles };
}

function objectBody(ctx: Context): Record<string, unknown> {
  const body: unknown = ctx.request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UserError(400, 'bad-request', 'The body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function dataOf(body: Record<string, unknown>, required: boolean): Record<string, unknown> | undefined {
  const data = body.data;
  if (data === undefined && !required) return undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError(400, 'bad-request', '`data` must be an object of field values', [
      { code: 'bad-request', path: '/data', message: 'Expected an object' },
    ]);
  }
  return data as Record<string, unknown>;
}

function overridesOf(body: Record<string, unknown>): { tier?: string; priority?: string } {
  const out: { tier?: string; priority?: string } = {};
  for (const key of ['tier', 'priority'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw new UserError(400, 'bad-request', `\`${key}\` must be a string`, [
        { code: 'bad-request', path: `/${key}`, message: 'Expected a string' },
      ]);
    }
    out[key] = value;
  }
  return out;
}

/** The revision of `If-Match` (`3`, `"3"` or `W/"3"`); 428 without it. */
function ifMatchRevision(ctx: Context): number {
  const raw = ctx.get('If-Match').trim();
  if (raw === '') {
    throw new UserError(
      428,
      'precondition-required',
      'Send `If-Match: <revision>` with the revision you read',
    );
  }
  const match = /^(?:W\/)?"?([0-9]{1,9})"?$/.exec(raw);
  if (!match) throw new UserError(400, 'bad-request', '`If-Match` must be a record revision number');
  return Number(match[1]);
}

function respond(ctx: Context, status: number, record: { revision: number }) {
  ctx.status = status;
  ctx.set('ETag', `"${record.revision}"`);
  ctx.body = record;
}

const stringParam = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function registerRecordRoutes(
  router: Router,
  runtime: RuntimeContext,
  options: { submitRateLimit?: RateLimit } = {},
): void {
  const anonymousLimit = rateLimit(
    createRateLimiter(runtime.clock, options.submitRateLimit ?? SUBMIT_RATE_LIMIT),
  );
  const limitAnonymous = (ctx: Context, next: () => Promise<void>) =>
    currentUser(ctx) ? next() : anonymousLimit(ctx, next);

  router.post('/api/forms/:key/records', limitAnonymous, async (ctx) => {
    await requireCreate(runtime, ctx, ctx.params.key!);
    const body = objectBody(ctx);
    const record = await submitRecord(
      runtime,
      ctx.params.key!,
      { data: dataOf(body, true), ...overridesOf(body) },
      actorOf(ctx),
      requestLocale(ctx),
    );
    ctx.set('Location', `/api/records/${record.id}`);
    respond(ctx, 201, record);
  });

  router.get('/api/forms/:key/records', async (ctx) => {
    const { user, onlyOwn } = await requireListAccess(runtime, ctx, ctx.params.key!);
    ctx.body = await listRecords(runtime, ctx.params.key!, {
      ...(onlyOwn ? { onlyFor: user.id } : {}),
      filter: stringParam(ctx.query.filter),
      sort: stringParam(ctx.query.sort),
      limit: stringParam(ctx.query.limit),
      cursor: stringParam(ctx.query.cursor),
    });
  });

  router.get('/api/records/:id', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'read');
    respond(ctx, 200, await readRecord(runtime, ctx.params.id!, { timeline: true }));
  });

  router.patch('/api/records/:id', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'update');
    const revision = ifMatchRevision(ctx);
    const body = objectBody(ctx);
    const record = await updateRecord(
      runtime,
      ctx.params.id!,
      revision,
      { data: dataOf(body, true)!, ...overridesOf(body) },
      actorOf(ctx),
      requestLocale(ctx),
    );
    respond(ctx, 200, record);
  });

  router.post('/api/records/:id/events', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'update');
    const body = objectBody(ctx);
    if (typeof body.type !== 'string' || body.type === '') {
      throw new UserError(400, 'bad-request', '`type` must name the event', [
        { code: 'bad-request', path: '/type', message: 'Expected the event name' },
      ]);
    }
    const data = dataOf(body, false);
    const record = await sendRecordEvent(
      runtime,
      ctx.params.id!,
      { type: body.type, ...(data ? { data } : {}), ...overridesOf(body) },
      actorOf(ctx),
      requestLocale(ctx),
    );
    respond(ctx, 200, record);
  });

  router.post('/api/records/:id/assign', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'update');
    const input = assignInputOf(objectBody(ctx));
    respond(ctx, 200, await assignRecord(runtime, ctx.params.id!, input, actorOf(ctx)));
  });

  router.get('/api/records/:id/sla', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'read');
    ctx.body = await readRecordSla(runtime, ctx.params.id!);
  });

  router.get('/api/records/:id/actions', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'read');
    // Sending an event needs `update` on the form: without it there is nothing to offer.
    const mayUpdate = await requireRecordAccess(runtime, ctx, ctx.params.id!, 'update').then(
      () => true,
      (err: unknown) => {
        if (err instanceof UserError && err.status === 403) return false;
        throw err;
      },
    );
    ctx.body = { items: mayUpdate ? await recordActions(runtime, ctx.params.id!, actorOf(ctx).roles) : [] };
  });

  router.post('/api/records/:id/notes', async (ctx) => {
    await requireRecordAccess(runtime, ctx, ctx.params.id!, 'update');
    const text = noteTextOf(objectBody(ctx));
    ctx.status = 201;
    ctx.body = await addNote(runtime, ctx.params.id!, text, actorOf(ctx));
  });
}
