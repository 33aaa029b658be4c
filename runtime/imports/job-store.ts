/**
 * @module The `jobs` table as imports use it: create a queued job (with its uploaded file, in the same
 * transaction), move it on — only while the caller's lease holds it, when it passes its claim — read one
 * with its progress (`percent` from `done` / `total`), and the registry of jobs running in this process,
 * so a caller — a test — can await the job an HTTP request started (`waitForJob`) instead of polling.
 */
import type { Knex } from 'knex';
import { appendEvent } from '../events/append-event';
import { notFound } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson, writeJson } from '../storage/json-value';
import { insertJobFile, type StoredImport } from './job-files';
import { LeaseLostError, type JobClaim } from './job-lease';
import type { JobIssue } from './map-columns';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportResult {
  form: string;
  formVersion: number;
  dryRun: boolean;
  imported: number;
  failed: number;
  /** Issues beyond the stored cap, counted but not listed. */
  issuesOmitted: number;
}

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  total: number | null;
  done: number;
  percent: number;
  issues: JobIssue[];
  result: ImportResult | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

function jobView(row: Record<string, unknown>): JobView {
  const total = row.total === null || row.total === undefined ? null : Number(row.total);
  const done = Number(row.done);
  const status = row.status as JobStatus;
  const percent =
    status === 'done'
      ? 100
      : total === null || total === 0
        ? 0
        : Math.min(100, Math.floor((done * 100) / total));
  return {
    id: row.id as string,
    kind: row.kind as string,
    status,
    total,
    done,
    percent,
    issues: readJson<JobIssue[]>(row.issues) ?? [],
    result: readJson<ImportResult | null>(row.result) ?? null,
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

export interface NewJob {
  id: string;
  kind: string;
  createdBy: string | null;
  result: ImportResult;
  /** The uploaded file and options, kept until the job ends. */
  stored?: StoredImport;
  /** Queued already held by this claim (the process about to run it), so no worker takes it meanwhile. */
  claim?: JobClaim;
}

export async function insertJob(runtime: RuntimeContext, job: NewJob): Promise<JobView> {
  const at = runtime.clock.now().getTime();
  await runtime.db.knex.transaction(async (trx) => {
    await trx('jobs').insert({
      id: job.id,
      kind: job.kind,
      status: 'queued',
      total: null,
      done: 0,
      issues: writeJson([]),
      result: writeJson(job.result),
      created_by: job.createdBy,
      created_at: at,
      updated_at: at,
      claimed_by: job.claim?.token ?? null,
      claimed_until: job.claim ? at + job.claim.leaseMs : null,
      attempts: job.claim ? 1 : 0,
    });
    if (job.stored) await insertJobFile(trx, job.id, job.stored, at);
    await appendEvent(trx, {
      stream: 'system',
      streamId: job.id,
      type: 'job.created',
      actor: job.createdBy,
      at,
      payload: { kind: job.kind, form: job.result.form, dryRun: job.result.dryRun },
    });
  });
  return readJob(runtime, job.id);
}

export interface JobUpdate {
  status?: JobStatus;
  total?: number;
  done?: number;
  issues?: JobIssue[];
  result?: ImportResult;
}

/**
 * Writes `update` to the job. With `lease`, only while `lease.claim` still holds the job — renewing it,
 * or releasing it when `lease.release` — and throws {@link LeaseLostError} (rolling back the caller's
 * transaction) when another claim has taken the job over.
 */
export async function updateJob(
  runtime: RuntimeContext,
  db: Knex | Knex.Transaction,
  id: string,
  update: JobUpdate,
  lease?: { claim: JobClaim; release?: boolean },
): Promise<void> {
  const now = runtime.clock.now().getTime();
  const row: Record<string, unknown> = { updated_at: now };
  if (update.status !== undefined) row.status = update.status;
  if (update.total !== undefined) row.total = update.total;
  if (update.done !== undefined) row.done = update.done;
  if (update.issues !== undefined) row.issues = writeJson(update.issues);
  if (update.result !== undefined) row.result = writeJson(update.result);
  if (!lease) {
    await db('jobs').where({ id }).update(row);
    return;
  }
  row.claimed_until = lease.release ? null : now + lease.claim.leaseMs;
  const updated = await db('jobs').where({ id, claimed_by: lease.claim.token }).update(row);
  if (Number(updated) === 0) throw new LeaseLostError(id);
}

export async function readJob(runtime: RuntimeContext, id: string): Promise<JobView> {
  const row = (await runtime.db.knex('jobs').where({ id }).first()) as Record<string, unknown> | undefined;
  if (!row) throw notFound(`Job "${id}"`);
  return jobView(row);
}

/** Jobs running in this process, by id. */
const inFlight = new Map<string, Promise<unknown>>();

export function trackJob(id: string, work: Promise<unknown>): void {
  const tracked = work.catch(() => undefined).finally(() => inFlight.delete(id));
  inFlight.set(id, tracked);
}

/** Settles when the job `id` started in this process has finished (at once if none is running). */
export async function waitForJob(id: string): Promise<void> {
  await inFlight.get(id)?.catch(() => undefined);
}

/** Settles when every job running in this process has finished. */
export async function waitForAllJobs(): Promise<void> {
  await Promise.all([...inFlight.values()].map((p) => p.catch(() => undefined)));
}
