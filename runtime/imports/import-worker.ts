/**
 * @module The import worker: claims import jobs nobody is running — `queued` ones whose request never
 * started them, and `running` ones whose lease ran out because their process died — and runs each from
 * its stored file, resuming after the last committed batch. On PostgreSQL several processes run it side
 * by side; the claim (`job-lease.ts`) gives each job to one of them. A job that keeps getting interrupted
 * (it kills its worker, say) is given up after `maxAttempts` claims and ends `failed`, its rows so far kept;
 * a job whose file is gone (queued before files were stored) ends `failed` saying so.
 */
import type { RuntimeContext } from '../runtime-context';
import { startPollingLoop } from '../workers/polling-loop';
import { failImportJob, IMPORT_JOB_KIND, runClaimedImportJob, type ImportProgress } from './import-job';
import { readJobFile } from './job-files';
import {
  claimNextJob,
  defaultImportWorkerId,
  newClaim,
  releaseJob,
  type ClaimedJob,
  type JobClaim,
} from './job-lease';
import type { JobStatus } from './job-store';

/** Claims of one job (the request's own run included) before the worker gives up on it. */
export const DEFAULT_MAX_IMPORT_ATTEMPTS = 5;
/** Jobs one call takes at most. */
export const DEFAULT_IMPORTS_PER_CALL = 10;

export interface ImportWorkerOptions {
  /** Names this worker in the jobs' leases and in logs. */
  workerId?: string;
  leaseMs?: number;
  limit?: number;
  maxAttempts?: number;
  /** Stops between batches, the job in hand left `running` (see `releaseOnAbort`). */
  signal?: AbortSignal;
  /** On abort, gives the job in hand back at once instead of leaving its lease to run out. */
  releaseOnAbort?: boolean;
  /** Called after each committed batch of each job. */
  onBatch?: (jobId: string, progress: ImportProgress) => void | Promise<void>;
}

export interface HandledImport {
  id: string;
  /** Rows already done when claimed: 0 for a job started afresh. */
  resumedAfter: number;
  attempts: number;
  /** Where the job stands after this run: `running` when stopped or taken over. */
  status: JobStatus;
}

/** Runs the import jobs due now, one after the other, until none is left or `limit` were taken. */
export async function runDueImports(
  runtime: RuntimeContext,
  options: ImportWorkerOptions = {},
): Promise<{ handled: HandledImport[] }> {
  const workerId = options.workerId ?? defaultImportWorkerId();
  const limit = options.limit ?? DEFAULT_IMPORTS_PER_CALL;
  const handled: HandledImport[] = [];
  while (handled.length < limit && !options.signal?.aborted) {
    const claim = newClaim(workerId, options.leaseMs);
    const claimed = await claimNextJob(runtime, IMPORT_JOB_KIND, claim);
    if (!claimed) break;
    const status = await runClaimed(runtime, claimed, claim, options);
    if (status === 'running' && options.signal?.aborted && options.releaseOnAbort) {
      await releaseJob(runtime, claimed.id, claim);
    }
    handled.push({ id: claimed.id, resumedAfter: claimed.done, attempts: claimed.attempts, status });
  }
  return { handled };
}

async function runClaimed(
  runtime: RuntimeContext,
  claimed: ClaimedJob,
  claim: JobClaim,
  options: ImportWorkerOptions,
): Promise<JobStatus> {
  const { id, done, attempts } = claimed;
  const stored = await readJobFile(runtime.db.knex, id);
  if (!stored) {
    runtime.logger.warn('import job has no stored file; failing it', { job: id });
    return (await failImportJob(runtime, id, claim, 'import-file-missing', { done })).status;
  }
  const { settings, file } = stored;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_IMPORT_ATTEMPTS;
  if (attempts > maxAttempts) {
    runtime.logger.warn('import job interrupted too often; giving up', { job: id, attempts, done });
    const params = { attempts: attempts - 1, done };
    return (await failImportJob(runtime, id, claim, 'import-gave-up', params, settings.locale)).status;
  }
  const job = await runClaimedImportJob(
    runtime,
    id,
    {
      ...settings,
      file,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onBatch ? { onBatch: (progress) => options.onBatch!(id, progress) } : {}),
    },
    claim,
  );
  return job.status;
}

export interface ImportWorkerLoopOptions extends Omit<ImportWorkerOptions, 'signal' | 'releaseOnAbort'> {
  /** Pause between calls that found nothing to do. */
  intervalMs?: number;
}

/**
 * Runs due imports every `intervalMs` (at once again after taking a job) until the returned function is
 * called; that function stops the job in hand after its current batch, gives it back for another worker,
 * and resolves once it has.
 */
export function startImportWorker(
  runtime: RuntimeContext,
  options: ImportWorkerLoopOptions = {},
): () => Promise<void> {
  return startPollingLoop({
    intervalMs: options.intervalMs ?? 5_000,
    run: async (signal) => {
      const { handled } = await runDueImports(runtime, {
        ...options,
        limit: 1,
        signal,
        releaseOnAbort: true,
      });
      return handled.length > 0;
    },
    // The database may be away for a moment; the next tick tries again.
    onError: (err) =>
      runtime.logger.warn('import worker: run failed, will retry', {
        error: err instanceof Error ? err.message : String(err),
      }),
  });
}
