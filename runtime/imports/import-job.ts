/**
 * @module Bulk import of a spreadsheet into a form's records, as a durable job. `startImportJob` stores
 * a queued job together with the uploaded file (one transaction), already leased to this process, and
 * starts it in the background of the request; should the process die, the lease runs out and the import
 * worker (`import-worker.ts`) resumes the job from the stored file. `runImportJob` does the work and can
 * be awaited directly. The file is read, its header mapped to fields, and the rows handled in batches:
 * each row converted per field type and validated with the form's compiled validator; a bad row becomes
 * issues naming its Excel row number, column and field with the engine's message, and is not stored;
 * the good rows of a batch are stored with `storeNewRecords` (their flows start) in one transaction that
 * also moves the job's progress — rows done, issues, counts — and renews the lease. So a run that stops
 * anywhere resumes after the last committed batch, skipping `done` data rows: no row stored twice, none
 * lost. A dry run validates everything and stores nothing; it keeps the same progress, so it resumes too.
 */
import { randomUUID } from 'node:crypto';
import { parsePointer, type Issue } from '../../engine';
import { loadPublishedForm, type PublishedForm } from '../records/published-form';
import { storeNewRecords } from '../records/store-new-records';
import { UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { appendEvent } from '../events/append-event';
import { convertCell } from './convert-cell';
import { importMessage } from './import-messages';
import { deleteJobFile, type ImportSettings } from './job-files';
import { claimJob, LeaseLostError, newClaim, type JobClaim } from './job-lease';
import { insertJob, readJob, trackJob, updateJob, type ImportResult, type JobView } from './job-store';
import { mapColumns, type JobIssue } from './map-columns';
import { readSheet, UnreadableFileError } from './read-sheet';

export const IMPORT_JOB_KIND = 'import';
/** Rows stored per transaction. */
export const DEFAULT_BATCH_SIZE = 500;
/** Issues kept in the job; the rest are counted in `result.issuesOmitted`. */
export const MAX_JOB_ISSUES = 1000;
export const DEFAULT_IMPORT_TIME_ZONE = 'Asia/Shanghai';

export interface ImportProgress {
  done: number;
  total: number;
  imported: number;
  failed: number;
}

/** How a run is driven, beyond what the import is. */
export interface RunControl {
  /** Called after each batch is committed, with the progress so far. */
  onBatch?: (progress: ImportProgress) => void | Promise<void>;
  /**
   * Stops the run before its next write once aborted, as if the process had died there: the job stays
   * `running` with its lease, for a worker to resume when the lease runs out (or is released).
   */
  signal?: AbortSignal;
}

export interface ImportOptions extends ImportSettings, RunControl {
  file: Buffer;
  /** Names this process in the job's lease (`claimed_by`). */
  workerId?: string;
  /** How long the lease holds without a batch renewing it. */
  leaseMs?: number;
}

/**
 * Records a queued import job with its file and options, in one transaction. Without `claim` it waits
 * for a worker; with one, that claim holds it (the caller runs it next).
 */
export async function queueImportJob(
  runtime: RuntimeContext,
  options: ImportOptions,
  claim?: JobClaim,
): Promise<JobView> {
  const form = await loadPublishedForm(runtime, options.formKey, options.formVersion);
  const { file, format, dryRun, actor, locale, timeZone, batchSize } = options;
  return insertJob(runtime, {
    id: randomUUID(),
    kind: IMPORT_JOB_KIND,
    createdBy: actor.id,
    result: emptyResult(form, dryRun),
    stored: {
      file,
      settings: {
        formKey: form.key,
        formVersion: form.version,
        format,
        dryRun,
        actor,
        locale,
        timeZone,
        batchSize,
      },
    },
    ...(claim ? { claim } : {}),
  });
}

/**
 * Records a queued import job (with its file) and starts it in the background; returns the queued job.
 * The job is durable from here: if this process stops, the import worker finishes it.
 */
export async function startImportJob(runtime: RuntimeContext, options: ImportOptions): Promise<JobView> {
  const claim = newClaim(options.workerId, options.leaseMs);
  const job = await queueImportJob(runtime, options, claim);
  const formVersion = job.result!.formVersion;
  trackJob(job.id, runClaimedImportJob(runtime, job.id, { ...options, formVersion }, claim));
  return job;
}

function emptyResult(form: PublishedForm, dryRun: boolean): ImportResult {
  return { form: form.key, formVersion: form.version, dryRun, imported: 0, failed: 0, issuesOmitted: 0 };
}

/** Collects issues up to the cap, counting the rest. */
class IssueList {
  constructor(
    readonly items: JobIssue[] = [],
    public omitted = 0,
  ) {}
  add(issue: JobIssue): void {
    if (this.items.length < MAX_JOB_ISSUES) this.items.push(issue);
    else this.omitted++;
  }
}

/**
 * Runs the import job `jobId` with `options` to its end and returns it: takes the job's lease (unless a
 * live lease of another run holds it — then the job is returned as it is), and resumes it if it was left
 * `running`, else starts it afresh. Failures end the job as `failed` with an issue saying why; it
 * rejects only when the job cannot be read back.
 */
export async function runImportJob(
  runtime: RuntimeContext,
  jobId: string,
  options: ImportOptions,
): Promise<JobView> {
  const claim = newClaim(options.workerId, options.leaseMs);
  if (!(await claimJob(runtime, jobId, claim))) {
    runtime.logger.warn('import job is held by another run; not started', { job: jobId });
    return readJob(runtime, jobId);
  }
  return runClaimedImportJob(runtime, jobId, options, claim);
}

/**
 * Runs the job `claim` holds: a `running` job resumes after its `done` rows with the issues and counts
 * stored so far; any other starts from the first row. Writes stop, without an error, when the lease is
 * lost to another run or `options.signal` is aborted.
 */
export async function runClaimedImportJob(
  runtime: RuntimeContext,
  jobId: string,
  options: ImportSettings & RunControl & { file: Buffer },
  claim: JobClaim,
): Promise<JobView> {
  const locale = options.locale ?? 'en';
  const lease = { claim };
  const stopped = () => options.signal?.aborted === true;
  let issues = new IssueList();
  let result: ImportResult | undefined;
  let done = 0;
  try {
    const before = await readJob(runtime, jobId);
    const form = await loadPublishedForm(runtime, options.formKey, options.formVersion);
    const resuming = before.status === 'running' && before.result !== null;
    result = resuming ? { ...before.result! } : emptyResult(form, options.dryRun);
    if (resuming) {
      issues = new IssueList([...before.issues], result.issuesOmitted);
      done = before.done;
    }
    let sheet;
    try {
      sheet = await readSheet(options.file, options.format);
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      issues.add({ row: null, column: null, field: null, code: err.code, message: err.message });
      await finish(runtime, jobId, claim, 'failed', issues, result, done);
      return readJob(runtime, jobId);
    }
    const rows = sheet.rows;
    // The same bytes and form version map the same way on every run, so a resumed run needs no more.
    const mapping = mapColumns(
      form.definition,
      sheet.header,
      (column) => rows.some((r) => r.cells[column] !== null && r.cells[column] !== undefined),
      locale,
    );
    if (stopped()) return readJob(runtime, jobId);
    if (resuming) {
      // The file-level issues are among those stored; only the lease and the audit trail move.
      await runtime.db.knex.transaction(async (trx) => {
        await updateJob(runtime, trx, jobId, {}, lease);
        await appendEvent(trx, {
          stream: 'system',
          streamId: jobId,
          type: 'job.resumed',
          actor: before.createdBy,
          at: runtime.clock.now().getTime(),
          payload: { kind: IMPORT_JOB_KIND, done, total: rows.length },
        });
      });
      runtime.logger.info('import job resumed', { job: jobId, done, total: rows.length });
    } else {
      for (const issue of mapping.issues) issues.add(issue);
      if (mapping.columns.size === 0) {
        issues.add({
          row: null,
          column: null,
          field: null,
          code: 'no-matching-columns',
          message: importMessage('no-matching-columns', { form: form.key }, locale),
        });
        await finish(runtime, jobId, claim, 'failed', issues, result, 0, rows.length);
        return readJob(runtime, jobId);
      }
      await updateJob(
        runtime,
        runtime.db.knex,
        jobId,
        {
          status: 'running',
          total: rows.length,
          done: 0,
          issues: issues.items,
          result: { ...result, issuesOmitted: issues.omitted },
        },
        lease,
      );
    }

    const timeZone = options.timeZone ?? DEFAULT_IMPORT_TIME_ZONE;
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    // What the job row holds now: the issues stored so far (resumed) or just written (started).
    let issuesWritten = issues.items.length;
    for (let start = done; start < rows.length; start += batchSize) {
      if (stopped()) return readJob(runtime, jobId);
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
        // The stored list only grows (up to the cap): rewritten only when this batch added to it.
        ...(issues.items.length !== issuesWritten ? { issues: issues.items } : {}),
        result: { ...result!, imported: result!.imported + good.length, issuesOmitted: issues.omitted },
      });
      if (options.dryRun) {
        await updateJob(runtime, runtime.db.knex, jobId, progress(), lease);
      } else {
        await runtime.db.knex.transaction(async (trx) => {
          // First, so a run whose lease was taken over rolls back before storing anything; on
          // PostgreSQL it also locks the job row until the batch commits.
          await updateJob(runtime, trx, jobId, progress(), lease);
          await storeNewRecords(
            runtime,
            trx,
            good.map(({ id, data }) => ({
              id,
              formKey: form.key,
              form,
              data,
              overrides: {},
              actor: options.actor,
              now,
            })),
          );
        });
      }
      result.imported += good.length;
      done += batch.length;
      issuesWritten = issues.items.length;
      await options.onBatch?.({ done, total: rows.length, imported: result.imported, failed: result.failed });
    }
    if (stopped()) return readJob(runtime, jobId);
    await finish(runtime, jobId, claim, 'done', issues, result, done);
  } catch (err) {
    if (err instanceof LeaseLostError) {
      runtime.logger.warn('import job taken over by another run; this run stops', { job: jobId, done });
      return readJob(runtime, jobId);
    }
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
      await finish(runtime, jobId, claim, 'failed', issues, result, done);
    } catch (inner) {
      runtime.logger.error('import job could not be marked failed', { job: jobId, error: String(inner) });
    }
  }
  return readJob(runtime, jobId);
}

