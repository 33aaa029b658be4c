/**
 * @module Plays a demo plan against a runtime through its own services, as if it happened live:
 * imports the template (when absent), creates the demo users and the customers, then submits every
 * ticket and sends every flow event in created-at order with the runtime clock set to the step's
 * instant. Before each step the due timers are swept at their own due instants, so SLA warnings and
 * breaches are recorded as the live sweeper would record them; the rules consumer drains the outbox
 * once per simulated day (rules judge each event at its own instant, so this changes nothing but cost).
 * Refuses a store that already holds demo users or tickets rather than doubling them.
 */
import { importApp } from '../../runtime/apps/import-app';
import { createUser } from '../../runtime/auth/users';
import { drainOutboxFully } from '../../runtime/outbox/drain-outbox';
import { sendRecordEvent, submitRecord, type Actor } from '../../runtime/records/record-service';
import { createRulesConsumer } from '../../runtime/rules/rules-consumer';
import type { RuntimeContext } from '../../runtime/runtime-context';
import { sweepDueTimers } from '../../runtime/timers/timer-sweeper';
import type { DemoClock } from './demo-clock';
import { customerSubmission } from './demo-customers';
import type { DemoPlan } from './demo-plan';
import { CUSTOMER_FORM, demoBundle, TEMPLATE_KEY, TICKET_FORM } from './demo-template';
import type { DemoRole } from './demo-ticket-script';
import { DEMO_USER_PREFIX, DEMO_USERS, type DemoUser } from './demo-users';

export interface LoadDemoOptions {
  /** The demo users' password (the caller prints it). */
  password: string;
  /** Called now and then with the steps done and their total: customers, ticket submissions and events. */
  onProgress?: (done: number, total: number) => void;
  /** Run the rules consumer as the days pass (default true); false leaves it to the server's worker. */
  rules?: boolean;
  /** More of the demo's life, played in time order among the tickets' steps (surveys, the R&D story). */
  extras?: DemoExtraAction[];
}

/** What an extra action may use: the runtime (its clock at the action's instant) and the ids stored so far. */
export interface DemoActionContext {
  runtime: DemoRuntime;
  /** The stored id of `plan.tickets[i]`, once it has been submitted. */
  ticketIds: readonly (string | undefined)[];
  /** Stored customer ids by the plan's customer ref. */
  customerIds: ReadonlyMap<string, string>;
  /** A holder of `role` (the given user when they hold it), as the tickets' steps pick one. */
  actorFor(role: DemoActorRole, preferred?: string | null): Actor;
}

export interface DemoExtraAction {
  /** Epoch ms: the clock is set here before `run`. */
  at: number;
  run(context: DemoActionContext): Promise<void>;
}

export interface LoadDemoResult {
  users: number;
  customers: number;
  tickets: number;
  events: number;
  timersFired: number;
  rulesHandled: number;
}

export class DemoDataPresentError extends Error {
  constructor(reason: string) {
    super(`This store already has demo data (${reason}); load the demo into a new database instead.`);
    this.name = 'DemoDataPresentError';
  }
}

export type DemoRuntime = RuntimeContext & { clock: DemoClock };
type DemoActorRole = DemoUser['roles'][number];

const DAY = 86_400_000;

async function refuseIfLoaded(runtime: RuntimeContext): Promise<void> {
  const knex = runtime.db.knex;
  const user = (await knex('users').where('username', 'like', `${DEMO_USER_PREFIX}%`).first('username')) as
    { username: string } | undefined;
  if (user) throw new DemoDataPresentError(`user "${user.username}" exists`);
  const ticket = (await knex('records').where({ form_key: TICKET_FORM }).first('id')) as
    { id: string } | undefined;
  if (ticket) throw new DemoDataPresentError(`"${TICKET_FORM}" records exist`);
}

async function importTemplateIfAbsent(runtime: RuntimeContext): Promise<void> {
  const form = await runtime.db.knex('definitions').where({ kind: 'form', key: TICKET_FORM }).first('key');
  if (!form) await importApp(runtime, demoBundle(), null);
}

/** Who does the work: the record's assignee when they hold the role, else the next holder in turn. */
function actorPicker(users: { id: string; roles: string[] }[]) {
  const byRole = new Map<string, { id: string; roles: string[] }[]>();
  for (const u of users) for (const r of u.roles) byRole.set(r, [...(byRole.get(r) ?? []), u]);
  const turn = new Map<string, number>();
  return (role: DemoActorRole, assignee: string | null): Actor => {
    const holders = byRole.get(role) ?? byRole.get('manager')!;
    const own = holders.find((u) => u.id === assignee);
    if (own) return { id: own.id, roles: own.roles };
    const i = turn.get(role) ?? 0;
    turn.set(role, i + 1);
    const u = holders[i % holders.length]!;
    return { id: u.id, roles: u.roles };
  };
}

export async function loadDemo(
  runtime: DemoRuntime,
  plan: DemoPlan,
  options: LoadDemoOptions,
): Promise<LoadDemoResult> {
  const { clock } = runtime;
  const knex = runtime.db.knex;
  await refuseIfLoaded(runtime);
  const restoreSync = await relaxDurability(runtime);
  try {
    return await play(runtime, plan, options);
  } finally {
    await restoreSync();
  }
}

/**
 * SQLite: no fsync per transaction while loading (PRAGMA synchronous = OFF on the one connection),
 * restored afterwards. The rows written are the same; only a crash mid-load could lose the tail of it,
 * and a half-loaded demo is thrown away anyway. The services' transactions are untouched.
 */
