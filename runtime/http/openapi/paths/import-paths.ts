/** @module Bulk import (`runtime/http/import-routes.ts`): a CSV / XLSX file in, a job to follow. */
import { XLSX_TYPE } from '../../import-routes';
import {
  LOCALE_PARAM,
  LOCATION_HEADER,
  operation,
  pathParam,
  queryParam,
  schemaRef,
  type PathItems,
} from '../openapi-parts';

const file = { type: 'string', description: 'The file itself as the body' };

export function importPaths(): PathItems {
  return {
    '/api/forms/{key}/import': {
      post: operation('post', 'importRecords', {
        tag: 'records',
        summary: 'Bulk import a CSV or XLSX file into the form (designers, managers; `records:write`)',
        description:
          'The file is the raw body. 202 with the job; follow it at `GET /api/jobs/{id}` for progress and a ' +
          'per-row error report. 415 for other content types; 413 past the size limit.',
        access: 'signed-in',
        parameters: [
          pathParam('key', 'The form key'),
          queryParam('dryRun', '`1` / `true`: check every row, store nothing'),
          queryParam('timeZone', 'IANA time zone of dates without one (default Asia/Shanghai)'),
          LOCALE_PARAM,
        ],
        body: {
          schema: file,
          content: {
            'text/csv': file,
            [XLSX_TYPE]: { ...file, contentMediaType: XLSX_TYPE },
          },
        },
        ok: {
          status: 202,
          description: 'The job, started',
          schema: schemaRef('JobEnvelope'),
          headers: LOCATION_HEADER,
        },
        errors: [404, 415, 422],
      }),
    },
    '/api/jobs/{id}': {
      get: operation('get', 'getJob', {
        tag: 'records',
        summary: 'A job with its progress and per-row issues (its creator or an admin; 404 to others)',
        access: 'signed-in',
        parameters: [pathParam('id', 'The job id')],
        ok: { status: 200, description: 'The job', schema: schemaRef('JobEnvelope') },
        errors: [404],
      }),
    },
  };
}
