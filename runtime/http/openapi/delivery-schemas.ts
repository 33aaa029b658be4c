/**
 * @module Response schemas of webhooks and in-app notifications, typed against `WebhookView`,
 * `DeliveryView` and `DeliveryAttemptView` (`runtime/webhooks/webhook-store.ts`) and `NotificationView`
 * (`runtime/notifications/notification-store.ts`).
 */
import type { NotificationView } from '../../notifications/notification-store';
import type { DeliveryAttemptView, DeliveryView, WebhookView } from '../../webhooks/webhook-store';
import { schemaRef, type JsonObject } from './openapi-parts';
import {
  arrayOf,
  closedObject,
  isoInstant,
  nullable,
  nullableInstant,
  stringList,
  type PropertiesOf,
} from './schema-builders';

const webhookProperties: PropertiesOf<WebhookView> = {
  id: { type: 'string' },
  url: { type: 'string' },
  events: { ...stringList, description: 'Event types, families (`record.*`) or `*`' },
  active: { type: 'boolean' },
  createdAt: isoInstant,
};

const bilingual = {
  type: 'object',
  required: ['zh-CN', 'en'],
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  additionalProperties: false,
};

export function deliverySchemas(): Record<string, JsonObject> {
  return {
    Webhook: closedObject<WebhookView>(webhookProperties, {}),
    CreatedWebhook: closedObject<WebhookView & { secret: string }>(
      { ...webhookProperties, secret: { type: 'string', description: 'The signing secret, shown only now' } },
      {},
    ),
    WebhookDelivery: closedObject<DeliveryView>(
      {
        id: { type: 'string' },
        webhookId: { type: 'string' },
        eventId: { ...nullable('integer'), description: 'The event delivered' },
        eventType: nullable('string'),
        status: { enum: ['pending', 'delivered', 'failed'] },
        attempts: { type: 'integer' },
        nextAttemptAt: nullableInstant,
        responseStatus: { ...nullable('integer'), description: 'The last answer’s HTTP status' },
        responseBody: { ...nullable('string'), description: 'The start of the last answer' },
        lastError: nullable('string'),
        createdAt: isoInstant,
        log: arrayOf(schemaRef('WebhookAttempt'), 'Every attempt, oldest first'),
      },
      {},
    ),
    WebhookAttempt: closedObject<DeliveryAttemptView>(
      {
        attempt: { type: 'integer' },
        at: isoInstant,
        outcome: { enum: ['delivered', 'retrying', 'failed'] },
        responseStatus: nullable('integer'),
        responseBody: nullable('string'),
        error: { ...nullable('string'), description: '`HTTP 500`, a timeout or a network error' },
        durationMs: { type: 'integer' },
        nextAttemptAt: nullableInstant,
      },
      {},
    ),
    Notification: closedObject<NotificationView>(
      {
        id: { type: 'integer' },
        type: {
          type: 'string',
          description: '`assigned`, `sla.warning`, `sla.breached`, `escalation` or `notify`',
        },
        recordId: nullable('string'),
        body: closedObject<NotificationView['body']>(
          { title: bilingual, text: bilingual, recordId: nullable('string'), stage: nullable('string') },
          {},
        ),
        createdAt: isoInstant,
        readAt: nullableInstant,
      },
      {},
    ),
    NotificationList: closedObject<{ items: NotificationView[]; unread: number }>(
      { items: arrayOf(schemaRef('Notification')), unread: { type: 'integer' } },
      {},
    ),
  };
}
