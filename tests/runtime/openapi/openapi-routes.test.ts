/**
 * Every route the running app registers is in the OpenAPI document and every documented operation is
 * a registered route, so a new route without documentation (or a removed one still documented) fails
 * here. `GET /api/openapi.json` is public, and real error answers match the documented `Error` shape.
 */
import type Router from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { componentValidators, documentedOperations, openApiPath } from './openapi-helpers';

/** The router `createApp` mounted (with `/metrics`, which it adds beside `buildRouter`'s routes). */
function mountedRouter(h: Harness): Router {
  const dispatch = h.runtime.app.middleware.find((m) => 'router' in m) as unknown as
    { router: Router } | undefined;
  if (!dispatch) throw new Error('No router is mounted on the app');
  return dispatch.router;
}

function registeredOperations(router: Router): string[] {
  return router.stack.flatMap((layer) =>
    layer.methods
      .filter((method) => method !== 'HEAD') // Koa's router answers HEAD for every GET.
      .map((method) => `${method} ${openApiPath(String(layer.path))}`),
  );
}

describe.each(DIALECTS)('GET /api/openapi.json on %s', (dialect) => {
  let h: Harness;
  const doc = buildOpenApi();
  const validators = componentValidators(doc);
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h?.close());

  it('documents every registered route', () => {
    const registered = registeredOperations(mountedRouter(h));
    expect(registered.length).toBeGreaterThan(40);
    expect(registered).toContain('GET /metrics');
    expect(registered).toContain('GET /api/openapi.json');
    const documented = new Set(documentedOperations(doc));
    expect(registered.filter((op) => !documented.has(op))).toEqual([]);
  });

  it('documents no route the app does not register', () => {
    const registered = new Set(registeredOperations(mountedRouter(h)));
    expect(documentedOperations(doc).filter((op) => !registered.has(op))).toEqual([]);
  });

  it('serves the document to anonymous callers as JSON', async () => {
    const res = await h.request({ method: 'GET', url: '/api/openapi.json' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/json');
    expect(res.body).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(res.body.openapi).toBe('3.1.0');
  });

  it('answers errors in the documented Error shape', async () => {
    const validate = validators.schemaOf('Error');
    const unauthenticated = await h.request({ method: 'GET', url: '/api/auth/me' });
    expect(unauthenticated.status).toBe(401);
    expect(validate(unauthenticated.body)).toBe(true);

    const badToken = await h.request({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { authorization: 'Bearer clt_nope' },
    });
    expect(badToken.status).toBe(401);
    expect(validate(badToken.body)).toBe(true);

    const login = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 1 } });
    expect(login.status).toBe(400);
    expect(validate(login.body)).toBe(true);
  });

  it('answers a 422 whose issues match the documented Issue shape', async () => {
    const res = await h.request({ method: 'POST', url: '/api/forms', payload: { key: 'f', fields: [] } });
    // With permission guards in place an anonymous caller is refused first; either way, one shape.
    expect([401, 403, 422]).toContain(res.status);
    expect(validators.schemaOf('Error')(res.body)).toBe(true);
    if (res.status === 422) expect(res.body.error.issues.length).toBeGreaterThan(0);
  });
});