async function relaxDurability(runtime: RuntimeContext): Promise<() => Promise<void>> {
  if (runtime.db.dialect !== 'sqlite') return async () => {};
  const knex = runtime.db.knex;
  const rows = (await knex.raw('PRAGMA synchronous')) as { synchronous: number }[];
  const before = Number(rows[0]?.synchronous ?? 2);
  await knex.raw('PRAGMA synchronous = OFF');
  return async () => {
    await knex.raw(`PRAGMA synchronous = ${before}`);
  };
}

async function play(runtime: DemoRuntime, plan: DemoPlan, options: LoadDemoOptions): Promise<LoadDemoResult> {
  const { clock } = runtime;
  const knex = runtime.db.knex;
  const setupAt = plan.startsAt - 30 * DAY;
  clock.set(setupAt);
  await importTemplateIfAbsent(runtime);

  const users = [];
  for (const u of DEMO_USERS) {
    users.push(await createUser(runtime, { ...u, password: options.password }));
  }
  const actorFor = actorPicker(users);
  const agent = actorFor('agent', null);
  const extras = options.extras ?? [];
  const total =
    plan.customers.length + plan.tickets.reduce((n, t) => n + 1 + t.steps.length, 0) + extras.length;
  const report = (done: number) => {
    if (options.onProgress && (done % 250 === 0 || done === total)) options.onProgress(done, total);
  };

  // Customers exist before the period: the CRM was there first.
  const customerIds = new Map<string, string>();
  for (const [i, customer] of plan.customers.entries()) {
    clock.set(setupAt + i * 1000);
    const stored = await submitRecord(runtime, CUSTOMER_FORM, { data: customerSubmission(customer) }, agent);
    customerIds.set(customer.ref, stored.id);
    report(i + 1);
  }

  // Every submission and event, in time order (a ticket's own steps keep their order on ties; extras
  // come after the tickets' steps of the same instant, in the order given).
  const actions: { at: number; ticket: number; step: number }[] = [];
  for (const [t, ticket] of plan.tickets.entries()) {
    actions.push({ at: ticket.createdAt, ticket: t, step: -1 });
    ticket.steps.forEach((s, step) => actions.push({ at: s.at, ticket: t, step }));
  }
  extras.forEach((e, i) => actions.push({ at: e.at, ticket: plan.tickets.length, step: i }));
  actions.sort((a, b) => a.at - b.at || a.ticket - b.ticket || a.step - b.step);

  const recordIds: string[] = new Array(plan.tickets.length);
  const assignees: (string | null)[] = new Array(plan.tickets.length).fill(null);
  const rules = options.rules === false ? null : createRulesConsumer();
  const result: LoadDemoResult = {
    users: users.length,
    customers: plan.customers.length,
    tickets: 0,
    events: 0,
    timersFired: 0,
    rulesHandled: 0,
  };

  /**
   * Fires every timer due up to `until`, each at its own due instant. One timer per sweep: the next
   * due instant is asked for anyway, and a sweep that went on would only find nothing more due.
   */
  const sweepUntil = async (until: number) => {
    for (;;) {
      const next = (await knex('timers').where('due_at', '<=', until).min({ due: 'due_at' }).first()) as
        { due: number | string | null } | undefined;
      if (next?.due === null || next?.due === undefined) return;
      clock.set(Math.max(Number(next.due), clock.now().getTime()));
      const swept = await sweepDueTimers(runtime, { limit: 1, workerId: 'demo-loader' });
      result.timersFired += swept.fired;
      if (swept.handled.length === 0) return;
    }
  };
  let nextRulesAt = plan.startsAt + DAY;
  const drainRules = async () => {
    if (rules)
      result.rulesHandled += await drainOutboxFully(runtime, rules, { batchSize: 500, maxBatches: 100_000 });
  };

  let done = plan.customers.length;
  for (const action of actions) {
    await sweepUntil(action.at);
    if (action.at >= nextRulesAt) {
      await drainRules();
      while (nextRulesAt <= action.at) nextRulesAt += DAY;
    }
    clock.set(Math.max(action.at, clock.now().getTime()));
    const ticket = plan.tickets[action.ticket];
    if (!ticket) {
      await extras[action.step]!.run({ runtime, ticketIds: recordIds, customerIds, actorFor });
    } else if (action.step < 0) {
      const data = {
        ...ticket.submission,
        customer: customerIds.get(ticket.customerRef) ?? ticket.customerRef,
      };
      const stored = await submitRecord(runtime, TICKET_FORM, { data }, actorFor('agent', null));
      recordIds[action.ticket] = stored.id;
      assignees[action.ticket] = stored.assignee;
      result.tickets += 1;
    } else {
      const step = ticket.steps[action.step]!;
      const actor = actorFor(step.role, assignees[action.ticket] ?? null);
      const stored = await sendRecordEvent(
        runtime,
        recordIds[action.ticket]!,
        { type: step.event, ...(step.data ? { data: step.data } : {}) },
        actor,
      );
      assignees[action.ticket] = stored.assignee;
      result.events += 1;
    }
    done += 1;
    report(done);
  }
  // Up to the plan's "now": the open tickets' clocks keep running and may still warn or breach.
  await sweepUntil(plan.endsAt);
  clock.set(plan.endsAt);
  await drainRules();
  return result;
}
