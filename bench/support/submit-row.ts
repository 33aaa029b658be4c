/**
 * @module The submission rows (`submit-sqlite`, `submit-postgres`): ticket submissions per second
 * through the real HTTP API of a runtime built with `createApp` and listening on 127.0.0.1, its workers
 * running as `closedloop serve` runs them (so the rules consumer reads every `record.created` while the
 * load goes on), against the bare-insert floor on the same dialect in the same run.
 *
 * Set-up goes through the product as a team would: the `after-sales-ticket` app imported over HTTP by
 * an admin, an agent's API token (`records:write`), and the customers stored through the customer form.
 * Every submission is an agent's `POST /api/forms/after-sales-ticket/records` with `Authorization:
 * Bearer`; each must answer 201 (any other answer makes the run an error, not a figure).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp, type Runtime } from '../../runtime/create-app';
import { createUser } from '../../runtime/auth/users';
import type { Dialect } from '../../runtime/config/database-url';
import { startWorkers } from '../../runtime/workers/start-workers';
import { benchTicketSubmissions, type StoredCustomer } from '../../examples/demo-data/bench-ticket-data';
import { createCustomers, customerSubmission } from '../../examples/demo-data/demo-customers';
import { createRng } from '../../examples/demo-data/prng';
import type { BenchContext, BenchDatabase, BenchRow } from '../bench-row';
import { BARE_INSERT_PATH, startBareInsertServer } from './bare-insert-server';
import {
  BENCH_PASSWORD as PASSWORD,
  benchLogger,
  call,
  expectStatus,
  listen,
  login,
  type RunningServer,
} from './bench-http';
import { runHttpLoad, type LoadRequest } from './http-load';

const TEMPLATE = fileURLToPath(new URL('../../templates/after-sales-ticket.app.json', import.meta.url));
const TICKET_FORM = 'after-sales-ticket';
const CUSTOMER_FORM = 'after-sales-customer';
const CLIENTS = 20;
const CUSTOMERS = 150;
/** Distinct submissions, taken in turn; more than one run sends, so a run repeats none. */
const SUBMISSIONS = 4000;
const WARMUP_MS = 1_000;
const DURATION_MS = 4_000;

interface SubmitState {
  runtime: Runtime;
  product: RunningServer;
  floor: RunningServer;
  productDb: BenchDatabase;
  floorDb: BenchDatabase;
  stopWorkers: () => Promise<void>;
  token: string;
  submissions: LoadRequest[];
  floorRequests: LoadRequest[];
}

/** The app imported by an admin, an agent's token, and the customers the tickets name. */
async function prepareProduct(runtime: Runtime, origin: string, ctx: BenchContext) {
  await createUser(runtime, { username: 'bench-admin', password: PASSWORD, roles: ['admin'] });
  await createUser(runtime, {
    username: 'bench-agent',
    password: PASSWORD,
    roles: ['agent'],
    team: 'hotline',
  });
  const admin = await login(origin, 'bench-admin');
  const bundle = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as unknown;
  await expectStatus(
    'import the after-sales-ticket app',
    call(origin, 'POST', '/api/apps/import', bundle, admin),
    201,
  );
  const agent = await login(origin, 'bench-agent');
  const created = await expectStatus(
    'create the agent token',
    call(origin, 'POST', '/api/auth/tokens', { name: 'bench load', scopes: ['records:write'] }, agent),
    201,
  );
  const token = created.body.token as string;
  const bearer = { authorization: `Bearer ${token}` };
  const rng = createRng(20261124);
  const demo = createCustomers(rng, CUSTOMERS, '2026-06-01');
  const customers: StoredCustomer[] = [];
  for (let i = 0; i < demo.length; i += CLIENTS) {
    const batch = demo.slice(i, i + CLIENTS);
    const stored = await Promise.all(
      batch.map((customer) =>
        expectStatus(
          'store a customer',
          call(
            origin,
            'POST',
            `/api/forms/${CUSTOMER_FORM}/records`,
            { data: customerSubmission(customer) },
            bearer,
          ),
          201,
        ),
      ),
    );
    stored.forEach((answer, j) => customers.push({ id: answer.body.id as string, customer: batch[j]! }));
  }
  ctx.log(`${customers.length} customers stored`);
  const tickets = benchTicketSubmissions(rng, customers, SUBMISSIONS);
  return { token, tickets };
}

