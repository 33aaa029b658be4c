/**
 * @module Row 6 on either dialect: the `after-sales-quality` dashboard (eight cards of KPI presets by
 * month, team, agent and fault category) over a year of tickets, as the dashboard page gets
 * it — `publishedDashboardData`, what `GET /api/dashboards/:key/data` calls, with the shared date filter
 * set to the last 12 months, serialised as the route sends it — against the floor: the same numbers from
 * hand-written SQL (`dashboard-hand-sql.ts`) in the same run, checked equal. Per-card times go to the
 * details: the product's from knex's query events (each card is one report statement, in card order),
 * the floor's per statement.
 *
 * By default the year holds 50,000 tickets, not the issue's 1,000,000: writing a million takes the
 * bulk generator about five minutes per dialect, and the cards' cost grows faster than the tickets
 * (measured at a million with `CLOSEDLOOP_BENCH_TICKETS=1000000`: 247 s on SQLite, 171 s on
 * PostgreSQL, one run each), so a million would take the bench's 15 minutes on its own.
 */
import type { Knex } from 'knex';
import type { Dialect } from '../../runtime/config/database-url';
import { publishedDashboardData } from '../../runtime/dashboards/dashboard-service';
import type { DashboardData } from '../../runtime/dashboards/dashboard-data';
import type { BenchContext, BenchRow } from '../bench-row';
import { assertSameDashboard } from './dashboard-compare';
import { handQueries, runHandQuery } from './dashboard-hand-sql';
import { benchTicketCount, ticketStore, type TicketStore } from './million-tickets';

const DASHBOARD = 'after-sales-quality';
/** The last 12 months of the bulk year (it ends 2026-11-24 00:00 Asia/Shanghai), as the date filter sends them. */
const LAST_12_MONTHS = { dateRange: { from: '2025-11-24', to: '2026-11-23' } };
/** The same days as instants in Asia/Shanghai (UTC+8), as the DBA would bound them: [from, to). */
const FROM = Date.parse('2025-11-24T00:00:00+08:00');
const TO = Date.parse('2026-11-24T00:00:00+08:00');

/** Short names for the details (`product.<name>Ms`, `floor.<name>Ms`). */
const CARD_NAMES: Record<string, string> = {
  'after-sales-quality-index': 'index',
  'after-sales-quality-satisfaction-trend': 'satisfaction',
  'after-sales-quality-frt-fcr-by-team': 'byTeam',
  'after-sales-quality-frt-fcr-by-agent': 'byAgent',
  'after-sales-quality-sla-by-stage': 'slaByStage',
  'after-sales-fault-pareto': 'pareto',
  'after-sales-quality-recurrence': 'recurrence',
  'after-sales-quality-punctuality': 'punctuality',
  'filter-options:team': 'teamOptions',
};

export interface DashboardRowOptions {
  id: 'dashboard-sqlite' | 'dashboard-postgres';
  dialect: Dialect;
  runs: number;
  /** The whole dashboard's limit in seconds, beside the ratio (SQLite's 2 s). */
  maxSeconds?: number;
  /** Tickets in the store; 50,000 unless set (`CLOSEDLOOP_BENCH_TICKETS`, e.g. to try a million). */
  tickets?: number;
}

interface State {
  store: TicketStore;
}

/** Durations of the statements knex runs while `work` runs, in order. */
async function timedStatements<T>(
  knex: Knex,
  work: () => Promise<T>,
): Promise<{ value: T; statements: { sql: string; ms: number }[] }> {
  const started = new Map<string, { sql: string; at: number }>();
  const statements: { sql: string; ms: number }[] = [];
  const onQuery = (q: { __knexQueryUid: string; sql: string }) =>
    started.set(q.__knexQueryUid, { sql: q.sql, at: performance.now() });
  const onDone = (_r: unknown, q: { __knexQueryUid: string }) => {
    const s = started.get(q.__knexQueryUid);
    if (s) statements.push({ sql: s.sql, ms: performance.now() - s.at });
  };
  knex.on('query', onQuery).on('query-response', onDone).on('query-error', onDone);
  try {
    return { value: await work(), statements };
  } finally {
    knex.removeListener('query', onQuery);
    knex.removeListener('query-response', onDone);
    knex.removeListener('query-error', onDone);
  }
}

