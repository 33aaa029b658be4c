/**
 * Durable imports: a job interrupted after a committed batch — its process gone, the job left `running`
 * under a lease — is resumed by the import worker from the stored file after the lease runs out, and
 * ends with every good row stored exactly once, the progress right and the issues of both parts kept;
 * the stored file is deleted when the job ends. The interruption is the real code stopped between
 * batches (an aborted run writes nothing more, as a dead process would).
 */
import { describe, expect, it } from 'vitest';
import { queueImportJob, runImportJob } from '../../../runtime/imports/import-job';
import { runDueImports } from '../../../runtime/imports/import-worker';
import { DEFAULT_IMPORT_LEASE_MS } from '../../../runtime/imports/job-lease';
import { readJob, waitForJob } from '../../../runtime/imports/job-store';
import { createUserAndLogin, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { count, sendFile } from './import-fixtures';
import { expectImportedOnce, importOptions, jobRow, ticketFile, useImportHarness } from './resume-fixtures';

describe.each(DIALECTS)('resuming interrupted imports on %s', (dialect) => {
  let h: Harness;
  let actorId: string;

  useImportHarness(dialect, (harness, actor) => {
    h = harness;
    actorId = actor;
  });

  const leaseMinutes = DEFAULT_IMPORT_LEASE_MS / 60_000;

  /** Queues `file` and lets a worker run it until `after` rows are committed, then "kills" it. */
  async function interruptedJob(file: Buffer, after: number, extra = {}) {
    const queued = await queueImportJob(h.runtime, importOptions(actorId, file, extra));
    const crash = new AbortController();
    const first = await runDueImports(h.runtime, {
      workerId: 'dead-worker',
      signal: crash.signal,
      onBatch: (_id, { done }) => {
        if (done >= after) crash.abort();
      },
    });
    expect(first.handled).toEqual([{ id: queued.id, resumedAfter: 0, attempts: 1, status: 'running' }]);
    return queued.id;
  }

  it('resumes after the last committed batch: every row once, progress and issues of both parts', async () => {
    const tickets = ticketFile('R', 10, [2, 8]);
    const id = await interruptedJob(tickets.file, 3);

    // What the dead process left: the first batch committed with its progress, the lease still held.
    const left = await jobRow(h, id);
    expect(left).toMatchObject({ status: 'running', total: 10 });
    expect(Number(left.done)).toBe(3);
    expect(String(left.claimed_by)).toMatch(/^dead-worker\//);
    expect(Number(left.claimed_until)).toBe(h.clock.now().getTime() + DEFAULT_IMPORT_LEASE_MS);
    expect(await count(h, 'job_files', { job_id: id })).toBe(1);
    expect(await count(h, 'records', { form_key: 'sla-ticket' })).toBe(2);

    // Nobody takes it while the lease holds…
    expect((await runDueImports(h.runtime, { workerId: 'next' })).handled).toEqual([]);
    // …and the next worker resumes it once the lease has run out.
    h.clock.advanceMinutes(leaseMinutes + 1);
    const resumed = await runDueImports(h.runtime, { workerId: 'next' });
    expect(resumed.handled).toEqual([{ id, resumedAfter: 3, attempts: 2, status: 'done' }]);

    await expectImportedOnce(h, 'R', tickets);
    const job = await readJob(h.runtime, id);
    expect(job).toMatchObject({
      status: 'done',
      total: 10,
      done: 10,
      percent: 100,
      result: { imported: 8, failed: 2, issuesOmitted: 0, dryRun: false },
    });
    // Row 2 (Excel row 3) was in the first part, row 8 (Excel row 9) in the resumed one.
    expect(job.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [3, 'qty', 'wrong-type'],
      [9, 'qty', 'wrong-type'],
    ]);
    expect(await count(h, 'job_files', { job_id: id })).toBe(0);
    expect(await jobRow(h, id)).toMatchObject({ claimed_until: null });
    expect(await count(h, 'events', { stream_id: id, type: 'job.resumed' })).toBe(1);
    expect(await count(h, 'events', { stream_id: id, type: 'job.done' })).toBe(1);
    // Nothing is left to do.
    expect((await runDueImports(h.runtime)).handled).toEqual([]);
  });

  it('resumes a job interrupted after its last batch but before it was marked done', async () => {
    const tickets = ticketFile('L', 6, [6]);
    const id = await interruptedJob(tickets.file, 6);
    expect(await jobRow(h, id)).toMatchObject({ status: 'running' });
    h.clock.advanceMinutes(leaseMinutes + 1);
    const resumed = await runDueImports(h.runtime);
    expect(resumed.handled).toEqual([{ id, resumedAfter: 6, attempts: 2, status: 'done' }]);
    await expectImportedOnce(h, 'L', tickets);
    expect(await readJob(h.runtime, id)).toMatchObject({
      done: 6,
      total: 6,
      result: { imported: 5, failed: 1 },
    });
  });

  it('resumes a dry run the same way, storing nothing', async () => {
    const tickets = ticketFile('D', 9, [1, 9]);
    const records = await count(h, 'records');
    const id = await interruptedJob(tickets.file, 3, { dryRun: true });
    expect(await jobRow(h, id)).toMatchObject({ status: 'running', total: 9 });
    h.clock.advanceMinutes(leaseMinutes + 1);
    const resumed = await runDueImports(h.runtime);
    expect(resumed.handled).toEqual([{ id, resumedAfter: 3, attempts: 2, status: 'done' }]);
    const job = await readJob(h.runtime, id);
    expect(job).toMatchObject({
      status: 'done',
      done: 9,
      total: 9,
      result: { dryRun: true, imported: 7, failed: 2 },
    });
    expect(job.issues.map((i) => i.row)).toEqual([2, 10]);
    expect(await count(h, 'records')).toBe(records);
    expect(await count(h, 'job_files', { job_id: id })).toBe(0);
  });

  it('a run that lost its lease to another worker stops without storing its batch', async () => {
    const tickets = ticketFile('T', 9, [5]);
    const queued = await queueImportJob(h.runtime, importOptions(actorId, tickets.file));
    let takeover: Awaited<ReturnType<typeof runDueImports>> | undefined;
    // The slow worker commits its first batch, then stalls past its lease; another worker takes the
    // job and finishes it before the slow one writes again.
    const slow = await runDueImports(h.runtime, {
      workerId: 'slow',
      onBatch: async (_id, { done }) => {
        if (done !== 3 || takeover) return;
        h.clock.advanceMinutes(leaseMinutes + 1);
        takeover = await runDueImports(h.runtime, { workerId: 'fast' });
      },
    });
    expect(takeover?.handled).toEqual([{ id: queued.id, resumedAfter: 3, attempts: 2, status: 'done' }]);
    expect(slow.handled).toEqual([{ id: queued.id, resumedAfter: 0, attempts: 1, status: 'done' }]);
    await expectImportedOnce(h, 'T', tickets);
    expect(await readJob(h.runtime, queued.id)).toMatchObject({
      done: 9,
      result: { imported: 8, failed: 1 },
    });
    expect(h.logs.some((l) => l.message === 'import job taken over by another run; this run stops')).toBe(
      true,
    );
  });

  it('deletes the stored file when a job started by the request ends, done or failed', async () => {
    const login = await createUserAndLogin(h, { username: 'max', roles: ['manager'] });
    const ok = await sendFile(h, ticketFile('H', 4).file, { headers: login.headers });
    expect(ok.status).toBe(202);
    await waitForJob(ok.body.job.id);
    expect(await readJob(h.runtime, ok.body.job.id)).toMatchObject({ status: 'done', done: 4 });
    expect(await count(h, 'job_files', { job_id: ok.body.job.id })).toBe(0);

    const bad = await sendFile(h, '标题,描述\nok,"never closed\n', { headers: login.headers });
    await waitForJob(bad.body.job.id);
    expect(await readJob(h.runtime, bad.body.job.id)).toMatchObject({ status: 'failed' });
    expect(await count(h, 'job_files', { job_id: bad.body.job.id })).toBe(0);
    expect((await runDueImports(h.runtime)).handled).toEqual([]);
  });

  it('stores the file and options with the queued job, so a job its request never ran is picked up', async () => {
    const tickets = ticketFile('Q', 4, [3]);
    const queued = await queueImportJob(
      h.runtime,
      importOptions(actorId, tickets.file, { locale: 'zh-CN', timeZone: 'Europe/Berlin', batchSize: 2 }),
    );
    const file = await h.db.knex('job_files').where({ job_id: queued.id }).first();
    expect(Buffer.from(file.content).equals(tickets.file)).toBe(true);
    expect(file.format).toBe('csv');
    expect(typeof file.options === 'string' ? JSON.parse(file.options) : file.options).toEqual({
      formKey: 'sla-ticket',
      formVersion: 1,
      dryRun: false,
      actor: { id: actorId, roles: ['designer'] },
      locale: 'zh-CN',
      timeZone: 'Europe/Berlin',
      batchSize: 2,
    });
    const batches: number[] = [];
    const run = await runDueImports(h.runtime, { onBatch: (_id, { done }) => void batches.push(done) });
    expect(run.handled.map((j) => j.status)).toEqual(['done']);
    expect(batches).toEqual([2, 4]);
    await expectImportedOnce(h, 'Q', tickets);
    // The stored locale was used for the messages.
    expect((await readJob(h.runtime, queued.id)).issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('fails a job whose file is gone, and gives up on a job interrupted too often, keeping its rows', async () => {
    // A job queued before files were stored and left running by a dead process.
    const at = h.clock.now().getTime();
    await h.db.knex('jobs').insert({
      id: 'legacy-job',
      kind: 'import',
      status: 'running',
      total: 10,
      done: 4,
      issues: JSON.stringify([]),
      result: JSON.stringify({
        form: 'sla-ticket',
        formVersion: 1,
        dryRun: false,
        imported: 4,
        failed: 0,
        issuesOmitted: 0,
      }),
      created_by: actorId,
      created_at: at,
      updated_at: at,
      claimed_by: 'gone/1',
      claimed_until: at - 1,
      attempts: 1,
    });
    const legacy = await runDueImports(h.runtime);
    expect(legacy.handled).toEqual([{ id: 'legacy-job', resumedAfter: 4, attempts: 2, status: 'failed' }]);
    const failed = await readJob(h.runtime, 'legacy-job');
    expect(failed).toMatchObject({ status: 'failed', done: 4, result: { imported: 4 } });
    expect(failed.issues.map((i) => i.code)).toEqual(['import-file-missing']);

    const tickets = ticketFile('G', 6, [1]);
    const id = await interruptedJob(tickets.file, 3);
    // As if it had killed its worker four more times.
    await h.db.knex('jobs').where({ id }).update({ attempts: 5 });
    h.clock.advanceMinutes(leaseMinutes + 1);
    const gaveUp = await runDueImports(h.runtime);
    expect(gaveUp.handled).toEqual([{ id, resumedAfter: 3, attempts: 6, status: 'failed' }]);
    const job = await readJob(h.runtime, id);
    expect(job).toMatchObject({ status: 'failed', done: 3, result: { imported: 2, failed: 1 } });
    expect(job.issues.map((i) => i.code)).toEqual(['wrong-type', 'import-gave-up']);
    expect(job.issues[1]!.message).toContain('5 times');
    expect(await count(h, 'job_files', { job_id: id })).toBe(0);
    expect(await count(h, 'records', { customer: 'G-2' })).toBe(1);
    expect(await count(h, 'records', { customer: 'G-4' })).toBe(0);
  });

  it('runImportJob resumes a job left running, from the file it is given', async () => {
    const tickets = ticketFile('J', 7, [7]);
    const id = await interruptedJob(tickets.file, 3);
    h.clock.advanceMinutes(leaseMinutes + 1);
    const job = await runImportJob(h.runtime, id, importOptions(actorId, tickets.file));
    expect(job).toMatchObject({ status: 'done', done: 7, result: { imported: 6, failed: 1 } });
    await expectImportedOnce(h, 'J', tickets);
  });
});
