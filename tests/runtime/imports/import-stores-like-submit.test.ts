/**
 * An imported row is stored exactly as the same ticket submitted through the form: the record's row,
 * its first revision (naming the stage it started in), its timeline of events in order, its SLA clock
 * and timers, and its place in the round-robin — though the import writes a batch's records, revisions
 * and `record.created` events together, a row the form refuses in the middle shifting nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJob } from '../../../runtime/imports/job-store';
import { readJson } from '../../../runtime/storage/json-value';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { publishImportForm, sendFile } from './import-fixtures';

describe.each(DIALECTS)('an imported record on %s', (dialect) => {
  let h: Harness;
  let manager: TestLogin;
  let agents: TestLogin[];

  beforeAll(async () => {
    h = await startHarness(dialect);
    await publishImportForm(h.runtime);
    manager = await createUserAndLogin(h, { username: 'mia', roles: ['manager'] });
    agents = [
      await createUserAndLogin(h, { username: 'agent-a', roles: ['agent'] }),
      await createUserAndLogin(h, { username: 'agent-b', roles: ['agent'] }),
    ];
  });
  afterAll(() => h?.close());

  /** What a user sees of a record: its row, revisions, timeline (in order), clocks and timers. */
  async function seen(id: string) {
    const knex = h.db.knex;
    const row = await knex('records').where({ id }).first();
    const revisions = await knex('record_revisions').where({ record_id: id }).orderBy('revision');
    const events = await knex('events').where({ stream: 'record', stream_id: id }).orderBy('id');
    const clocks = await knex('sla_clocks').where({ record_id: id });
    const timers = await knex('timers').orderBy('due_at');
    return {
      record: {
        form_version: row.form_version,
        stage: row.stage,
        revision: row.revision,
        customer: row.customer,
        data: readJson(row.data),
        created_by: row.created_by,
        updated_by: row.updated_by,
        created_at: Number(row.created_at),
        updated_at: Number(row.updated_at),
        resolved_at: row.resolved_at ?? null,
      },
      assignee: row.assignee as string | null,
      revisions: revisions.map((r) => ({
        revision: r.revision,
        stage: r.stage,
        data: readJson(r.data),
        by: r.by,
      })),
      events: events.map((e) => {
        const payload = readJson<Record<string, unknown>>(e.payload);
        const { assignee: _assignee, reason: _reason, ...rest } = payload;
        return { type: e.type, actor: e.actor, at: Number(e.at), payload: rest };
      }),
      clocks: clocks.map((c) => ({ clock: c.clock, stage: c.stage, state: c.state, due: Number(c.due_at) })),
      timers: timers
        .filter((t) => JSON.stringify(t).includes(id))
        .map((t) => ({ kind: t.kind, due: Number(t.due_at) })),
    };
  }

  it('matches the same ticket submitted through the form, row for row and event for event', async () => {
    const csv = [
      'customer,title,priority,category,amount',
      'C100,Screen flickers,urgent,screen,12.5',
      'C101,,normal,battery,3', // no title: refused, row 3
      'C102,Battery swollen,normal,battery,7',
    ].join('\n');
    const res = await sendFile(h, csv, { headers: manager.headers });
    expect(res.status, res.text).toBe(202);
    await waitForJob(res.body.job.id);
    const job = (
      await h.request({ method: 'GET', url: `/api/jobs/${res.body.job.id}`, headers: manager.headers })
    ).body.job;
    expect(job).toMatchObject({ status: 'done', result: { imported: 2, failed: 1 } });
    expect(job.issues).toEqual([expect.objectContaining({ row: 3, field: 'title' })]);

    const imported = await h.db.knex('records').where({ form_key: 'sla-ticket' }).orderBy('created_at');
    const byCustomer = new Map(imported.map((r) => [r.customer as string, r.id as string]));
    const first = await seen(byCustomer.get('C100')!);
    const second = await seen(byCustomer.get('C102')!);
    // The two stored rows went to the two agents in turn, as two submissions would.
    expect(new Set([first.assignee, second.assignee])).toEqual(new Set(agents.map((a) => a.user.id)));
    expect(first.revisions).toEqual([expect.objectContaining({ revision: 1, stage: 'triage' })]);
    expect(first.events.map((e) => e.type)[0]).toBe('record.created');

    // The same ticket as the first row, submitted through the form by the same manager at the same time.
    const submitted = await h.request({
      method: 'POST',
      url: '/api/forms/sla-ticket/records',
      payload: {
        data: {
          customer: 'C100',
          title: 'Screen flickers',
          priority: 'urgent',
          category: 'screen',
          amount: 12.5,
        },
      },
      headers: manager.headers,
    });
    expect(submitted.status, submitted.text).toBe(201);
    const viaForm = await seen(submitted.body.id);
    const { assignee: _a, ...importedView } = first;
    const { assignee: _b, ...formView } = viaForm;
    expect(importedView).toEqual(formView);
  });
});
