/**
 * @module Deliveries of rules' webhook actions: a `webhook_deliveries` row with its own `url` and
 * `secret_ref` and no subscription, sent by the same worker as subscription deliveries (retries,
 * backoff, attempt log). The delivery id is derived from the action's idempotency key
 * (`<firing key>#<index>`), so the same action can never queue a second delivery and a receiver sees
 * one id however often it is retried. The body is the engine's `WebhookPayload` plus that id.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { ResolvedAction } from '../../engine';
import { writeJson } from '../storage/json-value';

/** The engine's `WebhookPayload` (what the firing says: rule, key, group, window, record, aggregates). */
export type WebhookPayload = Extract<ResolvedAction, { type: 'webhook' }>['payload'];

/** The body a rule webhook's receiver gets. */
export type RuleWebhookBody = WebhookPayload & { id: string };

/** The `X-Closedloop-Event` of rule deliveries: their body describes a firing. */
export const RULE_WEBHOOK_EVENT = 'rule.fired';

/** RFC 4122 namespace (a fixed random UUID) under which delivery ids are name-based UUIDs. */
const NAMESPACE = 'c7f1d3a2-5b7e-4c1a-9d2f-3e8b6a0f4d51';

/** A name-based (version 5) UUID of the action's idempotency key: the same key, the same id. */
export function ruleDeliveryId(idempotencyKey: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(idempotencyKey, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface RuleDelivery {
  idempotencyKey: string;
  url: string;
  secretRef?: string;
  payload: WebhookPayload;
  /** Epoch ms: queued and due at once. */
  now: number;
}

/** Queues the delivery in `trx` (nothing when its id is queued already); returns its id. */
export async function queueRuleDelivery(trx: Knex.Transaction, delivery: RuleDelivery): Promise<string> {
  const id = ruleDeliveryId(delivery.idempotencyKey);
  const body: RuleWebhookBody = { id, ...delivery.payload };
  await trx('webhook_deliveries')
    .insert({
      id,
      webhook_id: null,
      event_id: null,
      url: delivery.url,
      secret_ref: delivery.secretRef ?? null,
      payload: writeJson(body),
      status: 'pending',
      attempts: 0,
      next_attempt_at: delivery.now,
      created_at: delivery.now,
    })
    .onConflict('id')
    .ignore();
  return id;
}
