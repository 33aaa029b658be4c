/**
 * @module Report data (`runtime/http/report-routes.ts`): ad-hoc specs, published reports, CSV, SVG, and
 * the records behind a chart point.
 */
import { LOCALE_PARAM, operation, pathParam, queryParam, schemaRef, type PathItems } from '../openapi-parts';

const reportKey = pathParam('key', 'The published report’s key');
const asOf = queryParam('asOf', 'ISO-8601 instant for backlog-style KPIs (422 when unreadable)');
const tag = 'reports';
const pixels = (name: string, fallback: number) =>
  queryParam(name, `The picture’s ${name} in pixels (default ${fallback}; 422 outside 100–4000)`, {
    type: 'integer',
    minimum: 100,
    maximum: 4000,
  });

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
    '/api/reports/records': {
      post: operation('post', 'listRecordsBehindPoint', {
        tag,
        summary: 'The records behind a clicked chart point, newest first',
        description:
          'The report’s filters, the dashboard’s shared filters and the point’s dimension values select ' +
          'the rows; their source records are listed once each with their current data. Needs read ' +
          'access to the source form’s records (`read-own`: only the caller’s own; tokens `reports:read` ' +
          'and `records:read`).',
        access: 'signed-in',
        body: { schema: schemaRef('ReportRecordsInput') },
        ok: {
          status: 200,
          description: 'The records (at most `limit`) and how many there are',
          schema: schemaRef('RecordsBehindPoint'),
        },
        errors: [404, 422],
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
    '/api/reports/{key}/data.svg': {
      get: operation('get', 'getReportSvg', {
        tag,
        summary: 'The published report’s chart rendered on the server as SVG (labels in `locale`)',
        description: 'Built from the same chart option as `/data`; 404 when the report has no chart.',
        access: 'signed-in',
        parameters: [reportKey, LOCALE_PARAM, asOf, pixels('width', 800), pixels('height', 450)],
        ok: {
          status: 200,
          description: 'An SVG image',
          contentType: 'image/svg+xml',
          schema: { type: 'string' },
        },
        errors: [404, 422],
      }),
    },
  };
}
