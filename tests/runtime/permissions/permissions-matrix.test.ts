/**
 * Who may do what: every operation of the OpenAPI document × caller (admin, designer, manager, agent,
 * viewer, engineer, anonymous, an admin's API token with `records:read` only and one with
 * `definitions:read` only) × the agent's own / assigned / someone else's record (or token, notification,
 * job) where the operation addresses one, from the table in tests/fixtures/permissions/matrix.json.
 * A route the document lists without a row in the table fails here, by name. `sla-ticket` has no app
 * roles (the defaults of `runtime/auth/form-permissions.ts`); `ticket` belongs to the engine tour's app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import {
  buildWorld,
  CALLERS,
  expectedByCaller,
  kindedPlaceholder,
  matrix,
  matrixRows,
  openApiOperations,
  operationOf,
  PLACEHOLDER_KINDS,
  type World,
} from './permission-world';
import { tourBundle } from '../records/record-fixtures';

const KINDS = ['own', 'assigned', 'other'] as const;
const rows = matrixRows();

describe('the permission matrix', () => {
  const operations = openApiOperations();

  it('has a case for every operation of the OpenAPI document', () => {
    const covered = new Set(matrix.cases.map((c) => operationOf(c.call, operations)));
    expect(operations.filter((operation) => !covered.has(operation))).toEqual([]);
  });

  it('names only operations the document lists', () => {
    expect(matrix.cases.filter((c) => !operationOf(c.call, operations)).map((c) => c.call)).toEqual([]);
  });

  it('says what every caller gets, for every kind of record or item the call addresses', () => {
    const gaps = matrix.cases.flatMap((c) => {
      const byCaller = expectedByCaller(c);
      const kinds = PLACEHOLDER_KINDS[kindedPlaceholder(c.call) ?? ''] ?? [];
      return CALLERS.flatMap((caller) => {
        const expected = byCaller.get(caller);
        if (expected === undefined) return [`${c.call}: ${caller}`];
        if (typeof expected !== 'object' || Array.isArray(expected)) return [];
        return kinds.filter((kind) => !(kind in expected)).map((kind) => `${c.call}: ${caller} (${kind})`);
      });
    });
    expect(gaps).toEqual([]);
  });
});

describe.each(DIALECTS)('permissions on %s', (dialect) => {
  let h: Harness;
  let world: World;

  beforeAll(async () => {
    h = await startHarness(dialect);
    world = await buildWorld(h);
  });
  afterAll(() => h?.close());

  it.each(rows)('$call as $caller ($kind) → $status', async (row) => {
    const res = await h.request(await world.requestOf(row));
    if (row.case.relogin) await world.relogin(row.caller);
    expect([row.call, row.caller, row.kind, res.status]).toEqual([
      row.call,
      row.caller,
      row.kind,
      row.status,
    ]);
    if (row.sees) {
      const listed = new Set(((res.body.items ?? res.body.records) as { id: string }[]).map((r) => r.id));
      const listForm = row.case.form ?? row.call.split('/')[3]!;
      expect(KINDS.filter((k) => listed.has(world.records[`${listForm}:${k}`]!))).toEqual(row.sees);
    }
  });

  it('shows anonymous callers only the published form, without the draft or its authors', async () => {
    const draft = {
      ...(tourBundle.forms![0] as unknown as Record<string, unknown>),
      description: { en: 'Draft' },
    };
    await new DefinitionStore(h.runtime).saveDraft('form', 'ticket', draft, world.userIds.designer!);
    const anonymous = await h.request({ method: 'GET', url: '/api/forms/ticket' });
    expect(anonymous.status).toBe(200);
    expect(Object.keys(anonymous.body).sort()).toEqual(['body', 'key', 'kind', 'status', 'version']);
    expect(anonymous.body).toMatchObject({ status: 'published', version: 1 });
    expect(anonymous.body.body.description).not.toEqual({ en: 'Draft' });
    const designer = await h.request({
      method: 'GET',
      url: '/api/forms/ticket',
      headers: world.headers.designer,
    });
    expect(designer.body).toMatchObject({ status: 'draft', body: { description: { en: 'Draft' } } });
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
    expect((await submit('203.0.113.7', world.headers.agent)).status).toBe(201);
    h.clock.advanceMinutes(1);
    expect((await submit('203.0.113.7')).status).toBe(201);
  });
});
