/**
 * @module Row 4: the SLA timer sweep on SQLite. A store with 1,000,000 pending timers (the warning and
 * breach timers of running accept-stage clocks, due in the next two months) gets 10,000 breach timers
 * due a few seconds from now; the product's sweeper runs as the running runtime's worker loop runs it
 * (`startTimerSweeper`, default options, the real clock) and we wait until every one has fired. The
 * same 10,000 are measured in a store with ~1,000 pending in the same run: the sweep's cost must not
 * grow with the pending count, and the claim query's plan must search the due index.
 *
 * The records are real: two seed tickets submitted (and, for the due one, its warnings fired) through
 * the product, then copied in bulk by `examples/demo-data/bulk-timers.ts` with their due instants moved.
 */
import { addBusinessTime, CN_2026_CALENDAR } from '../../engine';
import { importApp } from '../../runtime/apps/import-app';
import { createUser } from '../../runtime/auth/users';
import type { Clock } from '../../runtime/clock';
import { memoryLogger } from '../../runtime/logger';
import { submitRecord } from '../../runtime/records/record-service';
import type { RuntimeContext } from '../../runtime/runtime-context';
import { claimQueryPlan, startTimerSweeper, sweepDueTimers } from '../../runtime/timers/timer-sweeper';
import { cloneTimedRecords } from '../../examples/demo-data/bulk-timers';
import { customerSubmission } from '../../examples/demo-data/demo-customers';
import { createDemoPlan } from '../../examples/demo-data/demo-plan';
import { CUSTOMER_FORM, demoBundle, TICKET_FORM } from '../../examples/demo-data/demo-template';
import { DEMO_USERS } from '../../examples/demo-data/demo-users';
import type { BenchContext, BenchDatabase, BenchRow } from '../bench-row';

const PENDING = 1_000_000;
const PENDING_SMALL = 1_000;
const DUE = 10_000;
/** The due timers fall due this long after a run starts (time to write them first). */
const DUE_AFTER_MS = 8_000;
const TARGET_LAG_MS = 5_000;
const DAY = 86_400_000;

/** A clock the set-up moves by hand (the seeds' steps), then real time for the measured sweeps. */
function settableClock(): Clock & { set(at: number | null): void } {
  let fixed: number | null = null;
  return { now: () => new Date(fixed ?? Date.now()), set: (at) => (fixed = at) };
}

interface Store {
  db: BenchDatabase;
  runtime: RuntimeContext;
  /** A ticket whose accept clock runs with only its breach timer left (warnings fired). */
  dueSeed: string;
  dueSeedAt: number;
  pending: number;
}

interface State {
  small: Store;
  large: Store;
  claimUsesDueIndex: boolean;
}

