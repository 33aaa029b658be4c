/**
 * @module The world the permission suites call into, and how a row of
 * tests/fixtures/permissions/matrix.json becomes one request: the callers (a session per role,
 * anonymous, and two API tokens of an admin — `records:read` only and `definitions:read` only), the
 * agent's own / assigned / someone else's record of `sla-ticket` (the default form permissions) and of
 * `ticket` (the engine tour's app roles), one published definition of every kind, and the things an
 * operation addresses by id (API tokens, notifications, import jobs, webhooks and their deliveries,
 * dashboard links, an attachment) — made fresh for each row where the call would use them up.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InjectOptions } from 'light-my-request';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { importApp } from '../../../runtime/apps/import-app';
import { storeAttachment } from '../../../runtime/attachments/attachment-store';
import { createDashboardLink } from '../../../runtime/dashboards/dashboard-links';
import { DefinitionStore, type StoredKind } from '../../../runtime/definitions/definition-store';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import { insertJob } from '../../../runtime/imports/job-store';
import { submitRecord } from '../../../runtime/records/record-service';
import { writeJson } from '../../../runtime/storage/json-value';
import { createWebhook } from '../../../runtime/webhooks/webhook-store';
import { AUDIT_DEFINITIONS } from '../audit/audit-fixtures';
import { createUserAndLogin, loginAs, type Harness } from '../../helpers/runtime-harness';
import { publishSlaTicket, tourBundle } from '../records/record-fixtures';

export const ROLES = ['admin', 'designer', 'manager', 'agent', 'viewer', 'engineer'] as const;
/** Every caller each operation is tried by. Both tokens belong to an admin: only their scopes limit them. */
export const CALLERS = [...ROLES, 'anonymous', 'token', 'def-token'] as const;
export const TOKEN_SCOPES: Record<string, string[]> = {
  token: ['records:read'],
  'def-token': ['definitions:read'],
};
export const RECORD_FORMS = ['sla-ticket', 'ticket'] as const;

/**
 * What a placeholder in a call stands for, per kind: a record is the agent's own (created by them),
 * assigned to them (created by a second agent) or another's (the second agent's, unassigned); a token,
 * notification or job is the caller's own (a token caller's is its admin's) or the second agent's.
 */
export const PLACEHOLDER_KINDS: Record<string, readonly string[]> = {
  'sla-ticket': ['own', 'assigned', 'other'],
  ticket: ['own', 'assigned', 'other'],
  token: ['own', 'other'],
  notification: ['own', 'other'],
  job: ['own', 'other'],
  webhook: [],
  delivery: [],
  link: [],
  shared: [],
  hash: [],
};

type Expected = number | [number, string[]] | Record<string, number>;
export interface Case {
  call: string;
  /** A payload name; `definition` is the audit suite's definition of the URL's kind, keyed by its URL. */
  body?: string;
  /** Save this payload as a fresh draft of the URL's definition before the call. */
  draft?: string;
  /** Make the addressed record anew for each row (the call would change who it belongs to). */
  fresh?: boolean;
  /** The call ends the caller's session: sign the caller in again afterwards. */
  relogin?: boolean;
  /** For lists: the form whose seeded records `[status, kinds seen]` speaks of. */
  form?: string;
  expect: Record<string, Expected>;
}

export interface Row {
  call: string;
  caller: string;
  kind?: string;
  status: number;
  sees?: string[];
  case: Case;
}

export const matrix = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/permissions/matrix.json'), 'utf8'),
) as { payloads: Record<string, unknown>; cases: Case[] };

/** The placeholder of a call (`{ticket}`, `{token}`, …) that has kinds, if any. */
export function kindedPlaceholder(call: string): string | undefined {
  return [...call.matchAll(/\{([a-z-]+)\}/g)]
    .map((m) => m[1]!)
    .find((name) => (PLACEHOLDER_KINDS[name] ?? []).length > 0);
}

/** The callers a case names, with `others` standing for every caller it does not name. */
export function expectedByCaller(c: Case): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const caller of CALLERS) {
    const expected = c.expect[caller] ?? c.expect.others;
    if (expected !== undefined) out.set(caller, expected);
  }
  return out;
}

/** One row per request: the call, who makes it, which kind of addressed thing, what must come back. */
export function matrixRows(): Row[] {
  return matrix.cases.flatMap((c) => {
    const placeholder = kindedPlaceholder(c.call);
    return [...expectedByCaller(c)].flatMap(([caller, expected]): Row[] => {
      if (Array.isArray(expected))
        return [{ call: c.call, caller, status: expected[0], sees: expected[1], case: c }];
      if (typeof expected === 'object')
        return Object.entries(expected).map(([kind, status]) => ({
          call: c.call,
          caller,
          kind,
          status,
          case: c,
        }));
      if (placeholder)
        return PLACEHOLDER_KINDS[placeholder]!.map((kind) => ({
          call: c.call,
          caller,
          kind,
          status: expected,
          case: c,
        }));
      return [{ call: c.call, caller, status: expected, case: c }];
    });
  });
}

