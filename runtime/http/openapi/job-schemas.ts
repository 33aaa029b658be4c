/**
 * @module Response schemas of bulk import jobs, typed against `JobView` and `ImportResult`
 * (`runtime/imports/job-store.ts`) and the per-row `JobIssue` (`runtime/imports/map-columns.ts`).
 */
import type { ImportResult, JobStatus, JobView } from '../../imports/job-store';
import type { JobIssue } from '../../imports/map-columns';
import { schemaRef, type JsonObject } from './openapi-parts';
import { arrayOf, closedObject, enumOf, isoInstant, nullable, nullableOf } from './schema-builders';

export function jobSchemas(): Record<string, JsonObject> {
  return {
    Job: closedObject<JobView>(
      {
        id: { type: 'string' },
        kind: { type: 'string', description: '`import`' },
        status: enumOf<JobStatus>()(['queued', 'running', 'done', 'failed']),
        total: { ...nullable('integer'), description: 'Rows in the file; null until it is read' },
        done: { type: 'integer', description: 'Rows handled so far' },
        percent: { type: 'integer', minimum: 0, maximum: 100 },
        issues: arrayOf(schemaRef('JobIssue'), 'Per-row problems (up to a cap; see `result.issuesOmitted`)'),
        result: nullableOf(schemaRef('ImportResult')),
        createdBy: nullable('string'),
        createdAt: isoInstant,
        updatedAt: isoInstant,
      },
      {},
    ),
    JobEnvelope: closedObject<{ job: JobView }>({ job: schemaRef('Job') }, {}),
    JobIssue: closedObject<JobIssue>(
      {
        row: {
          ...nullable('integer'),
          description: 'Excel row number (header = 1); null for the whole file',
        },
        column: { ...nullable('string'), description: 'The column header as the file names it' },
        field: { ...nullable('string'), description: 'The form field' },
        code: { type: 'string' },
        message: { type: 'string' },
      },
      {},
    ),
    ImportResult: closedObject<ImportResult>(
      {
        form: { type: 'string' },
        formVersion: { type: 'integer' },
        dryRun: { type: 'boolean' },
        imported: { type: 'integer' },
        failed: { type: 'integer' },
        issuesOmitted: {
          type: 'integer',
          description: 'Issues beyond the stored cap, counted but not listed',
        },
      },
      {},
    ),
  };
}
