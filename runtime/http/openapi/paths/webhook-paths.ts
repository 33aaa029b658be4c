/**
 * @module Webhooks (`runtime/http/webhook-routes.ts`) and the caller's in-app notifications
 * (`runtime/http/notification-routes.ts`).
 */
import {
  itemsOf,
  LOCATION_HEADER,
  operation,
  pathParam,
  queryParam,
  schemaRef,
  type PathItems,
} from '../openapi-parts';

const webhookId = pathParam('id', 'The webhook id');

export function webhookPaths(): PathItems {
  return {
    '/api/webhooks': {
      post: operation('post', 'createWebhook', {
        tag: 'webhooks',
        summary: 'Subscribe a URL to event types; the signing secret is shown once',
        access: 'signed-in',
        body: { schema: schemaRef('WebhookInput') },
        ok: {
          status: 201,
          description: 'Created',
          schema: schemaRef('CreatedWebhook'),
          headers: LOCATION_HEADER,
        },
        errors: [422],
      }),
      get: operation('get', 'listWebhooks', {
        tag: 'webhooks',
        summary: 'Every subscription (without secrets)',
        access: 'signed-in',
        ok: { status: 200, description: 'The subscriptions', schema: itemsOf(schemaRef('Webhook')) },
      }),
    },
    '/api/webhooks/{id}': {
      delete: operation('delete', 'deleteWebhook', {
        tag: 'webhooks',
        summary: 'Remove a subscription with its delivery log',
        access: 'signed-in',
        parameters: [webhookId],
        ok: { status: 204, description: 'Removed' },
        errors: [404],
      }),
    },
    '/api/webhooks/{id}/deliveries': {
      get: operation('get', 'listWebhookDeliveries', {
        tag: 'webhooks',
        summary: 'The delivery log, newest first',
        access: 'signed-in',
        parameters: [
          webhookId,
          queryParam('limit', '1 to 500 (default 50)', { type: 'integer', minimum: 1, maximum: 500 }),
          queryParam('status', 'Only deliveries in this state', { enum: ['pending', 'delivered', 'failed'] }),
        ],
        ok: { status: 200, description: 'The deliveries', schema: itemsOf(schemaRef('WebhookDelivery')) },
        errors: [400, 404],
      }),
    },
    '/api/webhooks/{id}/deliveries/{delivery}/retry': {
      post: operation('post', 'retryWebhookDelivery', {
        tag: 'webhooks',
        summary: 'Deliver again now',
        access: 'signed-in',
        parameters: [webhookId, pathParam('delivery', 'The delivery id')],
        ok: { status: 202, description: 'Queued', schema: schemaRef('WebhookDelivery') },
        errors: [404],
      }),
    },
    '/api/notifications': {
      get: operation('get', 'listNotifications', {
        tag: 'notifications',
        summary: 'The caller’s in-app notifications, newest first, and the unread count',
        access: 'signed-in',
        parameters: [
          queryParam('unread', '`1` or `true`: unread ones only', { enum: ['1', 'true', '0', 'false'] }),
          queryParam('limit', '1 to 999 (default 50)', { type: 'integer', minimum: 1, maximum: 999 }),
        ],
        ok: { status: 200, description: 'The notifications', schema: schemaRef('NotificationList') },
        errors: [400],
      }),
    },
    '/api/notifications/{id}/read': {
      post: operation('post', 'markNotificationRead', {
        tag: 'notifications',
        summary: 'Mark one of the caller’s notifications read',
        access: 'signed-in',
        parameters: [pathParam('id', 'The notification id', { type: 'integer', minimum: 1 })],
        ok: { status: 200, description: 'The notification', schema: schemaRef('Notification') },
        errors: [404],
      }),
    },
  };
}