/**
 * Ends the job `claim` holds as failed with one more issue (`code` from the import's messages), keeping
 * its progress and the issues stored so far: for a job that cannot be run at all any more.
 */
export async function failImportJob(
  runtime: RuntimeContext,
  jobId: string,
  claim: JobClaim,
  code: string,
  params: Record<string, unknown>,
  locale: ImportSettings['locale'] = 'en',
): Promise<JobView> {
  const job = await readJob(runtime, jobId);
  const issues = new IssueList([...job.issues], job.result?.issuesOmitted ?? 0);
  issues.add({ row: null, column: null, field: null, code, message: importMessage(code, params, locale) });
  await finish(runtime, jobId, claim, 'failed', issues, job.result ?? undefined, job.done);
  return readJob(runtime, jobId);
}

/** Ends the job: its final state, the event, the stored file deleted and the lease released, together. */
async function finish(
  runtime: RuntimeContext,
  jobId: string,
  claim: JobClaim,
  status: 'done' | 'failed',
  issues: IssueList,
  result: ImportResult | undefined,
  done: number,
  total?: number,
): Promise<void> {
  const final = result ? { ...result, issuesOmitted: issues.omitted } : undefined;
  await runtime.db.knex.transaction(async (trx) => {
    await updateJob(
      runtime,
      trx,
      jobId,
      {
        status,
        done,
        ...(total !== undefined ? { total } : {}),
        issues: issues.items,
        ...(final ? { result: final } : {}),
      },
      { claim, release: true },
    );
    await deleteJobFile(trx, jobId);
    // The job's end names who started it, as the records it stored do.
    const job = (await trx('jobs').where({ id: jobId }).first('created_by')) as { created_by: string | null };
    await appendEvent(trx, {
      stream: 'system',
      streamId: jobId,
      type: status === 'done' ? 'job.done' : 'job.failed',
      actor: job.created_by,
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
