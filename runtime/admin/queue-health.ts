/**
 * @module The queues' health for admins (DESIGN 8): for each queue the runtime keeps, how much work is
 * waiting, how much of it is due now, how much keeps failing, and how long the longest-waiting item has
 * waited. Read by `GET /api/admin/queues` and by the Prometheus gauges of `/metrics`. Read-only, one
 * aggregate query per queue (per consumer for the outbox); "now" is `runtime.clock.now()`.
 *
 * The queues: the durable `timers` (records' SLA and delayed transitions apart from scheduled rules'
 * ticks), the outbox (`events` not yet read by each consumer, in the consumers' (tx_id, id) order),
 * `webhook_deliveries`, `notification_emails` and import `jobs`.
 */
import type { Knex } from 'knex';
import { IMPORT_JOB_KIND } from '../imports/import-job';
import { NOTIFICATIONS_CONSUMER } from '../notifications/notifications-consumer';
import { createRulesConsumer } from '../rules/rules-consumer';
import type { RuntimeContext } from '../runtime-context';
import { RULE_TICK_KIND } from '../timers/rule-tick-timer';
import { webhooksConsumer } from '../webhooks/webhook-consumer';

const DAY_MS = 86_400_000;

/** Where the longest-waiting item of a queue stands. */
export interface OldestWaiting {
  /** When the longest-waiting item became due (ISO), or null when nothing waits. */
  oldestDueAt: string | null;
  /** Whole seconds from `oldestDueAt` to now; 0 when nothing waits. */
  oldestAgeSeconds: number;
}

/** A retrying work queue: timers, webhook deliveries, e-mails. */
export interface QueueHealth extends OldestWaiting {
  /** Items not done yet. */
  pending: number;
  /** Of those, the ones whose time has come (a worker would take them now). */
  due: number;
  /** Of those, the ones whose last attempt failed and that will be tried again. */
  failing: number;
}

/** Webhook deliveries and notification e-mails also keep the ones given up on. */
export interface DeliveryQueueHealth extends QueueHealth {
  /** Given up after the last attempt (`failed`); they stay until retried or removed. */
  failed: number;
}

/** One outbox consumer: the events appended after its cursor. */
export interface OutboxConsumerHealth extends OldestWaiting {
  consumer: string;
  /** Events not consumed yet (the consumer's lag). */
  pending: number;
}

/** Import jobs. */
export interface ImportQueueHealth extends OldestWaiting {
  /** Jobs not finished: queued or running. */
  pending: number;
  /** Of those, the ones no live lease holds: a worker would take them now (queued, or stalled). */
  due: number;
  queued: number;
  running: number;
  /** Running without a live lease: its worker died, hung or stopped; another worker will resume it. */
  stalled: number;
  /** Jobs that ended `failed` in the last 24 hours. */
  failedLast24h: number;
}

export interface QueuesHealth {
  /** The instant the numbers were read at (ISO). */
  at: string;
  timers: {
    /** Records' timers: SLA warnings and breaches, delayed transitions. */
    records: QueueHealth;
    /** Scheduled rules' next ticks (one per scheduled rule). */
    ruleTicks: QueueHealth;
  };
  /** Every outbox consumer the runtime runs, and any other with a cursor, by name. */
  outbox: OutboxConsumerHealth[];
  webhookDeliveries: DeliveryQueueHealth;
  notificationEmails: DeliveryQueueHealth;
  importJobs: ImportQueueHealth;
}

/** The consumers the runtime's workers drain (`startWorkers`): their lag counts before their first run. */
export const OUTBOX_CONSUMERS: readonly string[] = [
  createRulesConsumer().name,
  webhooksConsumer.name,
  NOTIFICATIONS_CONSUMER,
];

type AggregateRow = Record<string, string | number | null | undefined>;

const toCount = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** `oldestDueAt` / `oldestAgeSeconds` for an epoch-ms instant (or none). */
export function oldestWaiting(oldest: unknown, now: number): OldestWaiting {
  if (oldest === null || oldest === undefined) return { oldestDueAt: null, oldestAgeSeconds: 0 };
  const at = Number(oldest);
  return {
    oldestDueAt: new Date(at).toISOString(),
    oldestAgeSeconds: Math.max(0, Math.floor((now - at) / 1000)),
  };
}

/** `sum(case when <condition> then 1 else 0 end)`, 0 over no rows. */
const countWhere = (knex: Knex, condition: string, alias: string, bindings: readonly Knex.Value[] = []) =>
  knex.raw(`coalesce(sum(case when ${condition} then 1 else 0 end), 0) as ${alias}`, bindings);

/**
 * Timers of one family: every row is pending; due once `due_at` has passed; failing after a failed
 * firing (pushed back with `attempts` and `last_error`); the oldest is the most overdue due timer.
 */
export async function timerQueueHealth(
  runtime: RuntimeContext,
  family: 'records' | 'ruleTicks',
  now: number,
): Promise<QueueHealth> {
  const { knex } = runtime.db;
  const query = knex('timers').first(
    knex.raw('count(*) as pending'),
    countWhere(knex, 'due_at <= ?', 'due', [now]),
    countWhere(knex, 'attempts > 0 or last_error is not null', 'failing'),
    knex.raw('min(case when due_at <= ? then due_at end) as oldest', [now]),
  );
  if (family === 'ruleTicks') query.where('kind', RULE_TICK_KIND);
  else query.whereNot('kind', RULE_TICK_KIND);
  const row = ((await query) ?? {}) as AggregateRow;
  return {
    pending: toCount(row.pending),
    due: toCount(row.due),
    failing: toCount(row.failing),
    ...oldestWaiting(row.oldest, now),
  };
}

