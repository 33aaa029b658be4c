/**
 * @module Prometheus metrics: request counts and latencies per route, and the queues' health read at
 * scrape time (`readQueuesHealth`, the numbers of `GET /api/admin/queues`, read once per scrape) —
 * timers pending, due, failing and the oldest due one's age by kind (`record`, `rule-tick`), outbox events
 * not yet consumed per consumer and the oldest one's age, webhook deliveries and notification e-mails
 * pending, due, failing and failed, import jobs queued, running, stalled and failed in the last day.
 * One registry per app, so several apps in one process (tests) do not share counters.
 */
import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { readQueuesHealth, type QueuesHealth } from '../admin/queue-health';
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
  registerQueueGauges(registry, runtime);

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

/**
 * Reads the queues once per scrape: the registry collects every gauge at once, so the gauges' collects
 * all start before the shared read settles, and the next scrape reads afresh.
 */
function perScrape(runtime: RuntimeContext): () => Promise<QueuesHealth> {
  let reading: Promise<QueuesHealth> | undefined;
  return () => {
    if (!reading) {
      const current = readQueuesHealth(runtime);
      reading = current;
      const done = () => {
        if (reading === current) reading = undefined;
      };
      current.then(done, done);
    }
    return reading;
  };
}

type Labels = Record<string, string>;

/** The queue gauges; each sets its series from the scrape's reading. */
function registerQueueGauges(registry: Registry, runtime: RuntimeContext): void {
  const read = perScrape(runtime);
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    values: (health: QueuesHealth) => [Labels, number][],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const health = await read();
        this.reset();
        for (const [labels, value] of values(health)) this.set(labels, value);
      },
    });
  const timers = (pick: (queue: QueuesHealth['timers']['records']) => number) => (health: QueuesHealth) =>
    [
      [{ kind: 'record' }, pick(health.timers.records)],
      [{ kind: 'rule-tick' }, pick(health.timers.ruleTicks)],
    ] as [Labels, number][];
  const single = (pick: (health: QueuesHealth) => number) => (health: QueuesHealth) =>
    [[{}, pick(health)]] as [Labels, number][];

  gauge(
    'closedloop_timers_pending',
    'Durable timers waiting to fire',
    ['kind'],
    timers((q) => q.pending),
  );
  gauge(
    'closedloop_timers_due',
    'Durable timers whose due time has passed but have not fired yet',
    ['kind'],
    timers((q) => q.due),
  );
  gauge(
    'closedloop_timers_failing',
    'Durable timers whose last firing failed, to be retried',
    ['kind'],
    timers((q) => q.failing),
  );
  gauge(
    'closedloop_timers_oldest_due_age_seconds',
    'How long the most overdue timer has been due (0 when none is)',
    ['kind'],
    timers((q) => q.oldestAgeSeconds),
  );
  gauge(
    'closedloop_outbox_lag_events',
    'Events appended after the last one each outbox consumer has handled',
    ['consumer'],
    (health) => health.outbox.map((c) => [{ consumer: c.consumer }, c.pending]),
  );
  gauge(
    'closedloop_outbox_oldest_event_age_seconds',
    'Age of the oldest event each outbox consumer has not handled yet (0 when none)',
    ['consumer'],
    (health) => health.outbox.map((c) => [{ consumer: c.consumer }, c.oldestAgeSeconds]),
  );
  for (const [prefix, key, what] of [
    ['closedloop_webhook_deliveries', 'webhookDeliveries', 'Webhook deliveries'],
    ['closedloop_notification_emails', 'notificationEmails', 'Notification e-mails'],
  ] as const) {
    gauge(
      `${prefix}_pending`,
      `${what} not sent yet`,
      [],
      single((h) => h[key].pending),
    );
    gauge(
      `${prefix}_due`,
      `${what} due to be sent now`,
      [],
      single((h) => h[key].due),
    );
    gauge(
      `${prefix}_failing`,
      `${what} whose last attempt failed, to be retried`,
      [],
      single((h) => h[key].failing),
    );
    gauge(
      `${prefix}_failed`,
      `${what} given up after their last attempt`,
      [],
      single((h) => h[key].failed),
    );
    gauge(
      `${prefix}_oldest_age_seconds`,
      `Age of the oldest pending one of the ${what.toLowerCase()} (0 when none)`,
      [],
      single((h) => h[key].oldestAgeSeconds),
    );
  }
  gauge(
    'closedloop_import_jobs_queued',
    'Import jobs waiting to start',
    [],
    single((h) => h.importJobs.queued),
  );
  gauge(
    'closedloop_import_jobs_running',
    'Import jobs running',
    [],
    single((h) => h.importJobs.running),
  );
  gauge(
    'closedloop_import_jobs_stalled',
    'Running import jobs no live lease holds (their worker died, hung or stopped)',
    [],
    single((h) => h.importJobs.stalled),
  );
  gauge(
    'closedloop_import_jobs_failed_last_24h',
    'Import jobs that failed in the last 24 hours',
    [],
    single((h) => h.importJobs.failedLast24h),
  );
  gauge(
    'closedloop_import_jobs_oldest_age_seconds',
    'Age of the oldest import job waiting for a worker (0 when none)',
    [],
    single((h) => h.importJobs.oldestAgeSeconds),
  );
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
