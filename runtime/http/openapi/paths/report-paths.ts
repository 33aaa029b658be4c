/** @module Report data (`runtime/http/report-routes.ts`): ad-hoc specs, published reports, CSV. */
import { LOCALE_PARAM, operation, pathParam, queryParam, schemaRef, type PathItems } from '../openapi-parts';

const reportKey = pathParam('key', 'The published report’s key');
const asOf = queryParam('asOf', 'ISO-8601 instant for backlog-style KPIs (422 when unreadable)');
const tag = 'reports';

export function reportPaths(): PathItems {
  return {
    '/api/reports/query': {
      post: operation('post', 'queryReport', {
        tag,
        summary: 'Run an unsaved report spec (checked like a saved one: 422 with issues)',
        access: 'signed-in',
        body: { schema: schemaRef('ReportQueryInput') },
        ok: {
          status: 200,
          description: 'Rows, outputs and the chart option',
          schema: schemaRef('ReportResult'),
        },
        errors: [422],
      }),
    },
    '/api/reports/{key}/data': {
      get: operation('get', 'getReportData', {
        tag,
        summary: 'Run the published report',
        access: 'signed-in',
        parameters: [reportKey, LOCALE_PARAM, asOf],
        ok: {
          status: 200,
          description: 'Rows, outputs and the chart option',
          schema: schemaRef('ReportResult'),
        },
        errors: [404, 422],
      }),
    },
    '/api/reports/{key}/data.csv': {
      get: operation('get', 'getReportCsv', {
        tag,
        summary: 'The published report’s rows as CSV (UTF-8 with BOM, labels in `locale`)',
        access: 'signed-in',
        parameters: [reportKey, LOCALE_PARAM, asOf],
        ok: {
          status: 200,
          description: 'A CSV download',
          contentType: 'text/csv',
          schema: { type: 'string' },
        },
        errors: [404, 422],
      }),
    },
  };
}
