/** @module Paths outside `/api` areas: health, Prometheus metrics and this document itself. */
import { jsonContent, operation, schemaRef, type JsonObject, type PathItems } from '../openapi-parts';

/** `GET /healthz`; its 503 has the health shape, not the error one. */
function healthOperation(): JsonObject {
  const health = operation('get', 'getHealth', {
    tag: 'system',
    summary: 'The process is up and the database answers',
    access: 'public',
    ok: { status: 200, description: 'Healthy', schema: schemaRef('Health') },
  });
  const responses = health.responses as JsonObject;
  return {
    ...health,
    responses: {
      ...responses,
      503: { description: 'The database does not answer', content: jsonContent(schemaRef('Health')) },
    },
  };
}

export function systemPaths(): PathItems {
  return {
    '/healthz': {
      get: healthOperation(),
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
