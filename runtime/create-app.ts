/**
 * @module `createApp({ db, clock, … })`: the Koa application over a store, not listening by itself.
 * `closedloop serve` listens with it; tests drive `app.callback()` in-process with an injected clock.
 */
import Koa from 'koa';
import { authMiddleware } from './auth/auth-middleware';
import { configureAuth, type AuthOptions } from './auth/auth-settings';
import { systemClock, type Clock } from './clock';
import { designerAssets } from './designer/designer-assets';
import { errorMiddleware } from './http/error-middleware';
import { jsonBody } from './http/json-body';
import { createMetrics, registerMetricsRoute } from './http/metrics';
import { buildRouter } from './http/routes';
import { jsonLogger, type Logger } from './logger';
import type { RuntimeContext } from './runtime-context';
import type { Database } from './storage/open-database';

export interface CreateAppOptions {
  db: Database;
  clock?: Clock;
  logger?: Logger;
  /** Largest JSON body accepted; larger ones get 413. */
  jsonLimit?: string;
  /** Session lifetimes, login rate limits, cookie security (`runtime/auth/auth-settings.ts`). */
  auth?: AuthOptions;
  /** The built designer (`designer/dist`) to serve at `/`; without it only the API is served. */
  designerDist?: string;
}

export interface Runtime extends RuntimeContext {
  app: Koa;
}

export function createApp(options: CreateAppOptions): Runtime {
  const runtime: RuntimeContext = {
    db: options.db,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? jsonLogger(),
  };
  const app = new Koa();
  app.proxy = false;
  // Errors are answered by errorMiddleware; Koa's own default handler would only log them again.
  app.silent = true;
  const auth = configureAuth(runtime, options.auth);
  const router = buildRouter(runtime);
  const metrics = createMetrics(runtime);
  registerMetricsRoute(router, metrics);
  // Outermost, so the status it counts is the one the error middleware settled on.
  app.use(metrics.middleware);
  app.use(errorMiddleware(runtime.logger));
  // Before auth: the app's files are public; the API behind them checks who is asking.
  if (options.designerDist) app.use(designerAssets(options.designerDist));
  // Before the body is parsed: a bad token or a missing CSRF header is refused without reading it.
  app.use(authMiddleware(runtime, auth));
  app.use(jsonBody(options.jsonLimit ?? '1mb'));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return { ...runtime, app };
}
