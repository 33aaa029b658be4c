/**
 * @module Prometheus metrics: request counts and latencies per route, and the queues' health read at
 * scrape time — timers pending and due, outbox events not yet consumed per consumer. One registry
 * per app, so several apps in one process (tests) do not share counters.
 */
import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { requireRole, requireScope } from '../auth/access';
import type { RuntimeContext } from '../runtime-context';

export interface Metrics {
  registry: Registry;
  middleware(ctx: Context, next: Next): Promise<void>;
}

export function createMetrics(runtime: RuntimeContext): Metrics {
  const registry = new Registry();
  if (process.env.NO_DEFAULT_METRICS !== '1')
    collectDefaultMetrics({ register: registry, prefix: 'closedloop_process_' });
  const requests = new Counter({
    name: 'closedloop_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'closedloop_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'closedloop_timers_pending',
    help: 'Durable timers waiting to fire',
    registers: [registry],
    async collect() {
      const [row] = (await runtime.db.knex('timers').count({ n: '*' })) as { n: number }[];
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'closedloop_timers_due',
    help: 'Durable timers whose due time has passed but have not fired yet',
    registers: [registry],
    async collect() {
      const now = runtime.clock.now().getTime();
      const [row] = (await runtime.db.knex('timers').where('due_at', '<=', now).count({ n: '*' })) as {
        n: number;
      }[];
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'closedloop_outbox_lag_events',
    help: 'Events appended after the last one each outbox consumer has handled',
    labelNames: ['consumer'],
    registers: [registry],
    async collect() {
      this.reset();
      const cursors = (await runtime.db.knex('outbox_cursors').select('consumer', 'last_event_id')) as {
        consumer: string;
        last_event_id: number;
      }[];
      for (const cursor of cursors) {
        const [row] = (await runtime.db
          .knex('events')
          .where('id', '>', cursor.last_event_id)
          .count({ n: '*' })) as { n: number }[];
        this.set({ consumer: cursor.consumer }, Number(row?.n ?? 0));
      }
    },
  });

  return {
    registry,
    async middleware(ctx, next) {
      const started = process.hrtime.bigint();
      try {
        await next();
      } finally {
        // The route pattern, not the path: one series per endpoint, whatever the ids in the URL.
        const route = (ctx as Context & { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        requests.inc({ method: ctx.method, route: String(route), status: String(ctx.status) });
        duration.observe({ method: ctx.method, route: String(route) }, seconds);
      }
    },
  };
}

/** `GET /metrics` in the Prometheus text format, for admins (a scraper uses a `metrics:read` token). */
export function registerMetricsRoute(router: Router, metrics: Metrics): void {
  router.get('/metrics', async (ctx) => {
    requireRole(ctx, 'admin');
    requireScope(ctx, 'metrics:read');
    ctx.set('Content-Type', metrics.registry.contentType);
    ctx.body = await metrics.registry.metrics();
  });
}
