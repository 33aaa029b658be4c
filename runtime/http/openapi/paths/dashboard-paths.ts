/**
 * @module Dashboard data and read-only links (`runtime/http/dashboard-routes.ts`); the definitions are
 * in `definition-paths.ts`.
 */
import {
  itemsOf,
  LOCALE_PARAM,
  operation,
  pathParam,
  queryParam,
  schemaRef,
  type PathItems,
} from '../openapi-parts';

const tag = 'dashboards';
const dashboardKey = pathParam('key', 'The published dashboard’s key');
const filters = queryParam(
  'filters',
  'The viewer’s shared filter values as JSON: `{ "<key>": { "from": "YYYY-MM-DD", "to": … } | [values] }` (422 naming the filter when one does not fit)',
);
const data = {
  status: 200,
  description: 'Each card’s result and each shared filter’s choices',
  schema: schemaRef('DashboardData'),
};

export function dashboardPaths(): PathItems {
  return {
    '/api/dashboards/query': {
      post: operation('post', 'queryDashboard', {
        tag,
        summary: 'Run an unsaved dashboard (checked like a saved one: 422 with issues, nothing run)',
        access: 'signed-in',
        body: { schema: schemaRef('DashboardQueryInput') },
        ok: data,
        errors: [422],
      }),
    },
    '/api/dashboards/{key}/data': {
      get: operation('get', 'getDashboardData', {
        tag,
        summary: 'Run the latest published dashboard with the viewer’s shared filters',
        access: 'signed-in',
        parameters: [dashboardKey, filters, LOCALE_PARAM],
        ok: data,
        errors: [404, 422],
      }),
    },
    '/api/dashboards/{key}/links': {
      get: operation('get', 'listDashboardLinks', {
        tag,
        summary: 'The dashboard’s live read-only links, newest first (without their tokens)',
        access: 'signed-in',
        parameters: [dashboardKey],
        ok: { status: 200, description: 'The links', schema: itemsOf(schemaRef('DashboardLink')) },
      }),
      post: operation('post', 'createDashboardLink', {
        tag,
        summary: 'Make a read-only link to the published dashboard (managers and designers)',
        description: 'The token is in this answer only; the server keeps its hash.',
        access: 'signed-in',
        parameters: [dashboardKey],
        ok: {
          status: 201,
          description: 'The link with its token',
          schema: schemaRef('CreatedDashboardLink'),
        },
        errors: [404],
      }),
    },
    '/api/dashboards/{key}/links/{id}': {
      delete: operation('delete', 'revokeDashboardLink', {
        tag,
        summary: 'Revoke a read-only link; its address answers 404 from now on',
        access: 'signed-in',
        parameters: [dashboardKey, pathParam('id', 'The link’s id')],
        ok: { status: 204, description: 'Revoked' },
        errors: [404],
      }),
    },
    '/api/shared-dashboards/{token}/data': {
      get: operation('get', 'getSharedDashboardData', {
        tag,
        summary: 'The dashboard behind a read-only link, without signing in',
        description:
          'Card results and filter choices only (no report specs). 404 alike for an unknown and a revoked ' +
          'link; rate-limited per client IP (429).',
        access: 'public',
        parameters: [pathParam('token', 'The link’s token'), filters, LOCALE_PARAM],
        ok: data,
        errors: [404, 422, 429],
      }),
    },
  };
}
