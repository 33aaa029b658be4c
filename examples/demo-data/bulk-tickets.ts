/**
 * @module A year of after-sales tickets in bulk, for benchmarks and big demos: into a store where the
 * templates are installed, writes the demo users (no password), `count / 10` `after-sales-customer`
 * records with the products they own, and `count` `after-sales-ticket` records created over the 12
 * months before `end` (default 2026-11-24 00:00 Asia/Shanghai) — arrivals by the demo's day weights and
 * channel hours, channel, category, product, tier and priority by the demo's shares, each ticket's life
 * by `bulk-ticket-life.ts`: stage (closed, cancelled, or still open in any stage, waiting ones
 * included), assignee and team, the data every step stored, its first and latest revisions, one SLA
 * clock per stage entered, and the `after-sales-survey` answers (about 55 % of closed tickets), whose
 * values are copied onto the ticket as the survey template's rule does. Not written: flow instances,
 * events, timers (no report or threshold rule reads them; open tickets have no live timers here).
 * Rows go in a few thousand per statement (SQLite `json_each`, PostgreSQL `jsonb_array_elements` over
 * one JSON parameter) in transactions of 20,000 tickets, the next drawn while one is written: a million
 * took 271 s on SQLite on the bench machine (templates and indexes included).
 * Deterministic: the same seed writes the same rows.
 */
import type { Knex } from 'knex';
import { createUser } from '../../runtime/auth/users';
import { latestPublishedVersion } from '../../runtime/definitions/published-versions';
import type { RuntimeContext } from '../../runtime/runtime-context';
import { CATEGORY_SHARES, CHANNEL_SHARES, PRIORITY_SHARES, type Priority } from './demo-catalog';
import { createCustomers, demoMobile, type DemoCustomer } from './demo-customers';
import { datesOf, dayWeight, hourWeights, localInstant } from './demo-seasonality';
import { SURVEY_FORM } from './demo-surveys';
import { CUSTOMER_FORM, TICKET_FORM } from './demo-template';
import { DEMO_USERS } from './demo-users';
import { withIndexesBuiltAfter } from './bulk-load-indexes';
import {
  bulkId,
  bulkTicketLife,
  type BulkPeople,
  type BulkTicket,
  type BulkTicketHead,
} from './bulk-ticket-life';
import { createRng, pickCumulative } from './prng';

const TIME_ZONE = 'Asia/Shanghai';
/** 2026-11-24 00:00 in Asia/Shanghai: the default end of the bulk year. */
export const BULK_PERIOD_END = Date.parse('2026-11-23T16:00:00Z');
const BULK_PERIOD_START_DATE = '2025-11-24';

export interface BulkTicketOptions {
  count: number;
  seed?: number;
  /** Customers (default `count / 10`, at least 10). */
  customers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BulkTicketsResult {
  /** The period the tickets were created in: [from, to), epoch ms. */
  from: number;
  to: number;
  tickets: number;
  customers: number;
  surveys: number;
  clocks: number;
  revisions: number;
  /** Tickets by outcome at the period's end. */
  closed: number;
  cancelled: number;
  open: number;
  seconds: number;
}

const BULK_TABLES = ['records', 'record_revisions', 'sla_clocks'] as const;

type ColumnType = 'text' | 'integer' | 'bigint' | 'float' | 'boolean' | 'json';
type Columns = readonly (readonly [name: string, type: ColumnType])[];

const RECORD_COLUMNS: Columns = [
  ['id', 'text'],
  ['form_key', 'text'],
  ['form_version', 'integer'],
  ['stage', 'text'],
  ['assignee', 'text'],
  ['team', 'text'],
  ['customer', 'text'],
  ['revision', 'integer'],
  ['data', 'json'],
  ['created_by', 'text'],
  ['created_at', 'bigint'],
  ['updated_by', 'text'],
  ['updated_at', 'bigint'],
  ['resolved_at', 'bigint'],
];
const REVISION_COLUMNS: Columns = [
  ['record_id', 'text'],
  ['revision', 'integer'],
  ['stage', 'text'],
  ['data', 'json'],
  ['by', 'text'],
  ['at', 'bigint'],
  ['resolved_at', 'bigint'],
];
const CLOCK_COLUMNS: Columns = [
  ['record_id', 'text'],
  ['clock', 'text'],
  ['run', 'integer'],
  ['stage', 'text'],
  ['state', 'text'],
  ['target_minutes', 'integer'],
  ['started_at', 'bigint'],
  ['due_at', 'bigint'],
  ['original_due_at', 'bigint'],
  ['stopped_at', 'bigint'],
  ['business_elapsed_minutes', 'float'],
  ['wall_elapsed_minutes', 'float'],
  ['paused_wall_minutes', 'float'],
  ['breached', 'boolean'],
  ['updated_at', 'bigint'],
];

const PG_CAST: Record<ColumnType, (i: number) => string> = {
  text: (i) => `x->>${i}`,
  integer: (i) => `(x->>${i})::integer`,
  bigint: (i) => `(x->>${i})::bigint`,
  float: (i) => `(x->>${i})::double precision`,
  boolean: (i) => `(x->>${i})::boolean`,
  json: (i) => `x->${i}`,
};

/** Inserts `rows` (arrays in `columns` order) with one statement per chunk, the chunk as one JSON parameter. */
async function insertRows(
  trx: Knex.Transaction,
  dialect: 'sqlite' | 'postgres',
  table: string,
  columns: Columns,
  rows: unknown[][],
  chunk = 5_000,
): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const values =
    dialect === 'sqlite'
      ? columns
          .map(([, type], i) =>
            type === 'boolean' ? `json_extract(value, '$[${i}]') = 1` : `json_extract(value, '$[${i}]')`,
          )
          .join(', ')
      : columns.map(([, type], i) => PG_CAST[type](i)).join(', ');
  const from = dialect === 'sqlite' ? 'json_each(?)' : 'jsonb_array_elements(?::jsonb) as x';
  const sql = `insert into "${table}" (${names}) select ${values} from ${from}`;
  for (let i = 0; i < rows.length; i += chunk) {
    await trx.raw(sql, [JSON.stringify(rows.slice(i, i + chunk))]);
  }
}

