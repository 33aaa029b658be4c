/**
 * @module A rule's `webhook` action: queues a delivery to the rule's own URL in the firing's
 * transaction; the webhook delivery worker sends it (signed with the secret `secretRef` names), retries
 * it with backoff and logs every attempt. Its id comes from the action's idempotency key, so the
 * firing's `created` list names the delivery a receiver will see.
 */
import type { ResolvedAction } from '../../engine';
import { queueRuleDelivery } from '../webhooks/rule-deliveries';
import type { ActionContext, ActionOutcome } from './action-context';

export type WebhookAction = Extract<ResolvedAction, { type: 'webhook' }>;

export async function callWebhook(context: ActionContext, action: WebhookAction): Promise<ActionOutcome> {
  const id = await queueRuleDelivery(context.trx, {
    idempotencyKey: action.idempotencyKey,
    url: action.url,
    ...(action.secretRef !== undefined ? { secretRef: action.secretRef } : {}),
    payload: action.payload,
    now: context.now.getTime(),
  });
  return { type: 'webhook', id };
}
