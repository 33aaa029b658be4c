/**
 * @module Response schemas of the admins' operations views, typed against `QueuesHealth` and its parts
 * (`runtime/admin/queue-health.ts`).
 */
import type {
  DeliveryQueueHealth,
  ImportQueueHealth,
  OutboxConsumerHealth,
  QueueHealth,
  QueuesHealth,
} from '../../admin/queue-health';
import { schemaRef, type JsonObject } from './openapi-parts';
import { arrayOf, closedObject, isoInstant, nullableInstant, type PropertiesOf } from './schema-builders';

const count = (description: string): JsonObject => ({ type: 'integer', minimum: 0, description });

const oldest = {
  oldestDueAt: {
    ...nullableInstant,
    description: 'When the longest-waiting item became due; null when nothing waits',
  },
  oldestAgeSeconds: count('Whole seconds from `oldestDueAt` to now; 0 when nothing waits'),
};

const queueProperties: PropertiesOf<QueueHealth> = {
  pending: count('Items not done yet'),
  due: count('Of those, the ones whose time has come'),
  failing: count('Of those, the ones whose last attempt failed, to be retried'),
  ...oldest,
};

export function adminSchemas(): Record<string, JsonObject> {
  return {
    QueueHealth: closedObject<QueueHealth>(
      queueProperties,
      {},
      'A retrying work queue. Timers: the oldest is the most overdue due timer.',
    ),
    DeliveryQueueHealth: closedObject<DeliveryQueueHealth>(
      { ...queueProperties, failed: count('Given up after the last attempt') },
      {},
      'Webhook deliveries or notification e-mails; the oldest is the oldest pending one, due since it was queued.',
    ),
    OutboxConsumerHealth: closedObject<OutboxConsumerHealth>(
      {
        consumer: { type: 'string', description: '`rules`, `webhooks`, `notifications`' },
        pending: count('Events not consumed yet (the lag)'),
        ...oldest,
      },
      {},
      'One outbox consumer; the oldest is the earliest event it has not consumed.',
    ),
    ImportQueueHealth: closedObject<ImportQueueHealth>(
      {
        pending: count('Queued and running jobs'),
        due: count('Of those, the ones no live lease holds: a worker would take them now'),
        queued: count('Waiting to start'),
        running: count('Started, live lease or not'),
        stalled: count('Running without a live lease: the worker died, hung or stopped'),
        failedLast24h: count('Ended `failed` in the last 24 hours'),
        ...oldest,
      },
      {},
      'Import jobs; the oldest is the due job submitted first.',
    ),
    QueuesHealth: closedObject<QueuesHealth>(
      {
        at: { ...isoInstant, description: 'When the numbers were read' },
        timers: closedObject<QueuesHealth['timers']>(
          {
            records: {
              ...schemaRef('QueueHealth'),
              description: 'SLA warnings, breaches, delayed transitions',
            },
            ruleTicks: { ...schemaRef('QueueHealth'), description: 'Scheduled rules’ next ticks' },
          },
          {},
        ),
        outbox: arrayOf(schemaRef('OutboxConsumerHealth'), 'Each outbox consumer, by name'),
        webhookDeliveries: schemaRef('DeliveryQueueHealth'),
        notificationEmails: schemaRef('DeliveryQueueHealth'),
        importJobs: schemaRef('ImportQueueHealth'),
      },
      {},
    ),
  };
}
