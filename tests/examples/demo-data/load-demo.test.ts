/**
 * @module Loading a small demo plan into a real SQLite runtime: the stores end with the plan's stage
 * counts, SLA breaches recorded by the timers, and a second load is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoClock } from '../../../examples/demo-data/demo-clock';
import { createDemoPlan } from '../../../examples/demo-data/demo-plan';
import { CUSTOMER_FORM, TICKET_FORM } from '../../../examples/demo-data/demo-template';
import { DEMO_USERS } from '../../../examples/demo-data/demo-users';
import { DemoDataPresentError, loadDemo, type LoadDemoResult } from '../../../examples/demo-data/load-demo';
import { memoryLogger } from '../../../runtime/logger';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-databases';

const plan = createDemoPlan({ tickets: 100, months: 2, seed: 11 });

describe('loadDemo on SQLite', () => {
  let db: TestDatabase;
  let clock: DemoClock;
  let result: LoadDemoResult;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    clock = new DemoClock(0);
    result = await loadDemo({ db, clock, logger: memoryLogger() }, plan, {
      password: 'demo password 2026',
      onProgress: (done, total) => progress.push([done, total]),
    });
  }, 120_000);
  afterAll(() => db?.drop());

  it('stores the users, customers and tickets, and reports progress to the end', async () => {
    const steps = plan.tickets.reduce((n, t) => n + 1 + t.steps.length, 0);
    expect(result).toMatchObject({
      users: DEMO_USERS.length,
      customers: plan.customers.length,
      tickets: plan.tickets.length,
      events: steps - plan.tickets.length,
    });
    const total = plan.customers.length + steps;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
    const count = async (form: string) =>
      Number(
        ((await db.knex('records').where({ form_key: form }).count({ n: '*' }).first()) as { n: number }).n,
      );
    expect(await count(CUSTOMER_FORM)).toBe(plan.customers.length);
    expect(await count(TICKET_FORM)).toBe(plan.tickets.length);
    expect(clock.now().getTime()).toBe(plan.endsAt);
  });

  it('ends every ticket in the stage its script says', async () => {
    const expected: Record<string, number> = {};
    for (const t of plan.tickets) expected[t.finalStage] = (expected[t.finalStage] ?? 0) + 1;
    const rows = (await db
      .knex('records')
      .where({ form_key: TICKET_FORM })
      .groupBy('stage')
      .select('stage')
      .count({ n: '*' })) as { stage: string; n: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]))).toEqual(expected);
  });

  it('records SLA warnings and breaches through the timers, at the simulated instants', async () => {
    const byType = (await db
      .knex('events')
      .whereIn('type', ['sla.warning', 'sla.breached'])
      .groupBy('type')
      .select('type')
      .count({ n: '*' })) as { type: string; n: number }[];
    const counts = Object.fromEntries(byType.map((r) => [r.type, Number(r.n)]));
    expect(counts['sla.warning']).toBeGreaterThan(0);
    expect(counts['sla.breached']).toBeGreaterThan(0);
    const breachedClocks = await db.knex('sla_clocks').where({ state: 'breached' }).count({ n: '*' }).first();
    expect(Number((breachedClocks as { n: number }).n)).toBeGreaterThan(0);
    const span = (await db.knex('events').min({ first: 'at' }).max({ last: 'at' }).first()) as {
      first: number;
      last: number;
    };
    expect(Number(span.last)).toBeLessThanOrEqual(plan.endsAt);
    const ticketEvents = (await db
      .knex('records')
      .where({ form_key: TICKET_FORM })
      .min({ first: 'created_at' })
      .first()) as {
      first: number;
    };
    expect(Number(ticketEvents.first)).toBe(plan.tickets[0]!.createdAt);
  });

  it('refuses to load the demo a second time', async () => {
    await expect(
      loadDemo({ db, clock: new DemoClock(0), logger: memoryLogger() }, plan, {
        password: 'demo password 2026',
      }),
    ).rejects.toBeInstanceOf(DemoDataPresentError);
    expect(
      Number(
        (
          (await db.knex('records').where({ form_key: TICKET_FORM }).count({ n: '*' }).first()) as {
            n: number;
          }
        ).n,
      ),
    ).toBe(plan.tickets.length);
  });
});
