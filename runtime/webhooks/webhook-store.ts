/**
 * @module Webhook subscriptions and their delivery log: create (the secret is shown once), list, delete,
 * read the deliveries with every attempt, and ask for a delivery to be sent again. Each change appends
 * an event (`webhook.created`, `webhook.deleted`, `webhook.delivery-retried`) in its transaction.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { appendEvent } from '../events/append-event';
import { invalid, notFound } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson, writeJson } from '../storage/json-value';
import { checkWebhookInput } from './check-webhook-input';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface DeliveryAttemptView {
  attempt: number;
  at: string;
  outcome: string;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
  nextAttemptAt: string | null;
}

export interface DeliveryView {
  id: string;
  webhookId: string;
  eventId: number | null;
  eventType: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  responseStatus: number | null;
  responseBody: string | null;
  lastError: string | null;
  createdAt: string;
  log: DeliveryAttemptView[];
}

const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

function webhookView(row: Record<string, unknown>): WebhookView {
  return {
    id: row.id as string,
    url: row.url as string,
    events: readJson<string[]>(row.events),
    active: Boolean(row.active),
    createdAt: iso(row.created_at)!,
  };
}

function attemptView(row: Record<string, unknown>): DeliveryAttemptView {
  return {
    attempt: Number(row.attempt),
    at: iso(row.at)!,
    outcome: row.outcome as string,
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    responseBody: (row.response_body as string | null) ?? null,
    error: (row.error as string | null) ?? null,
    durationMs: Number(row.duration_ms),
    nextAttemptAt: iso(row.next_attempt_at),
  };
}

function deliveryView(row: Record<string, unknown>, log: DeliveryAttemptView[]): DeliveryView {
  const payload = readJson<{ event?: { type?: string } }>(row.payload);
  return {
    id: row.id as string,
    webhookId: row.webhook_id as string,
    eventId: row.event_id === null ? null : Number(row.event_id),
    eventType: payload.event?.type ?? null,
    status: row.status as string,
    attempts: Number(row.attempts),
    nextAttemptAt: iso(row.next_attempt_at),
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    responseBody: (row.response_body as string | null) ?? null,
    lastError: (row.last_error as string | null) ?? null,
    createdAt: iso(row.created_at)!,
    log,
  };
}

/** Stores a subscription; the answer carries the secret, the only time it is shown. */
export async function createWebhook(
  runtime: RuntimeContext,
  body: unknown,
  actor: string | null,
): Promise<WebhookView & { secret: string }> {
  const { input, issues } = checkWebhookInput(body);
  if (!input) throw invalid(issues, 'The webhook has problems');
  const id = randomUUID();
  const secret = input.secret ?? randomBytes(32).toString('hex');
  const now = runtime.clock.now().getTime();
  const row = { id, url: input.url, secret, events: writeJson(input.events), active: true, created_at: now };
  await runtime.db.knex.transaction(async (trx) => {
    await trx('webhooks').insert(row);
    await appendEvent(trx, {
      stream: 'system',
      streamId: `webhook:${id}`,
      type: 'webhook.created',
      actor,
      at: now,
      payload: { webhookId: id, url: input.url, events: input.events },
    });
  });
  return { ...webhookView(row), secret };
}

export async function listWebhooks(runtime: RuntimeContext): Promise<WebhookView[]> {
  const rows = (await runtime.db
    .knex('webhooks')
    .orderBy([{ column: 'created_at' }, { column: 'id' }])) as Record<string, unknown>[];
  return rows.map(webhookView);
}

/** Removes a subscription with its delivery log (the events themselves stay in the audit trail). */
export async function deleteWebhook(
  runtime: RuntimeContext,
  id: string,
  actor: string | null,
): Promise<void> {
  const now = runtime.clock.now().getTime();
  await runtime.db.knex.transaction(async (trx) => {
    const removed = await trx('webhooks').where({ id }).delete();
    if (removed === 0) throw notFound('Webhook');
    await appendEvent(trx, {
      stream: 'system',
      streamId: `webhook:${id}`,
      type: 'webhook.deleted',
      actor,
      at: now,
      payload: { webhookId: id },
    });
  });
}

async function requireWebhook(runtime: RuntimeContext, id: string): Promise<void> {
  const found = await runtime.db.knex('webhooks').where({ id }).first('id');
  if (!found) throw notFound('Webhook');
}

/** Attaches each delivery's attempts (one query for the page). */
async function withLog(runtime: RuntimeContext, rows: Record<string, unknown>[]): Promise<DeliveryView[]> {
  const attempts = (await runtime.db
    .knex('webhook_attempts')
    .whereIn(
      'delivery_id',
      rows.map((r) => r.id as string),
    )
    .orderBy([{ column: 'delivery_id' }, { column: 'attempt' }])) as Record<string, unknown>[];
  return rows.map((row) =>
    deliveryView(row, attempts.filter((a) => a.delivery_id === row.id).map(attemptView)),
  );
}

/** The delivery log of one subscription, newest first, each delivery with its attempts. */
export async function listDeliveries(
  runtime: RuntimeContext,
  webhookId: string,
  { limit = 50, status }: { limit?: number; status?: string } = {},
): Promise<DeliveryView[]> {
  await requireWebhook(runtime, webhookId);
  const query = runtime.db
    .knex('webhook_deliveries')
    .where({ webhook_id: webhookId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'event_id', order: 'desc' },
    ])
    .limit(limit);
  if (status) query.andWhere({ status });
  return withLog(runtime, (await query) as Record<string, unknown>[]);
}

export async function getDelivery(runtime: RuntimeContext, webhookId: string, deliveryId: string) {
  const row = (await runtime.db
    .knex('webhook_deliveries')
    .where({ id: deliveryId, webhook_id: webhookId })
    .first()) as Record<string, unknown> | undefined;
  if (!row) throw notFound('Delivery');
  const [view] = await withLog(runtime, [row]);
  return view!;
}

/** Makes a delivery due now, whatever its state: a failed one gets one more attempt, a delivered one is sent again. */
export async function retryDelivery(
  runtime: RuntimeContext,
  webhookId: string,
  deliveryId: string,
  actor: string | null,
): Promise<DeliveryView> {
  const now = runtime.clock.now().getTime();
  await runtime.db.knex.transaction(async (trx) => {
    const updated = await trx('webhook_deliveries')
      .where({ id: deliveryId, webhook_id: webhookId })
      .update({ status: 'pending', next_attempt_at: now });
    if (updated === 0) throw notFound('Delivery');
    await appendEvent(trx, {
      stream: 'system',
      streamId: `webhook:${webhookId}`,
      type: 'webhook.delivery-retried',
      actor,
      at: now,
      payload: { webhookId, deliveryId },
    });
  });
  return getDelivery(runtime, webhookId, deliveryId);
}
