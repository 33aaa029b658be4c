/** @module `GET /healthz`: the process is up and the database answers. */
import type Router from '@koa/router';
import type { RuntimeContext } from '../runtime-context';

export function registerHealthRoutes(router: Router, runtime: RuntimeContext): void {
  router.get('/healthz', async (ctx) => {
    const started = Date.now();
    try {
      await runtime.db.knex.raw('select 1');
      ctx.body = { status: 'ok', database: runtime.db.dialect, latencyMs: Date.now() - started };
    } catch (err) {
      runtime.logger.warn('health check: database did not answer', { error: String(err) });
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: runtime.db.dialect };
    }
  });
}
