/**
 * @module Bulk import of a spreadsheet into a form's records, as a job. `startImportJob` records a
 * queued job and runs it in the background of the request; `runImportJob` does the work and can be
 * awaited directly. The file is read, its header mapped to fields, and the rows handled in batches:
 * each row converted per field type and validated with the form's compiled validator; a bad row becomes
 * issues naming its Excel row number, column and field with the engine's message, and is not stored;
 * the good rows of a batch are stored with `storeNewRecord` (their flows start) in one transaction that
 * also moves the job's progress — so progress is visible and a crash loses at most the batch in flight.
 * A dry run validates everything and stores nothing.
 */
import { randomUUID } from 'node:crypto';
import { parsePointer, type Issue, type Locale } from '../../engine';
import type { Actor } from '../records/record-rows';
import { loadPublishedForm, type PublishedForm } from '../records/published-form';
import { storeNewRecord } from '../records/submit-record';
import { UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { appendEvent } from '../events/append-event';
import { convertCell } from './convert-cell';
import { importMessage } from './import-messages';
import { insertJob, readJob, trackJob, updateJob, type ImportResult, type JobView } from './job-store';
import { mapColumns, type JobIssue } from './map-columns';
import { readSheet, UnreadableFileError, type ImportFormat } from './read-sheet';

export const IMPORT_JOB_KIND = 'import';
/** Rows stored per transaction. */
export const DEFAULT_BATCH_SIZE = 500;
/** Issues kept in the job; the rest are counted in `result.issuesOmitted`. */
export const MAX_JOB_ISSUES = 1000;
export const DEFAULT_IMPORT_TIME_ZONE = 'Asia/Shanghai';

export interface ImportOptions {
  formKey: string;
  /** The published version to import into (the latest when absent). */
  formVersion?: number;
  file: Buffer;
  format: ImportFormat;
  dryRun: boolean;
  actor: Actor;
  locale?: Locale;
  /** Zone of date-times written without an offset and of Excel date cells. */
  timeZone?: string;
  batchSize?: number;
  /** Called after each batch is committed, with the progress so far. */
  onBatch?: (progress: {
    done: number;
    total: number;
    imported: number;
    failed: number;
  }) => void | Promise<void>;
}

/** Records a queued import job and runs it in the background; returns the queued job. */
export async function startImportJob(runtime: RuntimeContext, options: ImportOptions): Promise<JobView> {
  const form = await loadPublishedForm(runtime, options.formKey, options.formVersion);
  const id = randomUUID();
  const job = await insertJob(runtime, {
    id,
    kind: IMPORT_JOB_KIND,
    createdBy: options.actor.id,
    result: emptyResult(form, options.dryRun),
  });
  trackJob(id, runImportJob(runtime, id, { ...options, formVersion: form.version }));
  return job;
}

function emptyResult(form: PublishedForm, dryRun: boolean): ImportResult {
  return { form: form.key, formVersion: form.version, dryRun, imported: 0, failed: 0, issuesOmitted: 0 };
}

/** Collects issues up to the cap, counting the rest. */
class IssueList {
  readonly items: JobIssue[] = [];
  omitted = 0;
  add(issue: JobIssue): void {
    if (this.items.length < MAX_JOB_ISSUES) this.items.push(issue);
    else this.omitted++;
  }
}

/**
 * Runs the import job `jobId` (already recorded as queued) to its end and returns it. Failures end the
 * job as `failed` with an issue saying why; it rejects only when the job cannot be read back.
 */
export async function runImportJob(
  runtime: RuntimeContext,
  jobId: string,
  options: ImportOptions,
): Promise<JobView> {
  const locale = options.locale ?? 'en';
  const issues = new IssueList();
  let result: ImportResult | undefined;
  let done = 0;
  try {
    const form = await loadPublishedForm(runtime, options.formKey, options.formVersion);
    result = emptyResult(form, options.dryRun);
    let sheet;
    try {
      sheet = await readSheet(options.file, options.format);
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      issues.add({ row: null, column: null, field: null, code: err.code, message: err.message });
      await finish(runtime, jobId, 'failed', issues, result, 0);
      return readJob(runtime, jobId);
    }
    const rows = sheet.rows;
    const mapping = mapColumns(
      form.definition,
      sheet.header,
      (column) => rows.some((r) => r.cells[column] !== null && r.cells[column] !== undefined),
      locale,
    );
    for (const issue of mapping.issues) issues.add(issue);
    if (mapping.columns.size === 0) {
      issues.add({
        row: null,
        column: null,
        field: null,
        code: 'no-matching-columns',
        message: importMessage('no-matching-columns', { form: form.key }, locale),
      });
      await finish(runtime, jobId, 'failed', issues, result, 0, rows.length);
      return readJob(runtime, jobId);
    }
    await updateJob(runtime, runtime.db.knex, jobId, {
      status: 'running',
      total: rows.length,
      issues: issues.items,
      result: { ...result, issuesOmitted: issues.omitted },
    });

    const timeZone = options.timeZone ?? DEFAULT_IMPORT_TIME_ZONE;
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      const now = runtime.clock.now();
      const good: { id: string; data: Record<string, unknown> }[] = [];
      for (const row of batch) {
        const data: Record<string, unknown> = {};
        for (const [index, field] of mapping.columns) {
          const value = convertCell(field, row.cells[index] ?? null, { timeZone });
          if (value !== undefined) data[field.key] = value;
        }
        const checked = form.compiled.validate(data, { now, locale });
        if (checked.ok) {
          good.push({ id: randomUUID(), data: checked.value });
          continue;
        }
        result.failed++;
        for (const issue of checked.issues) issues.add(rowIssue(row.row, issue, mapping.headerOf));
      }
      const progress = () => ({
        done: done + batch.length,
        issues: issues.items,
        result: { ...result!, imported: result!.imported + good.length, issuesOmitted: issues.omitted },
      });
      if (options.dryRun) {
        await updateJob(runtime, runtime.db.knex, jobId, progress());
      } else {
        await runtime.db.knex.transaction(async (trx) => {
          for (const record of good) {
            await storeNewRecord(runtime, trx, {
              id: record.id,
              formKey: form.key,
              form,
              data: record.data,
              overrides: {},
              actor: options.actor,
              now,
            });
          }
          await updateJob(runtime, trx, jobId, progress());
        });
      }
      result.imported += good.length;
      done += batch.length;
      await options.onBatch?.({ done, total: rows.length, imported: result.imported, failed: result.failed });
    }
    await finish(runtime, jobId, 'done', issues, result, done);
  } catch (err) {
    runtime.logger.error('import job failed', {
      job: jobId,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    issues.add({
      row: null,
      column: null,
      field: null,
      code: 'import-failed',
      message: `${importMessage('import-failed', { done }, locale)}${err instanceof UserError ? `: ${err.message}` : ''}`,
    });
    try {
      await finish(runtime, jobId, 'failed', issues, result, done);
    } catch (inner) {
      runtime.logger.error('import job could not be marked failed', { job: jobId, error: String(inner) });
    }
  }
  return readJob(runtime, jobId);
}

async function finish(
  runtime: RuntimeContext,
  jobId: string,
  status: 'done' | 'failed',
  issues: IssueList,
  result: ImportResult | undefined,
  done: number,
  total?: number,
): Promise<void> {
  const final = result ? { ...result, issuesOmitted: issues.omitted } : undefined;
  await runtime.db.knex.transaction(async (trx) => {
    await updateJob(runtime, trx, jobId, {
      status,
      done,
      ...(total !== undefined ? { total } : {}),
      issues: issues.items,
      ...(final ? { result: final } : {}),
    });
    await appendEvent(trx, {
      stream: 'system',
      streamId: jobId,
      type: status === 'done' ? 'job.done' : 'job.failed',
      at: runtime.clock.now().getTime(),
      payload: { kind: IMPORT_JOB_KIND, ...(final ?? {}) },
    });
  });
}

/** An engine issue about a row, located by the Excel row number and the column of its field. */
function rowIssue(row: number, issue: Issue, headerOf: Map<string, string>): JobIssue {
  const segments = issue.path === '' ? [] : parsePointer(issue.path);
  const field = segments[0] ?? null;
  return {
    row,
    column: field === null ? null : (headerOf.get(field) ?? null),
    field,
    code: issue.code,
    message: issue.message,
  };
}