async function formVersion(runtime: RuntimeContext, key: string): Promise<number> {
  return (await latestPublishedVersion(runtime, 'form', key)).version;
}

/** The demo team, created when absent (no password: these users never sign in). */
async function bulkPeople(runtime: RuntimeContext): Promise<BulkPeople> {
  const knex = runtime.db.knex;
  for (const user of DEMO_USERS) {
    if (await knex('users').where({ username: user.username }).first('id')) continue;
    await createUser(runtime, {
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      ...(user.team ? { team: user.team } : {}),
    });
  }
  const rows = (await knex('users').whereIn(
    'username',
    DEMO_USERS.map((u) => u.username),
  )) as { id: string; username: string; team: string | null }[];
  const holders = (role: string) =>
    rows
      .filter((r) => DEMO_USERS.find((u) => u.username === r.username)?.roles.includes(role as never))
      .sort((a, b) => a.username.localeCompare(b.username))
      .map((r) => ({ id: r.id, team: r.team }));
  return {
    agents: holders('agent'),
    engineers: holders('engineer'),
    fieldEngineers: holders('field_engineer'),
  };
}

const cumulative = (weights: readonly number[]) => {
  let sum = 0;
  return weights.map((w) => (sum += w));
};

export async function writeBulkTickets(
  runtime: RuntimeContext,
  options: BulkTicketOptions,
): Promise<BulkTicketsResult> {
  const started = performance.now();
  const { db } = runtime;
  const dialect = db.dialect;
  const rng = createRng(options.seed ?? 20261124);
  const people = await bulkPeople(runtime);
  const [ticketVersion, customerVersion, surveyVersion] = await Promise.all([
    formVersion(runtime, TICKET_FORM),
    formVersion(runtime, CUSTOMER_FORM),
    formVersion(runtime, SURVEY_FORM),
  ]);
  const dates = datesOf(BULK_PERIOD_START_DATE, 12);
  const from = localInstant(dates[0]!, 0, TIME_ZONE);
  const to = BULK_PERIOD_END;

  // Written with the secondary indexes built once at the end (the store is the same afterwards).
  const result = await withIndexesBuiltAfter(db.knex, dialect, BULK_TABLES, async () => {
    // Customers, with ids, written first: tickets name them.
    const customerCount = options.customers ?? Math.max(10, Math.round(options.count / 10));
    const customers = createCustomers(rng, customerCount, BULK_PERIOD_START_DATE);
    const customerIds = customers.map(() => bulkId(rng));
    const customerCreatedAt = from - 30 * 86_400_000;
    await db.knex.transaction(async (trx) => {
      const rows = customers.map((c, i) => [
        customerIds[i],
        CUSTOMER_FORM,
        customerVersion,
        null,
        null,
        null,
        null,
        1,
        { ...c.data, products: c.products.map((p) => ({ ...p })) },
        null,
        customerCreatedAt,
        null,
        customerCreatedAt,
        null,
      ]);
      await insertRows(trx, dialect, 'records', RECORD_COLUMNS, rows);
      const firstRevisions = rows.map((row) => [row[0], 1, null, row[8], null, customerCreatedAt, null]);
      await insertRows(trx, dialect, 'record_revisions', REVISION_COLUMNS, firstRevisions);
    });

    const customerWeights = cumulative(
      customers.map((c) => (c.tier === 'vip' ? 3 : c.tier === 'key' ? 1.6 : 1)),
    );
    const dayWeights = cumulative(dates.map(dayWeight));
    const channelHours = new Map(
      (Object.keys(CHANNEL_SHARES) as (keyof typeof CHANNEL_SHARES)[]).map((c) => [
        c,
        cumulative(hourWeights(c)),
      ]),
    );
    const dayStarts = dates.map((d) => localInstant(d, 0, TIME_ZONE));

    const head = (): BulkTicketHead => {
      const index = pickCumulative(customerWeights, rng);
      const customer: DemoCustomer = customers[index]!;
      const product = rng.pick(customer.products);
      const channel = rng.weighted(CHANNEL_SHARES);
      const day = pickCumulative(dayWeights, rng);
      const minute = pickCumulative(channelHours.get(channel)!, rng) * 60 + rng.int(0, 59);
      let priority: Priority = rng.weighted(PRIORITY_SHARES);
      if (customer.tier === 'vip' && priority === 'normal' && rng.chance(0.3)) priority = 'high';
      return {
        id: bulkId(rng),
        // Day starts plus the minute: DST never applies in Asia/Shanghai.
        createdAt: dayStarts[day]! + minute * 60_000 + rng.int(0, 59) * 1000,
        customerId: customerIds[index]!,
        contactName: customer.contactName,
        contactPhone: rng.chance(0.85) ? customer.data.phone : demoMobile(rng),
        region: customer.data.region,
        tier: customer.tier,
        channel,
        priority,
        category: rng.weighted(CATEGORY_SHARES),
        productLine: product.productLine,
        model: product.model,
        serialNo: product.serialNo,
        purchaseDate: product.purchaseDate,
      };
    };

    const written: BulkTicketsResult = {
      from,
      to,
      tickets: 0,
      customers: customerCount,
      surveys: 0,
      clocks: 0,
      revisions: 0,
      closed: 0,
      cancelled: 0,
      open: 0,
      seconds: 0,
    };
    const batch = 20_000;
    let writing: Promise<void> = Promise.resolve();
    for (let done = 0; done < options.count; done += batch) {
      const size = Math.min(batch, options.count - done);
      const tickets: BulkTicket[] = [];
      for (let i = 0; i < size; i++) tickets.push(bulkTicketLife(rng, head(), people, to, () => bulkId(rng)));
      const records: unknown[][] = [];
      const revisions: unknown[][] = [];
      const clocks: unknown[][] = [];
      for (const { record: r, revisions: revs, clocks: cls, survey, outcome } of tickets) {
        records.push([
          r.id,
          TICKET_FORM,
          ticketVersion,
          r.stage,
          r.assignee,
          r.team,
          r.customer,
          r.revision,
          r.data,
          r.createdBy,
          r.createdAt,
          r.updatedBy,
          r.updatedAt,
          r.resolvedAt,
        ]);
        for (const v of revs) revisions.push([r.id, v.revision, v.stage, v.data, v.by, v.at, v.resolvedAt]);
        for (const c of cls)
          clocks.push([
            r.id,
            c.clock,
            c.run,
            c.stage,
            c.state,
            c.targetMinutes,
            c.startedAt,
            c.dueAt,
            c.dueAt,
            c.stoppedAt,
            c.businessElapsedMinutes,
            c.wallElapsedMinutes,
            c.pausedWallMinutes,
            c.breached,
            c.updatedAt,
          ]);
        if (survey) {
          // A survey is a record of its own (anonymous: the customer answers from a link).
          records.push([
            survey.id,
            SURVEY_FORM,
            surveyVersion,
            null,
            null,
            null,
            null,
            1,
            survey.data,
            null,
            survey.at,
            null,
            survey.at,
            null,
          ]);
          revisions.push([survey.id, 1, null, survey.data, null, survey.at, null]);
          written.surveys += 1;
        }
        written[outcome] += 1;
      }
      // The database writes this batch while the next one is drawn.
      await writing;
      writing = db.knex
        .transaction(async (trx) => {
          await insertRows(trx, dialect, 'records', RECORD_COLUMNS, records);
          await insertRows(trx, dialect, 'record_revisions', REVISION_COLUMNS, revisions);
          await insertRows(trx, dialect, 'sla_clocks', CLOCK_COLUMNS, clocks);
        })
        .then(() => options.onProgress?.(done + size, options.count));
      written.tickets += size;
      written.clocks += clocks.length;
      written.revisions += revisions.length;
    }
    await writing;
    return written;
  });
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
