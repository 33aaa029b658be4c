/** @module The admins' operations views (`runtime/http/admin-routes.ts`). */
import { operation, schemaRef, type PathItems } from '../openapi-parts';

export function adminPaths(): PathItems {
  return {
    '/api/admin/queues': {
      get: operation('get', 'getQueuesHealth', {
        tag: 'admin',
        summary: 'The queues’ health: pending, due, failing, oldest (admins; API tokens need `admin:read`)',
        description:
          'Durable timers (records’ apart from scheduled rules’ ticks), each outbox consumer’s lag, webhook ' +
          'deliveries, notification e-mails and import jobs, read now. The same numbers are Prometheus ' +
          'gauges on `GET /metrics`.',
        access: 'signed-in',
        ok: { status: 200, description: 'The queues’ health', schema: schemaRef('QueuesHealth') },
      }),
    },
  };
}
