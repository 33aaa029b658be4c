/**
 * Through the API, an authored definition that smuggles in schema keywords, a catastrophic pattern,
 * an operation outside the JSON-Logic whitelist or nesting past the limit is refused with 422 and an
 * issue naming the hostile part; the stored draft stays as it was and no event is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredKind } from '../../../runtime/definitions/definition-store';
import { DEFINITION_PATHS } from '../../../runtime/http/definition-routes';
import { baseDefinition, hostileCases, hostileDocument, tourBundle } from '../../helpers/hostile-definitions';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

describe.each(DIALECTS)('hostile definitions over HTTP on %s', (dialect) => {
  let h: Harness;
  let designer: TestLogin;

  beforeAll(async () => {
    h = await startHarness(dialect);
    designer = await createUserAndLogin(h, { username: 'designer', roles: ['designer'] });
  });
  afterAll(() => h?.close());

  const request = (options: Parameters<Harness['request']>[0]) =>
    h.request({ ...options, headers: { ...designer.headers, ...(options.headers as object) } });

  /** Rows of the tables a refused write must not touch. */
  const stored = async () => ({
    definitions: await h.db
      .knex('definitions')
      .select('kind', 'key', 'version', 'hash')
      .orderBy(['kind', 'key']),
    events: Number((await h.db.knex('events').count({ n: '*' }))[0]!.n),
  });

  it('stores the valid drafts the hostile ones start from', async () => {
    const drafts: [StoredKind, Record<string, any>][] = [
      ['form', tourBundle.forms![1] as Record<string, any>],
      ...(['form', 'flow', 'rule', 'report', 'dashboard', 'calendar'] as const).map(
        (kind) => [kind, baseDefinition(kind)] as [StoredKind, Record<string, any>],
      ),
    ];
    for (const [kind, doc] of drafts) {
      const res = await request({
        method: 'PUT',
        url: `/api/${DEFINITION_PATHS[kind]}/${doc.key}`,
        payload: doc,
      });
      expect(res.status, `${kind} ${doc.key}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it.each(hostileCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const before = await stored();
    const doc = hostileDocument(c);
    const url = `/api/${DEFINITION_PATHS[c.kind]}/${doc.key}`;
    const res = await request({ method: 'PUT', url, payload: doc });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map(({ code, path }: any) => ({ code, path }))).toContainEqual(c.issue);
    expect(await stored()).toEqual(before);
    const current = await request({ method: 'GET', url });
    expect(current.body.body).toEqual(baseDefinition(c.kind));
  });

  it('refuses a new definition with a hostile part, creating nothing', async () => {
    const before = await stored();
    const doc = { ...hostileDocument(hostileCases[0]!), key: 'smuggled' };
    const res = await request({ method: 'POST', url: '/api/forms', payload: doc });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: any) => `${i.code} ${i.path}`)).toContain(
      'unsafe-pattern /fields/14/pattern',
    );
    expect(await stored()).toEqual(before);
    expect((await request({ method: 'GET', url: '/api/forms/smuggled' })).status).toBe(404);
  });

  it('refuses an app bundle with a hostile part, importing none of it', async () => {
    const before = await stored();
    const bundle = structuredClone(tourBundle) as Record<string, any>;
    bundle.key = 'smuggling-app';
    bundle.rules[0] = hostileDocument(hostileCases.find((c) => c.name.startsWith('rule condition calling'))!);
    const res = await request({ method: 'POST', url: '/api/apps/import', payload: bundle });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: any) => `${i.code} ${i.path}`)).toContain(
      'unknown-operation /rules/0/condition/or/1/method',
    );
    expect(await stored()).toEqual(before);
  });
});
