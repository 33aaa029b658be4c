/**
 * @module The definitions API, the same shape for every kind: `GET/POST /api/<kind>s`,
 * `GET/PUT /api/<kind>s/:key` (`?version=N` for a published version), `POST …/:key/publish` and
 * `GET …/:key/versions`. The `DefinitionStore` checks and versions; these routes only translate.
 *
 * Reading needs a signed-in user (`definitions:read` for API tokens); writing and publishing the role
 * `designer` (admins pass) and `definitions:write`. One exception: anyone may read a published form
 * (`GET /api/forms/:key`), as customers fill forms from a link — they get its published version only,
 * without the draft or who wrote it.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { validateDefinition, type Issue } from '../../engine';
import { currentUser, requireRole, requireScope } from '../auth/access';
import { DefinitionStore, type StoredDefinition, type StoredKind } from '../definitions/definition-store';
import type { RuntimeContext } from '../runtime-context';
import { invalid, UserError } from './errors';

/** The URL path of each stored kind. */
export const DEFINITION_PATHS: Record<StoredKind, string> = {
  form: 'forms',
  flow: 'flows',
  rule: 'rules',
  report: 'reports',
  dashboard: 'dashboards',
  calendar: 'calendars',
};

function actorOf(ctx: Context): string | null {
  return (ctx.state as { user?: { id?: string } }).user?.id ?? null;
}

function objectBody(ctx: Context, kind: StoredKind): Record<string, unknown> {
  const body: unknown = ctx.request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UserError(400, 'bad-request', `The body must be a ${kind} definition (a JSON object)`);
  }
  return body as Record<string, unknown>;
}

function versionParam(ctx: Context): number | undefined {
  const raw = ctx.query.version;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,8}$/.test(raw)) {
    throw new UserError(400, 'bad-request', '`version` must be a published version number (1, 2, …)');
  }
  return Number(raw);
}

/** What the API shows of one stored definition. */
function view(def: StoredDefinition) {
  return {
    kind: def.kind,
    key: def.key,
    version: def.version,
    status: def.status,
    app: def.app,
    hash: def.hash,
    createdBy: def.createdBy,
    createdAt: def.createdAt,
    body: def.body,
  };
}

/** What anonymous callers see of a published form: the version they fill in, nothing else. */
function publicView(def: StoredDefinition) {
  return { kind: def.kind, key: def.key, version: def.version, status: def.status, body: def.body };
}

const canRead = (ctx: Context) => requireScope(ctx, 'definitions:read');
/**
 * Designers write every kind; managers also write reports and dashboards, since assembling the KPI
 * views they read is their job (DESIGN.md, who uses it), while forms, flows and rules stay with designers.
 */
const MANAGER_KINDS: ReadonlySet<StoredKind> = new Set(['report', 'dashboard']);
const canWrite = (ctx: Context, kind: StoredKind) => {
  if (MANAGER_KINDS.has(kind)) requireRole(ctx, 'designer', 'manager');
  else requireRole(ctx, 'designer');
  return requireScope(ctx, 'definitions:write');
};

/** A new definition must say its key; the other issues of the document are reported with it. */
function missingKey(kind: StoredKind, body: Record<string, unknown>): UserError {
  const issues: Issue[] = validateDefinition(kind, body);
  if (!issues.some((i) => i.path === '/key')) {
    issues.unshift({
      code: 'missing-key',
      path: '/key',
      params: { key: 'key' },
      message: 'Required property "key" is missing',
    });
  }
  return invalid(issues, `The ${kind} definition has problems`);
}

export function registerDefinitionRoutes(router: Router, runtime: RuntimeContext): void {
  const store = new DefinitionStore(runtime);
  for (const [kind, plural] of Object.entries(DEFINITION_PATHS) as [StoredKind, string][]) {
    const base = `/api/${plural}`;

    router.get(base, async (ctx) => {
      canRead(ctx);
      ctx.body = { items: await store.list(kind) };
    });

    router.post(base, async (ctx) => {
      canWrite(ctx, kind);
      const body = objectBody(ctx, kind);
      if (typeof body.key !== 'string') throw missingKey(kind, body);
      const saved = await store.saveDraft(kind, body.key, body, actorOf(ctx), { mustBeNew: true });
      ctx.status = 201;
      ctx.set('Location', `${base}/${encodeURIComponent(saved.key)}`);
      ctx.body = view(saved);
    });

    router.get(`${base}/:key`, async (ctx) => {
      const version = versionParam(ctx);
      const key = ctx.params.key as string;
      if (kind === 'form' && !currentUser(ctx)) {
        ctx.body = publicView(await store.getPublished(kind, key, version));
        return;
      }
      canRead(ctx);
      ctx.body = view(
        version === undefined
          ? await store.getCurrent(kind, key)
          : await store.getPublished(kind, key, version),
      );
    });

    router.put(`${base}/:key`, async (ctx) => {
      canWrite(ctx, kind);
      const body = objectBody(ctx, kind);
      ctx.body = view(await store.saveDraft(kind, ctx.params.key as string, body, actorOf(ctx)));
    });

    router.post(`${base}/:key/publish`, async (ctx) => {
      canWrite(ctx, kind);
      ctx.body = view(await store.publish(kind, ctx.params.key as string, actorOf(ctx)));
    });

    router.get(`${base}/:key/versions`, async (ctx) => {
      canRead(ctx);
      const versions = await store.versions(kind, ctx.params.key as string);
      ctx.body = { items: versions.map(({ body: _body, ...summary }) => summary) };
    });
  }
}