/** A store of `pending` pending timers (copies of a fresh ticket's three accept-clock timers). */
async function buildStore(ctx: BenchContext, pending: number): Promise<Store> {
  const started = performance.now();
  const db = await ctx.newDatabase('sqlite');
  const clock = settableClock();
  const runtime: RuntimeContext = { db, clock, logger: memoryLogger() };
  // The seeds live two days ahead, in working hours, so their own timers stay pending through the run.
  const seedAt = addBusinessTime(CN_2026_CALENDAR, Date.now() + 2 * DAY, 30).getTime();
  clock.set(seedAt - DAY);
  await importApp(runtime, demoBundle(), null);
  const users = [];
  for (const user of DEMO_USERS) users.push(await createUser(runtime, { ...user }));
  const agent = { id: users[0]!.id, roles: users[0]!.roles };
  const plan = createDemoPlan({ tickets: 2, months: 1, story: false });
  const customer = await submitRecord(
    runtime,
    CUSTOMER_FORM,
    { data: customerSubmission(plan.customers[0]!) },
    agent,
  );
  const ticket = { ...plan.tickets[0]!.submission, customer: customer.id, priority: 'normal' };
  clock.set(seedAt);
  const dueSeed = (await submitRecord(runtime, TICKET_FORM, { data: ticket }, agent)).id;
  // The due seed's warnings fire (as the sweeper fires them), leaving its breach timer.
  const breach = (await db.knex('timers').where({ record_id: dueSeed }).max({ due: 'due_at' }).first()) as {
    due: number;
  };
  clock.set(Number(breach.due) - 1);
  await sweepDueTimers(runtime, { workerId: 'bench-seed' });
  // The pending seed is submitted at the same instant: its three timers are all still pending.
  clock.set(seedAt);
  const pendingSeed = (await submitRecord(runtime, TICKET_FORM, { data: ticket }, agent)).id;
  clock.set(null);
  const seedTimers = Number(
    ((await db.knex('timers').where({ record_id: pendingSeed }).count({ n: '*' }).first()) as { n: number })
      .n,
  );
  // Due from a month ahead, spread over two months in steps of a minute.
  const copies = Math.ceil(pending / seedTimers);
  const cloned = await cloneTimedRecords(db, {
    seedRecordId: pendingSeed,
    copies,
    firstNumber: 0,
    shiftMs: Date.now() + 30 * DAY - seedAt,
    stepMs: 60_000,
    spreadSteps: 60 * 24 * 60,
  });
  ctx.log(
    `  ${cloned.timers.toLocaleString('en')} pending timers on ${cloned.records.toLocaleString('en')} ` +
      `records in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { db, runtime, dueSeed, dueSeedAt: Number(breach.due), pending: cloned.timers };
}

/** How long after `dueAt` all `due` timers had fired, and how long firing them took. */
async function sweepDue(
  store: Store,
  run: number,
): Promise<{ lagMs: number; sweepMs: number; fired: number; statementsPerFiring: number }> {
  const { db } = store;
  const dueAt = Date.now() + DUE_AFTER_MS;
  await cloneTimedRecords(db, {
    seedRecordId: store.dueSeed,
    copies: DUE,
    firstNumber: 0x80000000 + run * 0x100000,
    shiftMs: dueAt - store.dueSeedAt,
  });
  if (Date.now() >= dueAt) throw new Error('writing the due timers took longer than their due delay');
  let statements = 0;
  let polls = 0;
  const count = () => (statements += 1);
  db.knex.on('query', count);
  const stop = startTimerSweeper(store.runtime);
  const remaining = async () =>
    Number(
      ((await db.knex('timers').where('due_at', '<=', dueAt).count({ n: '*' }).first()) as { n: number }).n,
    );
  let firstAt: number | null = null;
  let lastAt: number;
  try {
    for (;;) {
      polls += 1;
      const left = await remaining();
      const now = Date.now();
      if (left < DUE && firstAt === null) firstAt = now;
      if (left === 0 && now >= dueAt) {
        lastAt = now;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await stop();
    db.knex.off('query', count);
  }
  const fired = Number(
    (
      (await db
        .knex('events')
        .where({ type: 'sla.breached' })
        .andWhere('at', '>=', dueAt)
        .count({ n: '*' })
        .first()) as { n: number }
    ).n,
  );
  const statementsPerFiring = (statements - polls) / Math.max(fired, 1);
  return { lagMs: lastAt - dueAt, sweepMs: lastAt - (firstAt ?? lastAt), fired, statementsPerFiring };
}

export const row: BenchRow<State> = {
  id: 'timer-sweep',
  what:
    `SLA timer sweep on SQLite: ${PENDING.toLocaleString('en')} pending timers, ${DUE.toLocaleString('en')} ` +
    `breach timers due — how long after their due instant the last has fired (the runtime's sweeper loop)`,
  unit: 's',
  target: `all fired ≤ ${TARGET_LAG_MS / 1000} s after due; sweep cost flat in the pending count (index-driven)`,
  runs: 1,

  async setup(ctx) {
    const small = await buildStore(ctx, PENDING_SMALL);
    const large = await buildStore(ctx, PENDING);
    const plan = await claimQueryPlan(large.runtime);
    ctx.log(`  claim plan: ${plan.join(' | ')}`);
    const claimUsesDueIndex =
      plan.some((line) => /timers_due_at/.test(line)) && !plan.some((line) => /SCAN timers/.test(line));
    return { small, large, claimUsesDueIndex };
  },

  async sample(state, run, ctx) {
    const atSmall = await sweepDue(state.small, run);
    ctx.log(
      `  ~1k pending: all ${atSmall.fired} fired ${atSmall.lagMs} ms after due (sweep ${atSmall.sweepMs} ms)`,
    );
    const atLarge = await sweepDue(state.large, run);
    ctx.log(
      `  1M pending: all ${atLarge.fired} fired ${atLarge.lagMs} ms after due (sweep ${atLarge.sweepMs} ms)`,
    );
    return {
      value: atLarge.lagMs / 1000,
      details: {
        lagMs: atLarge.lagMs,
        sweepMsAt1M: atLarge.sweepMs,
        lagMsAt1k: atSmall.lagMs,
        sweepMsAt1k: atSmall.sweepMs,
        firedAt1M: atLarge.fired,
        statementsPerFiring: atLarge.statementsPerFiring,
        pending: state.large.pending,
        claimUsesDueIndex: state.claimUsesDueIndex ? 1 : 0,
      },
    };
  },

  async teardown(state) {
    await state.small.db.drop();
    await state.large.db.drop();
  },

  met: (summary) =>
    summary.value * 1000 <= TARGET_LAG_MS &&
    summary.details.claimUsesDueIndex === 1 &&
    // Flat: the sweep at 1,000,000 pending within 1.5 × the sweep at ~1,000 (noise allowed).
    (summary.details.sweepMsAt1M ?? Infinity) <= 1.5 * Math.max(summary.details.sweepMsAt1k ?? 0, 100),
};
