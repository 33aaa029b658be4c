/**
 * @module Leases on import jobs: which run holds a job (`claimed_by`, a token new for every claim) and
 * until when (`claimed_until`). A run renews its lease with every batch it commits and writes only while
 * `claimed_by` is still its own token; after the lease runs out (the process died, or hung) another worker
 * may claim the job, and the old run's next write finds the token changed and rolls back
 * ({@link LeaseLostError}) — so one job is never run twice at once, even by two runs in one process.
 *
 * The worker's claim is a short transaction; on PostgreSQL `SELECT … FOR UPDATE SKIP LOCKED` lets
 * several processes claim side by side without ever taking the same job. SQLite is one process and
 * one writer, so a plain transaction suffices.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { RuntimeContext } from '../runtime-context';
import type { JobStatus } from './job-store';

/** How long a claim holds without a batch renewing it: past this, the job is taken as abandoned. */
export const DEFAULT_IMPORT_LEASE_MS = 120_000;

export const defaultImportWorkerId = () => `${hostname()}:${process.pid}`;

/** One run's hold on a job. */
export interface JobClaim {
  /** Stored in `claimed_by`: the worker's name and a part unique to this claim. */
  token: string;
  leaseMs: number;
}

export function newClaim(
  workerId: string = defaultImportWorkerId(),
  leaseMs = DEFAULT_IMPORT_LEASE_MS,
): JobClaim {
  return { token: `${workerId.slice(0, 80)}/${randomUUID().slice(0, 8)}`, leaseMs };
}

/** The run's lease was taken over by another claim; it must stop without writing. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`The lease on job ${jobId} was taken over by another worker`);
    this.name = 'LeaseLostError';
  }
}

/** Rows no live lease holds: never claimed, released, or past their lease. */
function unleased(query: Knex.QueryBuilder, now: number): Knex.QueryBuilder {
  return query.where((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<=', now));
}

/**
 * Takes the lease on the job `jobId`, whatever its status, unless a live lease of another claim holds it.
 * Returns whether it did.
 */
export async function claimJob(runtime: RuntimeContext, jobId: string, claim: JobClaim): Promise<boolean> {
  const now = runtime.clock.now().getTime();
  // One conditional UPDATE: on PostgreSQL a concurrent claim waits for the row and re-checks the lease.
  const claimed = await unleased(runtime.db.knex('jobs').where({ id: jobId }), now).update({
    claimed_by: claim.token,
    claimed_until: now + claim.leaseMs,
    attempts: runtime.db.knex.raw('attempts + 1'),
  });
  return Number(claimed) > 0;
}

export interface ClaimedJob {
  id: string;
  /** The status when claimed: `queued` starts afresh, `running` resumes after `done` rows. */
  status: Extract<JobStatus, 'queued' | 'running'>;
  done: number;
  /** Claims of this job so far, this one included. */
  attempts: number;
}

/** Claims the oldest `queued` or abandoned `running` job of `kind`, or returns undefined when none is due. */
export async function claimNextJob(
  runtime: RuntimeContext,
  kind: string,
  claim: JobClaim,
): Promise<ClaimedJob | undefined> {
  const now = runtime.clock.now().getTime();
  return runtime.db.knex.transaction(async (trx) => {
    const query = unleased(
      trx('jobs')
        .select('id', 'status', 'done', 'attempts')
        .where({ kind })
        .whereIn('status', ['queued', 'running']),
      now,
    )
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .first();
    const row = (await (runtime.db.dialect === 'postgres' ? query.forUpdate().skipLocked() : query)) as
      Record<string, unknown> | undefined;
    if (!row) return undefined;
    const attempts = Number(row.attempts) + 1;
    await trx('jobs')
      .where({ id: row.id as string })
      .update({ claimed_by: claim.token, claimed_until: now + claim.leaseMs, attempts });
    return {
      id: row.id as string,
      status: row.status as ClaimedJob['status'],
      done: Number(row.done),
      attempts,
    };
  });
}

/**
 * Gives the job back at once (a worker stopping between batches), if `claim` still holds it. A stop is
 * no failure, so the claim's attempt is given back too.
 */
export async function releaseJob(runtime: RuntimeContext, jobId: string, claim: JobClaim): Promise<void> {
  await runtime.db
    .knex('jobs')
    .where({ id: jobId, claimed_by: claim.token })
    .update({ claimed_until: null, attempts: runtime.db.knex.raw('attempts - 1') });
}