/**
 * Each consumer's lag: the events after its cursor in the order it reads them — (tx_id, id), as
 * `drainOutbox` does — and the oldest of their `at`. A consumer without a cursor has read nothing yet.
 */
export async function outboxHealth(runtime: RuntimeContext, now: number): Promise<OutboxConsumerHealth[]> {
  const { knex } = runtime.db;
  const rows = (await knex('outbox_cursors').select('consumer', 'last_tx_id', 'last_event_id')) as {
    consumer: string;
    last_tx_id: string | number;
    last_event_id: string | number;
  }[];
  const cursors = new Map(
    rows.map((r) => [r.consumer, { tx: Number(r.last_tx_id), id: Number(r.last_event_id) }]),
  );
  const consumers = [...new Set([...OUTBOX_CONSUMERS, ...cursors.keys()])].sort();
  const health: OutboxConsumerHealth[] = [];
  for (const consumer of consumers) {
    const after = cursors.get(consumer) ?? { tx: 0, id: 0 };
    const row = ((await knex('events')
      .where((q) =>
        q
          .where('tx_id', '>', after.tx)
          .orWhere((q2) => q2.where('tx_id', after.tx).andWhere('id', '>', after.id)),
      )
      .first(knex.raw('count(*) as pending'), knex.raw('min(at) as oldest'))) ?? {}) as AggregateRow;
    health.push({ consumer, pending: toCount(row.pending), ...oldestWaiting(row.oldest, now) });
  }
  return health;
}

/**
 * A retry queue (`webhook_deliveries`, `notification_emails`): pending rows, due once `next_attempt_at`
 * has passed (a row a worker has claimed is leased into the future, so it is not due), failing when a
 * pending row has attempts behind it, failed when given up. The oldest is the oldest pending row,
 * due since it was queued.
 */
export async function deliveryQueueHealth(
  runtime: RuntimeContext,
  table: 'webhook_deliveries' | 'notification_emails',
  now: number,
): Promise<DeliveryQueueHealth> {
  const { knex } = runtime.db;
  const row = ((await knex(table)
    .whereIn('status', ['pending', 'failed'])
    .first(
      countWhere(knex, "status = 'pending'", 'pending'),
      countWhere(knex, "status = 'pending' and next_attempt_at <= ?", 'due', [now]),
      countWhere(knex, "status = 'pending' and attempts > 0", 'failing'),
      countWhere(knex, "status = 'failed'", 'failed'),
      knex.raw("min(case when status = 'pending' then created_at end) as oldest"),
    )) ?? {}) as AggregateRow;
  return {
    pending: toCount(row.pending),
    due: toCount(row.due),
    failing: toCount(row.failing),
    failed: toCount(row.failed),
    ...oldestWaiting(row.oldest, now),
  };
}

/**
 * Import jobs: queued and running ones are pending; those without a live lease (`claimed_until` unset
 * or past, as `claimNextJob` reads it) are due, and running ones among them are stalled. The oldest is
 * the due job submitted first.
 */
export async function importQueueHealth(runtime: RuntimeContext, now: number): Promise<ImportQueueHealth> {
  const { knex } = runtime.db;
  const unleased = '(claimed_until is null or claimed_until <= ?)';
  const row = ((await knex('jobs')
    .where({ kind: IMPORT_JOB_KIND })
    .where((q) =>
      q
        .whereIn('status', ['queued', 'running'])
        .orWhere((q2) => q2.where('status', 'failed').andWhere('updated_at', '>', now - DAY_MS)),
    )
    .first(
      countWhere(knex, "status = 'queued'", 'queued'),
      countWhere(knex, "status = 'running'", 'running'),
      countWhere(knex, `status in ('queued', 'running') and ${unleased}`, 'due', [now]),
      countWhere(knex, `status = 'running' and ${unleased}`, 'stalled', [now]),
      countWhere(knex, "status = 'failed'", 'failed'),
      knex.raw(
        `min(case when status in ('queued', 'running') and ${unleased} then created_at end) as oldest`,
        [now],
      ),
    )) ?? {}) as AggregateRow;
  const queued = toCount(row.queued);
  const running = toCount(row.running);
  return {
    pending: queued + running,
    due: toCount(row.due),
    queued,
    running,
    stalled: toCount(row.stalled),
    failedLast24h: toCount(row.failed),
    ...oldestWaiting(row.oldest, now),
  };
}

/** Every queue's health at `runtime.clock.now()`. */
export async function readQueuesHealth(runtime: RuntimeContext): Promise<QueuesHealth> {
  const now = runtime.clock.now().getTime();
  const [records, ruleTicks, outbox, webhookDeliveries, notificationEmails, importJobs] = await Promise.all([
    timerQueueHealth(runtime, 'records', now),
    timerQueueHealth(runtime, 'ruleTicks', now),
    outboxHealth(runtime, now),
    deliveryQueueHealth(runtime, 'webhook_deliveries', now),
    deliveryQueueHealth(runtime, 'notification_emails', now),
    importQueueHealth(runtime, now),
  ]);
  return {
    at: new Date(now).toISOString(),
    timers: { records, ruleTicks },
    outbox,
    webhookDeliveries,
    notificationEmails,
    importJobs,
  };
}