/** Every operation of the OpenAPI document, as `METHOD /path/{param}`. */
export function openApiOperations(): string[] {
  const paths = (buildOpenApi() as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** The operation of the document a matrix call exercises: the matching path with the fewest parameters. */
export function operationOf(call: string, operations: readonly string[]): string | undefined {
  const [method, url] = call.split(' ') as [string, string];
  const path = url.split('?')[0]!.replace(/\{[a-z-]+\}/g, 'x');
  const segments = path.split('/');
  const matching = operations.filter((operation) => {
    const [opMethod, template] = operation.split(' ') as [string, string];
    const parts = template.split('/');
    return (
      opMethod === method &&
      parts.length === segments.length &&
      parts.every((part, i) => /^\{[^}]+\}$/.test(part) || part === segments[i])
    );
  });
  const params = (op: string) => (op.match(/\{/g) ?? []).length;
  return matching.sort((a, b) => params(a) - params(b))[0];
}

const DEFINITIONS = new Map<string, { kind: StoredKind; body: Record<string, unknown> }>(
  AUDIT_DEFINITIONS.map((d) => [
    d.plural,
    { kind: d.kind, body: d.body as unknown as Record<string, unknown> },
  ]),
);

export interface World {
  h: Harness;
  headers: Record<string, Record<string, string>>;
  userIds: Record<string, string>;
  /** Seeded records by `form:kind`. */
  records: Record<string, string>;
  hash: string;
  /** Makes a request of `row` (creating what it addresses) and returns its options. */
  requestOf(row: Pick<Row, 'call' | 'caller' | 'kind' | 'case'>): Promise<InjectOptions>;
  /** After a row that ended the caller's session: a new one. */
  relogin(caller: string): Promise<void>;
}

const owners = { own: ['agent', null], assigned: ['agent2', 'agent'], other: ['agent2', null] } as const;
let serial = 0;

export async function buildWorld(h: Harness): Promise<World> {
  const headers: Record<string, Record<string, string>> = { anonymous: {} };
  const userIds: Record<string, string> = {};
  const records: Record<string, string> = {};
  const store = new DefinitionStore(h.runtime);

  await importApp(h.runtime, tourBundle, null);
  await publishSlaTicket(h.runtime);
  for (const { kind, body } of DEFINITIONS.values()) {
    await store.saveDraft(kind, body.key as string, body, null);
    await store.publish(kind, body.key as string, null);
  }
  await store.saveDraft(
    'form',
    'draft-only',
    { ...(matrix.payloads.form as object), key: 'draft-only' },
    null,
  );

  for (const role of ROLES) {
    const login = await createUserAndLogin(h, { username: role, roles: [role] });
    headers[role] = login.headers;
    userIds[role] = login.user.id;
  }
  userIds.agent2 = (await createUserAndLogin(h, { username: 'agent2', roles: ['agent'] })).user.id;
  await createUserAndLogin(h, { username: 'matrix-login', roles: ['viewer'] });
  for (const [caller, scopes] of Object.entries(TOKEN_SCOPES)) {
    const { token } = await createApiToken(h.runtime, userIds.admin!, { name: caller, scopes });
    headers[caller] = { authorization: `Bearer ${token}` };
    userIds[caller] = userIds.admin!;
  }

  const makeRecord = async (form: string, kind: keyof typeof owners) => {
    const data = (matrix.payloads[form] as { data: unknown }).data as Record<string, unknown>;
    const record = await submitRecord(h.runtime, form, { data }, { id: null });
    const [creator, assignee] = owners[kind];
    await h.db
      .knex('records')
      .where({ id: record.id })
      .update({ created_by: userIds[creator], assignee: assignee ? userIds[assignee] : null });
    return record.id;
  };
  for (const form of RECORD_FORMS)
    for (const kind of Object.keys(owners) as (keyof typeof owners)[])
      records[`${form}:${kind}`] = await makeRecord(form, kind);

  const hash = (
    await storeAttachment(h.runtime, {
      content: Buffer.from('Matrix attachment'),
      contentType: 'text/plain',
      name: 'matrix.txt',
      actor: userIds.agent!,
    })
  ).hash;

  /** The user a kind of thing belongs to: the caller's own (anonymous has none: the second agent's). */
  const ownerOf = (caller: string, kind: string | undefined) =>
    kind === 'own' && caller !== 'anonymous' ? userIds[caller]! : userIds.agent2!;

  const webhook = async () =>
    (await createWebhook(h.runtime, { url: 'https://example.com/hook', events: ['record.created'] }, null))
      .id;

  const resolvers: Record<string, (caller: string, kind?: string, c?: Case) => Promise<string>> = {
    'sla-ticket': async (_caller, kind, c) =>
      c?.fresh ? makeRecord('sla-ticket', kind as keyof typeof owners) : records[`sla-ticket:${kind}`]!,
    ticket: async (_caller, kind, c) =>
      c?.fresh ? makeRecord('ticket', kind as keyof typeof owners) : records[`ticket:${kind}`]!,
    token: async (caller, kind) =>
      (await createApiToken(h.runtime, ownerOf(caller, kind), { name: 'doomed', scopes: ['records:read'] }))
        .id,
    notification: async (caller, kind) => {
      const [row] = (await h.db
        .knex('notifications')
        .insert({
          user_id: ownerOf(caller, kind),
          type: 'notify',
          body: writeJson({ title: { en: 'Matrix' } }),
          created_at: h.clock.now().getTime(),
        })
        .returning('id')) as ({ id: number } | number)[];
      return String(typeof row === 'object' ? row!.id : row);
    },
    job: async (caller, kind) =>
      (
        await insertJob(h.runtime, {
          id: randomUUID(),
          kind: 'import',
          createdBy: ownerOf(caller, kind),
          result: { form: 'ticket', formVersion: 1, dryRun: true, imported: 0, failed: 0, issuesOmitted: 0 },
        })
      ).id,
    webhook,
    link: async () => (await createDashboardLink(h.runtime, 'audit-dashboard', userIds.manager!)).id,
    shared: async () => (await createDashboardLink(h.runtime, 'audit-dashboard', userIds.manager!)).token,
    hash: async () => hash,
  };

  async function resolveUrl(
    call: string,
    caller: string,
    kind: string | undefined,
    c: Case,
  ): Promise<string> {
    let url = call.split(' ')[1]!;
    // A delivery belongs to its webhook: both made together.
    if (url.includes('{delivery}')) {
      const webhookId = await webhook();
      const deliveryId = randomUUID();
      await h.db.knex('webhook_deliveries').insert({
        id: deliveryId,
        webhook_id: webhookId,
        payload: writeJson({ type: 'record.created' }),
        status: 'failed',
        attempts: 3,
        created_at: h.clock.now().getTime(),
      });
      url = url.replace('{webhook}', webhookId).replace('{delivery}', deliveryId);
    }
    for (const [, name] of url.matchAll(/\{([a-z-]+)\}/g)) {
      const resolve = resolvers[name!];
      if (!resolve) throw new Error(`matrix: unknown placeholder {${name}} in ${call}`);
      url = url.replace(`{${name}}`, encodeURIComponent(await resolve(caller, kind, c)));
    }
    return url;
  }

  function bodyOf(c: Case, url: string): Pick<InjectOptions, 'payload' | 'headers'> {
    if (!c.body) return {};
    if (c.body === 'definition') {
      const plural = url.split('/')[2]!;
      const { body } = DEFINITIONS.get(plural)!;
      const key = url.split('/')[3]?.split('?')[0] ?? `matrix-${plural}-${++serial}`;
      return { payload: { ...body, key } };
    }
    const payload = matrix.payloads[c.body] as Record<string, unknown>;
    if (typeof payload?.$raw === 'string')
      return { payload: payload.$raw, headers: { 'content-type': payload.contentType as string } };
    return { payload: payload as InjectOptions['payload'] };
  }

  return {
    h,
    headers,
    userIds,
    records,
    hash,
    async requestOf({ call, caller, kind, case: c }) {
      const method = call.split(' ')[0] as InjectOptions['method'];
      const url = await resolveUrl(call, caller, kind, c);
      if (c.draft) {
        const [plural, key] = url.split('/').slice(2, 4) as [string, string];
        const { kind: defKind, body } = DEFINITIONS.get(plural)!;
        await store.saveDraft(defKind, key, { ...body, key }, null);
      }
      const extra: Record<string, string> = {};
      const recordId = /^\/api\/records\/([^/?]+)$/.exec(url)?.[1];
      if (method === 'PATCH' && recordId) {
        const row = await h.db.knex('records').where({ id: recordId }).first();
        extra['if-match'] = String(row.revision);
      }
      const body = bodyOf(c, url);
      return {
        method,
        url,
        ...body,
        headers: { ...headers[caller], ...extra, ...(body.headers as Record<string, string>) },
      };
    },
    async relogin(caller) {
      if ((ROLES as readonly string[]).includes(caller)) headers[caller] = (await loginAs(h, caller)).headers;
    },
  };
}
