/**
 * An import job interrupted by a dead worker and resumed by another still names, in the audit trail,
 * the person who started it: the job's creation, its resumption, every record it stored and its end —
 * on SQLite and PostgreSQL. (The uninterrupted path is in audit-trail.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { queueImportJob } from '../../../runtime/imports/import-job';
import { runDueImports } from '../../../runtime/imports/import-worker';
import { DEFAULT_IMPORT_LEASE_MS } from '../../../runtime/imports/job-lease';
import type { Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { importOptions, ticketFile, useImportHarness } from '../imports/resume-fixtures';

describe.each(DIALECTS)('the trail of a resumed import on %s', (dialect) => {
  let h: Harness;
  let actorId: string;

  useImportHarness(dialect, (harness, actor) => {
    h = harness;
    actorId = actor;
  });

  it('names the job’s creator on every event of the job and its records', async () => {
    const queued = await queueImportJob(h.runtime, importOptions(actorId, ticketFile('A', 6).file));
    const crash = new AbortController();
    await runDueImports(h.runtime, {
      workerId: 'dead-worker',
      signal: crash.signal,
      onBatch: (_id, { done }) => {
        if (done >= 3) crash.abort();
      },
    });
    h.clock.advanceMinutes(DEFAULT_IMPORT_LEASE_MS / 60_000 + 1);
    const resumed = await runDueImports(h.runtime, { workerId: 'next' });
    expect(resumed.handled).toEqual([{ id: queued.id, resumedAfter: 3, attempts: 2, status: 'done' }]);

    const jobEvents = (await h.db
      .knex('events')
      .where({ stream_id: queued.id })
      .orderBy('id')
      .select('type', 'actor', 'at')) as { type: string; actor: string | null; at: number | string }[];
    expect(jobEvents.map((e) => [e.type, e.actor])).toEqual([
      ['job.created', actorId],
      ['job.resumed', actorId],
      ['job.done', actorId],
    ]);
    // The resumption and the end happen when the next worker ran, after the lease.
    expect(Number(jobEvents[2]!.at)).toBe(h.clock.now().getTime());

    const created = (await h.db.knex('events').where({ type: 'record.created' }).select('actor')) as {
      actor: string | null;
    }[];
    expect(created).toHaveLength(6);
    expect(new Set(created.map((e) => e.actor))).toEqual(new Set([actorId]));
  });
});
