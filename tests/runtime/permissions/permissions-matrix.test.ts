/**
 * Who may do what, endpoint × caller (admin, designer, manager, agent, viewer, engineer, anonymous, an
 * API token with `records:read` only) × the agent's own / assigned / someone else's record, from the
 * table in tests/fixtures/permissions/matrix.json. `sla-ticket` has no app roles (the defaults of
 * `runtime/auth/form-permissions.ts`); `ticket` belongs to the engine tour's app and its roles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { importApp } from '../../../runtime/apps/import-app';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { submitRecord } from '../../../runtime/records/record-service';
import { createUserAndLogin, startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { publishSlaTicket, tourBundle } from '../records/record-fixtures';

type Expected = number | [number, string[]] | Record<string, number>;
interface Case {
  call: string;
  body?: string;
  draft?: string;
  expect: Record<string, Expected>;
}

const matrix = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/permissions/matrix.json'), 'utf8'),
) as { payloads: Record<string, unknown>; cases: Case[] };

const FORMS = ['sla-ticket', 'ticket'] as const;
const KINDS = ['own', 'assigned', 'other'] as const;
const ROLES = ['admin', 'designer', 'manager', 'agent', 'viewer', 'engineer'] as const;

interface Row {
  call: string;
  body?: string;
  draft?: string;
  caller: string;
  kind?: string;
  status: number;
  sees?: string[];
}

/** One row per request: the call, who makes it, which seeded record, what must come back. */
const rows: Row[] = matrix.cases.flatMap(({ call, body, draft, expect: byCaller }) =>
  Object.entries(byCaller).flatMap(([caller, expected]): Row[] =>
    typeof expected === 'object' && !Array.isArray(expected)
      ? Object.entries(expected).map(([kind, status]) => ({ call, body, draft, caller, kind, status }))
      : Array.isArray(expected)
        ? [{ call, body, draft, caller, status: expected[0], sees: expected[1] }]
        : [{ call, body, draft, caller, status: expected }],
  ),
);

describe.each(DIALECTS)('permissions on %s', (dialect) => {
  let h: Harness;
  const headers: Record<string, Record<string, string>> = { anonymous: {} };
  const ids: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness(dialect);
    await importApp(h.runtime, tourBundle, null);
    await publishSlaTicket(h.runtime);
    const store = new DefinitionStore(h.runtime);
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
    const { token } = await createApiToken(h.runtime, userIds.admin!, {
      name: 'reader',
      scopes: ['records:read'],
    });
    headers.token = { authorization: `Bearer ${token}` };

    // own: created by the agent; assigned: the second agent's, assigned to the agent; other: the second agent's.
    const owners = { own: ['agent', null], assigned: ['agent2', 'agent'], other: ['agent2', null] } as const;
    for (const form of FORMS) {
      const data = (matrix.payloads[form] as { data: unknown }).data;
      for (const kind of KINDS) {
        const record = await submitRecord(h.runtime, form, { data }, { id: null });
        const [creator, assignee] = owners[kind];
        await h.db
          .knex('records')
          .where({ id: record.id })
          .update({ created_by: userIds[creator], assignee: assignee ? userIds[assignee] : null });
        ids[`${form}:${kind}`] = record.id;
      }
    }
  });
  afterAll(() => h?.close());

  it.each(rows)(
    '$call as $caller ($kind) → $status',
    async ({ call, body, draft, caller, kind, status, sees }) => {
      if (draft) {
        const form = {
          ...(matrix.payloads.form as object),
          key: draft,
          title: { en: `${draft} for ${caller}` },
        };
        await new DefinitionStore(h.runtime).saveDraft('form', draft, form, null);
      }
      const [method, template] = call.split(' ') as [string, string];
      const form = /\{([a-z-]+)\}/.exec(template)?.[1];
      const id = form && kind ? ids[`${form}:${kind}`]! : undefined;
      const url = id ? template.replace(`{${form}}`, id) : template;
      const extra: Record<string, string> = {};
      if (method === 'PATCH' && id) {
        const row = await h.db.knex('records').where({ id }).first();
        extra['if-match'] = String(row.revision);
      }
      const res = await h.request({
        method: method as 'GET',
        url,
        headers: { ...headers[caller], ...extra },
        ...(body ? { payload: matrix.payloads[body] as object } : {}),
      });
      expect([call, caller, kind, res.status]).toEqual([call, caller, kind, status]);
      if (sees) {
        const listed = new Set((res.body.items as { id: string }[]).map((r) => r.id));
        const listForm = template.split('/')[3]!;
        expect(KINDS.filter((k) => listed.has(ids[`${listForm}:${k}`]!))).toEqual(sees);
      }
    },
  );

  it('shows anonymous callers only the published form, without the draft or its authors', async () => {
    const store = new DefinitionStore(h.runtime);
    const draft = {
      ...(tourBundle.forms![0] as unknown as Record<string, unknown>),
      description: { en: 'Draft' },
    };
    await store.saveDraft('form', 'ticket', draft, userIds.designer!);
    const anonymous = await h.request({ method: 'GET', url: '/api/forms/ticket' });
    expect(anonymous.status).toBe(200);
    expect(Object.keys(anonymous.body).sort()).toEqual(['body', 'key', 'kind', 'status', 'version']);
    expect(anonymous.body).toMatchObject({ status: 'published', version: 1 });
    expect(anonymous.body.body.description).not.toEqual({ en: 'Draft' });
    const designer = await h.request({ method: 'GET', url: '/api/forms/ticket', headers: headers.designer });
    expect(designer.body).toMatchObject({ status: 'draft', body: { description: { en: 'Draft' } } });
  });

  it('needs the CSRF token for a cookie write', async () => {
    const { cookie } = headers.agent as { cookie: string };
    const res = await h.request({
      method: 'POST',
      url: '/api/forms/sla-ticket/records',
      headers: { cookie },
      payload: matrix.payloads['sla-ticket'] as object,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
  });

  it('limits anonymous submissions per IP and form to 30 a minute, not signed-in ones', async () => {
    const submit = (remoteAddress: string, extra: Record<string, string> = {}) =>
      h.request({
        method: 'POST',
        url: '/api/forms/sla-ticket/records',
        remoteAddress,
        headers: extra,
        payload: matrix.payloads['sla-ticket'] as object,
      });
    for (let i = 0; i < 30; i++) expect((await submit('203.0.113.7')).status).toBe(201);
    const limited = await submit('203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate-limited');
    expect(limited.headers['retry-after']).toBe('60');
    expect((await submit('203.0.113.8')).status).toBe(201);
    expect((await submit('203.0.113.7', headers.agent)).status).toBe(201);
    h.clock.advanceMinutes(1);
    expect((await submit('203.0.113.7')).status).toBe(201);
  });
});
