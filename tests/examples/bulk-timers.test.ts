/**
 * The bulk timer generator (`examples/demo-data/bulk-timers.ts`) on both databases: copies of a ticket
 * the product stored carry its clock rows and timers with every due instant moved as asked — in the
 * timers table and inside the snapshot the engine compares — so the sweeper fires a copy's warning at
 * its own moved instant exactly like the original's, and not before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneTimedRecords } from '../../examples/demo-data/bulk-timers';
import { customerSubmission } from '../../examples/demo-data/demo-customers';
import { createDemoPlan } from '../../examples/demo-data/demo-plan';
import { CUSTOMER_FORM, demoBundle, TICKET_FORM } from '../../examples/demo-data/demo-template';
import { importApp } from '../../runtime/apps/import-app';
import { submitRecord } from '../../runtime/records/record-service';
import { sweepDueTimers } from '../../runtime/timers/timer-sweeper';
import { startHarness, type Harness } from '../helpers/runtime-harness';
import { DIALECTS } from '../helpers/test-databases';

const DAY = 86_400_000;
const MINUTE = 60_000;

describe.each(DIALECTS)('bulk timers on %s', (dialect) => {
  let h: Harness;
  let seed: string;
  beforeEach(async () => {
    h = await startHarness(dialect, '2026-11-24T09:00:00+08:00');
    await importApp(h.runtime, demoBundle(), null);
    const plan = createDemoPlan({ tickets: 2, months: 1, story: false });
    const customer = await submitRecord(
      h.runtime,
      CUSTOMER_FORM,
      { data: customerSubmission(plan.customers[0]!) },
      { id: null },
    );
    const ticket = { ...plan.tickets[0]!.submission, customer: customer.id };
    seed = (await submitRecord(h.runtime, TICKET_FORM, { data: ticket }, { id: null })).id;
  });
  afterEach(async () => {
    await h.close();
  });

  it('copies a ticket with its clock and timers moved, and the sweeper fires each copy at its own instant', async () => {
    const knex = h.db.knex;
    const seedDues = (
      (await knex('timers').where({ record_id: seed }).orderBy('due_at').select('due_at')) as {
        due_at: number;
      }[]
    ).map((t) => Number(t.due_at));
    expect(seedDues).toHaveLength(3);

    const written = await cloneTimedRecords(h.db, {
      seedRecordId: seed,
      copies: 4,
      firstNumber: 0,
      shiftMs: 2 * DAY,
      stepMs: MINUTE,
      spreadSteps: 4,
    });
    expect(written).toEqual({ records: 4, timers: 12 });
    const copies = (
      (await knex('records')
        .whereNot({ id: seed })
        .andWhere({ form_key: TICKET_FORM })
        .orderBy('id')
        .select('id')) as {
        id: string;
      }[]
    ).map((r) => r.id);
    expect(copies).toEqual([0, 1, 2, 3].map((n) => `0000000${n}${seed.slice(8)}`));
    const third = copies[2]!;
    const moved = seedDues[0]! + 2 * DAY + 2 * MINUTE;
    const timers = (await knex('timers')
      .where({ record_id: third })
      .orderBy('due_at')
      .select('id', 'due_at')) as {
      id: string;
      due_at: number;
    }[];
    expect(timers.map((t) => Number(t.due_at))).toEqual(seedDues.map((due) => due + 2 * DAY + 2 * MINUTE));
    expect(timers.every((t) => t.id.startsWith(`${third}:`))).toBe(true);
    const clock = (await knex('sla_clocks').where({ record_id: third }).first('due_at', 'state')) as {
      due_at: number;
      state: string;
    };
    expect({ due: Number(clock.due_at), state: clock.state }).toEqual({
      due: seedDues[2]! + 2 * DAY + 2 * MINUTE,
      state: 'running',
    });

    // A minute early nothing of the third copy fires; at its moved instant its first warning does.
    h.clock.set(new Date(moved - MINUTE));
    await sweepDueTimers(h.runtime);
    const warnings = async () =>
      Number(
        (
          (await knex('events')
            .where({ stream_id: third, type: 'sla.warning' })
            .count({ n: '*' })
            .first()) as { n: unknown }
        ).n,
      );
    expect(await warnings()).toBe(0);
    h.clock.set(new Date(moved));
    const swept = await sweepDueTimers(h.runtime);
    expect(swept.failed).toBe(0);
    expect(swept.handled.filter((t) => t.id.startsWith(third))).toEqual([
      { id: `${third}:${timers[0]!.id.slice(third.length + 1)}`, outcome: 'fired' },
    ]);
    expect(await warnings()).toBe(1);
  });
});