/** Tickets in the dashboard rows' year (see the module note). */
const DASHBOARD_TICKETS = 50_000;

/** A report statement reads the records table as `r`; the i-th of them is the i-th card's, then the options'. */
const isReportStatement = (sql: string) => /from [`"]records[`"] as [`"]r[`"]/i.test(sql);

export function dashboardRow(options: DashboardRowOptions): BenchRow<State> {
  const tickets = options.tickets ?? benchTicketCount(DASHBOARD_TICKETS);
  const dialectName = options.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  return {
    id: options.id,
    what:
      `The after-sales-quality dashboard (8 cards: KPI presets by month, team, agent, fault category) ` +
      `over ${tickets.toLocaleString('en')} tickets on ${dialectName}, last 12 months, as the dashboard page gets it`,
    unit: 'ms',
    floorWhat: `the same 8 cards and the team filter's choices as hand-written SQL (one statement each), results checked equal`,
    target: `≤ 1.5 × the floor${options.maxSeconds ? `; ≤ ${options.maxSeconds} s` : ''}`,
    runs: options.runs,
    async setup(ctx: BenchContext) {
      // No warm-up pass: every run checks the cards against the floor, and the runs alternate which goes first.
      return { store: await ticketStore(ctx, options.dialect, tickets) };
    },
    async sample(state, run, ctx) {
      const { store } = state;
      // Alternate which goes first, so neither always finds the other's pages in the cache.
      const productFirst = run % 2 === 1;
      const floorResult = productFirst ? null : await floorDashboard(store);
      const started = performance.now();
      const { value, statements } = await timedStatements(store.db.knex, async () => {
        const data = await productDashboard(store);
        // The route sends it as JSON.
        JSON.stringify(data);
        return data;
      });
      const productMs = performance.now() - started;
      const floor = floorResult ?? (await floorDashboard(store));
      assertSameDashboard(value, floor.rows);
      if (run === 1) ctx.log(`  the dashboard's ${value.cards.length} cards equal the floor's`);

      const details: Record<string, number> = {};
      const reportStatements = statements.filter((s) => isReportStatement(s.sql));
      value.cards.forEach((card, i) => {
        const ms = reportStatements[i]?.ms;
        if (ms !== undefined) details[`product.${CARD_NAMES[card.report] ?? card.report}Ms`] = ms;
      });
      details['product.filterOptionsMs'] = reportStatements
        .slice(value.cards.length)
        .reduce((sum, s) => sum + s.ms, 0);
      details['product.otherStatementsMs'] = statements
        .filter((s) => !isReportStatement(s.sql))
        .reduce((sum, s) => sum + s.ms, 0);
      details['product.statements'] = statements.length;
      for (const [report, ms] of floor.ms) details[`floor.${CARD_NAMES[report] ?? report}Ms`] = ms;
      const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 3);
      ctx.log(
        `  product ${productMs.toFixed(0)} ms (${statements.length} statements; slowest ` +
          slowest.map((s) => `${s.ms.toFixed(0)} ms`).join(', ') +
          `), floor ${floor.totalMs.toFixed(0)} ms`,
      );
      return { value: productMs, floor: floor.totalMs, details };
    },
    met(summary) {
      const ratioOk = summary.ratio !== null && summary.ratio <= 1.5;
      return ratioOk && (options.maxSeconds === undefined || summary.value <= options.maxSeconds * 1000);
    },
  };
}

function productDashboard(store: TicketStore): Promise<DashboardData> {
  return publishedDashboardData(store.runtime, DASHBOARD, JSON.stringify(LAST_12_MONTHS), 'en');
}

/** The floor: each hand-written statement in turn, timed. */
async function floorDashboard(
  store: TicketStore,
): Promise<{ rows: Map<string, Record<string, unknown>[]>; ms: Map<string, number>; totalMs: number }> {
  const rows = new Map<string, Record<string, unknown>[]>();
  const ms = new Map<string, number>();
  const started = performance.now();
  for (const q of handQueries(store.db.dialect, FROM, TO)) {
    const t = performance.now();
    rows.set(q.report, await runHandQuery(store.db.knex, q));
    ms.set(q.report, performance.now() - t);
  }
  return { rows, ms, totalMs: performance.now() - started };
}
