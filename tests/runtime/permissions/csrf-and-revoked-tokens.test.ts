/**
 * Two refusals over every operation of the OpenAPI document, on both databases, with the requests of
 * the permission matrix (tests/fixtures/permissions/matrix.json): a cookie session without its CSRF
 * token (or with another session's) is refused with 403 `csrf` on every write, and nothing is written;
 * an API token that worked on an operation is refused with 401 `invalid-token` there once revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../../runtime/auth/api-tokens';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import {
  buildWorld,
  kindedPlaceholder,
  matrix,
  openApiOperations,
  operationOf,
  type Case,
  type World,
} from './permission-world';

/** One matrix case per operation of the document (the matrix test fails when one has none). */
const operations = openApiOperations();
const byOperation = new Map<string, Case>();
for (const c of matrix.cases) {
  const operation = operationOf(c.call, operations);
  if (operation && !byOperation.has(operation)) byOperation.set(operation, c);
}
const calls = [...byOperation.entries()].map(([operation, c]) => ({ operation, c }));
const WRITE = /^(POST|PUT|PATCH|DELETE) /;
/** Signing in is how a session gets its CSRF token: it cannot ask for one. */
const writes = calls.filter(({ operation }) => WRITE.test(operation) && operation !== 'POST /api/auth/login');
const kindOf = (c: Case) => (kindedPlaceholder(c.call) ? 'own' : undefined);

describe.each(DIALECTS)('CSRF and revoked tokens on %s', (dialect) => {
  let h: Harness;
  let world: World;

  beforeAll(async () => {
    h = await startHarness(dialect);
    world = await buildWorld(h);
  });
  afterAll(() => h?.close());

  const eventCount = async () => Number((await h.db.knex('events').count({ n: '*' }))[0]!.n);

  it('covers every write operation but signing in', () => {
    expect(writes.length).toBe(operations.filter((o) => WRITE.test(o)).length - 1);
  });

  it.each(writes)(
    'refuses $operation from an admin session without its CSRF token, writing nothing',
    async ({ c }) => {
      const request = await world.requestOf({ call: c.call, caller: 'admin', kind: kindOf(c), case: c });
      const { 'x-csrf-token': _token, ...withoutToken } = request.headers as Record<string, string>;
      const before = await eventCount();
      for (const headers of [
        withoutToken,
        { ...withoutToken, 'x-csrf-token': world.headers.agent!['x-csrf-token']! },
      ]) {
        const res = await h.request({ ...request, headers });
        expect([c.call, res.status, res.body?.error?.code]).toEqual([c.call, 403, 'csrf']);
      }
      expect(await eventCount()).toBe(before);
    },
  );

  it('refuses a revoked API token on every operation it could call before', async () => {
    const { id, token } = await createApiToken(h.runtime, world.userIds.admin!, {
      name: 'doomed',
      scopes: ['*'],
    });
    const asToken = async (c: Case) => {
      const request = await world.requestOf({ call: c.call, caller: 'admin', kind: kindOf(c), case: c });
      const { cookie: _cookie, 'x-csrf-token': _csrf, ...rest } = request.headers as Record<string, string>;
      return h.request({ ...request, headers: { ...rest, authorization: `Bearer ${token}` } });
    };
    const refused: string[] = [];
    for (const { c } of calls) if ((await asToken(c)).status === 401) refused.push(c.call);
    expect(refused).toEqual([]);

    await revokeApiToken(h.runtime, id, null, world.userIds.admin!);
    for (const { c } of calls) {
      const res = await asToken(c);
      expect([c.call, res.status, res.body?.error?.code]).toEqual([c.call, 401, 'invalid-token']);
    }
  });
});
