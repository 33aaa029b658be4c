/** @module Paths outside `/api` areas: health, Prometheus metrics and this document itself. */
import { operation, schemaRef, type PathItems } from '../openapi-parts';

export function systemPaths(): PathItems {
  return {
    '/healthz': {
      get: operation('get', 'getHealth', {
        tag: 'system',
        summary: 'The process is up and the database answers',
        description: '503 with the same shape when the database does not answer.',
        access: 'public',
        ok: { status: 200, description: 'Healthy', schema: schemaRef('Health') },
      }),
    },
    '/metrics': {
      get: operation('get', 'getMetrics', {
        tag: 'system',
        summary: 'Prometheus metrics (admins; API tokens need `metrics:read`)',
        access: 'signed-in',
        ok: {
          status: 200,
          description: 'The Prometheus text exposition format',
          contentType: 'text/plain',
          schema: { type: 'string' },
        },
      }),
    },
    '/api/openapi.json': {
      get: operation('get', 'getOpenApi', {
        tag: 'system',
        summary: 'This OpenAPI 3.1 description',
        access: 'public',
        ok: { status: 200, description: 'The OpenAPI document', schema: { type: 'object' } },
      }),
    },
  };
}