export function submitRow(id: 'submit-sqlite' | 'submit-postgres', dialect: Dialect): BenchRow<SubmitState> {
  const name = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  return {
    id,
    what:
      `HTTP ticket submissions per second on ${name} (validate, customer fill, store, event, flow start with ` +
      `SLA clocks, rules consumer running), ${CLIENTS} concurrent clients with keep-alive`,
    unit: 'submissions/s',
    floorWhat: `a bare Koa + knex insert of the same JSON into one ${name} table, same clients`,
    target: dialect === 'sqlite' ? '≥ 50 % of the floor; p99 ≤ 50 ms' : '≥ 50 % of the floor',
    runs: 3,

    async setup(ctx) {
      const productDb = await ctx.newDatabase(dialect);
      const runtime = createApp({ db: productDb, logger: benchLogger(ctx.log) });
      const product = await listen(runtime.app.callback());
      const stopWorkers = startWorkers(runtime);
      const { token, tickets } = await prepareProduct(runtime, product.origin, ctx);
      const floorDb = await ctx.newDatabase(dialect);
      const floor = await startBareInsertServer(floorDb);
      const bodies = tickets.map((data) => JSON.stringify({ data }));
      return {
        runtime,
        product,
        floor,
        productDb,
        floorDb,
        stopWorkers,
        token,
        submissions: bodies.map((body) => ({
          method: 'POST',
          path: `/api/forms/${TICKET_FORM}/records`,
          body,
        })),
        floorRequests: bodies.map((body) => ({ method: 'POST', path: BARE_INSERT_PATH, body })),
      };
    },

    async sample(state) {
      let statements = 0;
      const count = () => statements++;
      const measureProduct = async () => {
        state.runtime.db.knex.on('query', count);
        try {
          return await load(state.product.origin, state.submissions, {
            authorization: `Bearer ${state.token}`,
          });
        } finally {
          state.runtime.db.knex.off('query', count);
        }
      };
      // The floor first, on a quiet process: the rules consumer has caught up with the last run's tickets.
      const floor = await load(state.floor.origin, state.floorRequests);
      const product = await measureProduct();
      const loadEnded = Date.now();
      await rulesCaughtUp(state.runtime);
      return {
        value: product.perSecond,
        floor: floor.perSecond,
        details: {
          p50Ms: product.p50Ms,
          p99Ms: product.p99Ms,
          floorP50Ms: floor.p50Ms,
          floorP99Ms: floor.p99Ms,
          // Every statement on the product's database while the load ran (warm-up included, as are its
          // submissions), the rules consumer's included.
          statementsPerSubmission: statements / Math.max(1, product.answered),
          // How long after the load the rules consumer took to read every ticket's `record.created`.
          rulesCatchUpMs: Date.now() - loadEnded,
        },
      };
    },

    async teardown(state) {
      await state.product.close();
      await state.floor.close();
      await state.stopWorkers();
      await state.productDb.drop();
      await state.floorDb.drop();
    },

    met: (summary) =>
      (summary.ratio ?? 0) >= 0.5 && (dialect === 'postgres' || (summary.details.p99Ms ?? Infinity) <= 50),
  };
}

const CATCH_UP_LIMIT_MS = 60_000;
const CATCH_UP_POLL_MS = 50;

/** Waits until the rules consumer's cursor has passed every event (real time: this is a benchmark). */
async function rulesCaughtUp(runtime: Runtime): Promise<void> {
  const knex = runtime.db.knex;
  const giveUpAt = Date.now() + CATCH_UP_LIMIT_MS;
  for (;;) {
    const cursor = (await knex('outbox_cursors').where({ consumer: 'rules' }).first()) as
      { last_tx_id: number; last_event_id: number } | undefined;
    const after = { tx: Number(cursor?.last_tx_id ?? 0), id: Number(cursor?.last_event_id ?? 0) };
    const waiting = await knex('events')
      .where('tx_id', '>', after.tx)
      .orWhere((q) => q.where('tx_id', after.tx).andWhere('id', '>', after.id))
      .first('id');
    if (!waiting) return;
    if (Date.now() > giveUpAt) throw new Error('the rules consumer did not catch up within 60 s of the load');
    await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
  }
}

async function load(origin: string, requests: LoadRequest[], headers: Record<string, string> = {}) {
  const result = await runHttpLoad({
    origin,
    headers,
    requests,
    clients: CLIENTS,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
    expectStatus: 201,
  });
  if (result.failures > 0)
    throw new Error(`${result.failures} request(s) to ${origin} failed; the first: ${result.firstFailure}`);
  return result;
}
