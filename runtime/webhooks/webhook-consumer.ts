/**
 * @module The `webhooks` outbox consumer: each event that an active subscription's patterns match becomes
 * one `webhook_deliveries` row, due at once. It only writes rows (the worker in `deliver-due-webhooks.ts`
 * does the HTTP); the delivery id is random but made once, and the unique (webhook, event) pair means a
 * repeated batch adds nothing. A subscription receives the events that happen after it is created.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { OutboxConsumer, OutboxEvent } from '../outbox/drain-outbox';
import type { RuntimeContext } from '../runtime-context';
import { readJson, writeJson } from '../storage/json-value';
import { matchesAnyPattern } from './event-patterns';

/** The JSON body a receiver gets; stored as the delivery's payload and sent unchanged on every attempt. */
export interface WebhookBody {
  id: string;
  event: {
    id: number;
    type: string;
    at: string;
    stream: string;
    streamId: string;
    payload: Record<string, unknown>;
  };
}

export function webhookBody(deliveryId: string, event: OutboxEvent): WebhookBody {
  return {
    id: deliveryId,
    event: {
      id: event.id,
      type: event.type,
      at: new Date(event.at).toISOString(),
      stream: event.stream,
      streamId: event.streamId,
      payload: event.payload,
    },
  };
}

interface Subscription {
  id: string;
  events: string[];
  createdAt: number;
}

/** The active subscriptions, read once per batch (the batch is one transaction). */
const perBatch = new WeakMap<Knex.Transaction, Promise<Subscription[]>>();

function subscriptions(trx: Knex.Transaction): Promise<Subscription[]> {
  let found = perBatch.get(trx);
  if (!found) {
    found = trx('webhooks')
      .where({ active: true })
      .select('id', 'events', 'created_at')
      .then((rows: { id: string; events: unknown; created_at: number }[]) =>
        rows.map((r) => ({
          id: r.id,
          events: readJson<string[]>(r.events),
          createdAt: Number(r.created_at),
        })),
      );
    perBatch.set(trx, found);
  }
  return found;
}

async function handle(event: OutboxEvent, trx: Knex.Transaction, runtime: RuntimeContext): Promise<void> {
  const now = runtime.clock.now().getTime();
  for (const hook of await subscriptions(trx)) {
    if (hook.createdAt > event.at || !matchesAnyPattern(hook.events, event.type)) continue;
    const id = randomUUID();
    await trx('webhook_deliveries')
      .insert({
        id,
        webhook_id: hook.id,
        event_id: event.id,
        payload: writeJson(webhookBody(id, event)),
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })
      .onConflict(['webhook_id', 'event_id'])
      .ignore();
  }
}

export const webhooksConsumer: OutboxConsumer = {
  name: 'webhooks',
  // Every event may match some subscription; the subscriptions are read per event, inside the batch.
  accepts: () => true,
  handle,
};
