/** @module `GET /api/openapi.json`: the OpenAPI 3.1 description, public, built once per router. */
import type Router from '@koa/router';
import type { RuntimeContext } from '../../runtime-context';
import { buildOpenApi } from './build-openapi';

export function registerOpenApiRoutes(router: Router, _runtime: RuntimeContext): void {
  let document: string | undefined;
  router.get('/api/openapi.json', (ctx) => {
    document ??= JSON.stringify(buildOpenApi());
    ctx.type = 'application/json';
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = document;
  });
}
