/**
 * @module Row 3: flow transitions persisted per second on SQLite — `sendRecordEvent` (what
 * `POST /api/records/:id/events` and the demo loader call) moving `after-sales-ticket` records through
 * the template's SOP with the demo's scripted events and stage data, several callers at once as a busy
 * service centre would. Each transition stores the new snapshot, SLA clock rows and timers, the stage
 * change, assignment, data revision and events, then reads the record back as the API answers.
 */
import { importApp } from '../../runtime/apps/import-app';
import { createUser } from '../../runtime/auth/users';
import { systemClock } from '../../runtime/clock';
import { memoryLogger } from '../../runtime/logger';
import { sendRecordEvent, submitRecord, type Actor } from '../../runtime/records/record-service';
import type { RuntimeContext } from '../../runtime/runtime-context';
import { customerSubmission } from '../../examples/demo-data/demo-customers';
import { createDemoPlan } from '../../examples/demo-data/demo-plan';
import { CUSTOMER_FORM, demoBundle, TICKET_FORM } from '../../examples/demo-data/demo-template';
import type { TicketScript } from '../../examples/demo-data/demo-ticket-script';
import { DEMO_USERS } from '../../examples/demo-data/demo-users';
import type { BenchDatabase, BenchRow } from '../bench-row';

/** Callers sending events at once: agents and engineers of a busy centre working their own tickets. */
const CALLERS = 8;
/** Tickets walked per measured run (each through its scripted events, ≈ 6 on average). */
const TICKETS_PER_RUN = 300;
const RUNS = 3;
const TARGET_PER_SECOND = 2_000;

interface Ticket {
  id: string;
  script: TicketScript;
}

interface State {
  db: BenchDatabase;
  runtime: RuntimeContext;
  /** Submitted tickets, one slice per run, not yet moved. */
  batches: Ticket[][];
  actorFor(role: string, assignee: string | null): Actor;
  statements: { count: number };
}

/** Who sends a step: the ticket's assignee when they hold the role, else the next holder in turn. */
function actorPicker(users: { id: string; roles: string[] }[]) {
  const turn = new Map<string, number>();
  return (role: string, assignee: string | null): Actor => {
    const holders = users.filter((u) => u.roles.includes(role));
    const own = holders.find((u) => u.id === assignee);
    if (own) return { id: own.id, roles: own.roles };
    const i = turn.get(role) ?? 0;
    turn.set(role, i + 1);
    const u = holders[i % holders.length]!;
    return { id: u.id, roles: u.roles };
  };
}

export const row: BenchRow<State> = {
  id: 'transitions',
  what: `Flow transitions persisted per second on SQLite (sendRecordEvent on after-sales tickets, ${CALLERS} callers at once)`,
  unit: 'transitions/s',
  target: `≥ ${TARGET_PER_SECOND.toLocaleString('en')} / s`,
  runs: RUNS,

  async setup(ctx) {
    const db = await ctx.newDatabase('sqlite');
    const runtime: RuntimeContext = { db, clock: systemClock, logger: memoryLogger() };
    await importApp(runtime, demoBundle(), null);
    const users = [];
    for (const user of DEMO_USERS) users.push(await createUser(runtime, { ...user }));
    const plan = createDemoPlan({ tickets: TICKETS_PER_RUN * RUNS, months: 1, story: false });
    const agent = { id: users[0]!.id, roles: users[0]!.roles };
    const customerIds = new Map<string, string>();
    for (const customer of plan.customers) {
      const stored = await submitRecord(
        runtime,
        CUSTOMER_FORM,
        { data: customerSubmission(customer) },
        agent,
      );
      customerIds.set(customer.ref, stored.id);
    }
    const tickets: Ticket[] = [];
    for (const script of plan.tickets) {
      if (script.steps.length === 0) continue;
      const data = { ...script.submission, customer: customerIds.get(script.customerRef) };
      const stored = await submitRecord(runtime, TICKET_FORM, { data }, agent);
      tickets.push({ id: stored.id, script });
    }
    ctx.log(`  ${customerIds.size} customers and ${tickets.length} tickets submitted`);
    const statements = { count: 0 };
    db.knex.on('query', () => {
      statements.count += 1;
    });
    const perRun = Math.ceil(tickets.length / RUNS);
    const batches = Array.from({ length: RUNS }, (_, i) => tickets.slice(i * perRun, (i + 1) * perRun));
    return { db, runtime, batches, actorFor: actorPicker(users), statements };
  },

  async sample(state, run) {
    const tickets = [...(state.batches[(run - 1) % state.batches.length] ?? [])];
    let transitions = 0;
    const caller = async () => {
      for (let ticket = tickets.shift(); ticket; ticket = tickets.shift()) {
        let assignee: string | null = null;
        for (const step of ticket.script.steps) {
          const stored = await sendRecordEvent(
            state.runtime,
            ticket.id,
            { type: step.event, ...(step.data ? { data: step.data } : {}) },
            state.actorFor(step.role, assignee),
          );
          assignee = stored.assignee;
          transitions += 1;
        }
      }
    };
    const statementsBefore = state.statements.count;
    const started = performance.now();
    await Promise.all(Array.from({ length: CALLERS }, caller));
    const seconds = (performance.now() - started) / 1000;
    const statements = state.statements.count - statementsBefore;
    return {
      value: transitions / seconds,
      details: {
        transitions,
        msPerTransition: (seconds * 1000) / transitions,
        statementsPerTransition: statements / transitions,
      },
    };
  },

  async teardown(state) {
    await state.db.drop();
  },

  met: (summary) => summary.value >= TARGET_PER_SECOND,
};
