/**
 * Who runs an import job: a job under a live lease — the request's own in-process run, or another
 * worker — is not taken until the lease runs out; workers racing for jobs (on PostgreSQL from separate
 * connection pools, as separate processes would) take each job once; a stopping worker gives its job
 * back between batches, for the next worker to resume.
 */
import { describe, expect, it } from 'vitest';
import { queueImportJob, runImportJob, startImportJob } from '../../../runtime/imports/import-job';
import { runDueImports, startImportWorker } from '../../../runtime/imports/import-worker';
import {
  claimJob,
  claimNextJob,
  DEFAULT_IMPORT_LEASE_MS,
  newClaim,
} from '../../../runtime/imports/job-lease';
import { readJob, waitForJob } from '../../../runtime/imports/job-store';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { openDatabase } from '../../../runtime/storage/open-database';
import { type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { count } from './import-fixtures';
import { expectImportedOnce, importOptions, jobRow, ticketFile, useImportHarness } from './resume-fixtures';

describe.each(DIALECTS)('claiming import jobs on %s', (dialect) => {
  let h: Harness;
  let actorId: string;

  useImportHarness(dialect, (harness, actor) => {
    h = harness;
    actorId = actor;
  });

  const leaseMinutes = DEFAULT_IMPORT_LEASE_MS / 60_000;

  /** Runs `work` against a second runtime: its own pool on PostgreSQL (another process), the same store on SQLite. */
  async function withSecondProcess<T>(work: (runtime: RuntimeContext) => Promise<T>): Promise<T> {
    if (dialect === 'sqlite') return work(h.runtime);
    const db = openDatabase(h.db.url);
    try {
      return await work({ db, clock: h.clock, logger: h.runtime.logger });
    } finally {
      await db.close();
    }
  }

  it('leaves a job under a live lease of another worker alone until the lease runs out', async () => {
    const tickets = ticketFile('A', 5, [4]);
    const queued = await queueImportJob(h.runtime, importOptions(actorId, tickets.file));
    expect(await claimJob(h.runtime, queued.id, newClaim('other-host:42'))).toBe(true);

    expect((await runDueImports(h.runtime, { workerId: 'me' })).handled).toEqual([]);
    expect(await claimJob(h.runtime, queued.id, newClaim('me'))).toBe(false);
    // Nor does a direct run take it over.
    expect(await runImportJob(h.runtime, queued.id, importOptions(actorId, tickets.file))).toMatchObject({
      status: 'queued',
      done: 0,
    });
    expect(await count(h, 'records', { customer: 'A-1' })).toBe(0);

    h.clock.advanceMinutes(leaseMinutes - 1);
    expect((await runDueImports(h.runtime, { workerId: 'me' })).handled).toEqual([]);
    h.clock.advanceMinutes(1);
    const taken = await runDueImports(h.runtime, { workerId: 'me' });
    expect(taken.handled).toEqual([{ id: queued.id, resumedAfter: 0, attempts: 2, status: 'done' }]);
    await expectImportedOnce(h, 'A', tickets);
  });

  it('does not take the job the request is running in-process, and finds nothing left after it', async () => {
    const tickets = ticketFile('K', 8, [2]);
    const job = await startImportJob(h.runtime, importOptions(actorId, tickets.file));
    expect(job).toMatchObject({ status: 'queued', done: 0 });
    expect((await runDueImports(h.runtime, { workerId: 'worker' })).handled).toEqual([]);
    await waitForJob(job.id);
    expect(await readJob(h.runtime, job.id)).toMatchObject({ status: 'done', done: 8 });
    expect((await runDueImports(h.runtime, { workerId: 'worker' })).handled).toEqual([]);
    await expectImportedOnce(h, 'K', tickets);
  });

  it('gives one job to one of many racing claims', async () => {
    const queued = await queueImportJob(h.runtime, importOptions(actorId, ticketFile('Z', 1).file));
    const claims = await withSecondProcess((other) =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          claimNextJob(i % 2 ? other : h.runtime, 'import', newClaim(`racer-${i}`)),
        ),
      ),
    );
    const won = claims.filter((c) => c !== undefined);
    expect(won).toEqual([{ id: queued.id, status: 'queued', done: 0, attempts: 1 }]);
    expect(Number((await jobRow(h, queued.id)).attempts)).toBe(1);
    await runDueImports(h.runtime, { workerId: 'cleanup' }).then((r) => expect(r.handled).toEqual([]));
    // Let the winner's lease run out so the job is finished for the next tests.
    h.clock.advanceMinutes(leaseMinutes + 1);
    expect((await runDueImports(h.runtime)).handled.map((j) => j.id)).toEqual([queued.id]);
  });

  it('two workers racing through a queue run each job once', async () => {
    const files = ['P1', 'P2', 'P3', 'P4'].map((tag, i) => ({ tag, tickets: ticketFile(tag, 4 + i, [2]) }));
    const ids: string[] = [];
    for (const { tickets } of files) {
      ids.push((await queueImportJob(h.runtime, importOptions(actorId, tickets.file, { batchSize: 2 }))).id);
    }
    const [mine, theirs] = await withSecondProcess((other) =>
      Promise.all([
        runDueImports(h.runtime, { workerId: 'worker-a' }),
        runDueImports(other, { workerId: 'worker-b' }),
      ]),
    );
    const handled = [...mine.handled, ...theirs.handled];
    expect(handled.map((j) => j.id).sort()).toEqual([...ids].sort());
    expect(handled.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    for (const { tag, tickets } of files) await expectImportedOnce(h, tag, tickets);
  });

  it('a stopping worker gives its job back between batches, for the next worker to resume', async () => {
    const tickets = ticketFile('S', 9, [6]);
    const queued = await queueImportJob(h.runtime, importOptions(actorId, tickets.file));
    let firstBatch!: () => void;
    const reachedFirstBatch = new Promise<void>((resolve) => (firstBatch = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const stop = startImportWorker(h.runtime, {
      workerId: 'stopping',
      onBatch: async (_id, { done }) => {
        if (done !== 3) return;
        firstBatch();
        await gate;
      },
    });
    await reachedFirstBatch;
    const stopped = stop();
    openGate();
    await stopped;

    const left = await jobRow(h, queued.id);
    expect(left).toMatchObject({ status: 'running', claimed_until: null });
    expect([Number(left.done), Number(left.attempts)]).toEqual([3, 0]);
    // Released: taken at once, without waiting for a lease to run out.
    const resumed = await runDueImports(h.runtime, { workerId: 'next' });
    expect(resumed.handled).toEqual([{ id: queued.id, resumedAfter: 3, attempts: 1, status: 'done' }]);
    await expectImportedOnce(h, 'S', tickets);
  });
});
