/**
 * @module The year of tickets the dry-run and dashboard rows read: once per bench run and dialect, a new
 * database with every bundled template installed through the product's own import, then `count` (by
 * default 1,000,000) `after-sales-ticket` records written in bulk by `examples/demo-data/bulk-tickets.ts`
 * over the 12 months before 2026-11-24 — with their customers, the demo users they are assigned to,
 * their SLA clocks, first and latest revisions, and the satisfaction surveys customers answered.
 * Flow instances, events and timers are not written: no report or rule these rows run reads them.
 */
import type { Dialect } from '../../runtime/config/database-url';
import { installBundledTemplates } from '../../runtime/cli/first-run';
import type { Clock } from '../../runtime/clock';
import { memoryLogger } from '../../runtime/logger';
import type { RuntimeContext } from '../../runtime/runtime-context';
import {
  BULK_PERIOD_END,
  writeBulkTickets,
  type BulkTicketsResult,
} from '../../examples/demo-data/bulk-tickets';
import type { BenchContext, BenchDatabase } from '../bench-row';

export interface TicketStore {
  db: BenchDatabase;
  /** A runtime over the same database (its clock stands at `to`), for calling the product's services. */
  runtime: RuntimeContext;
  /** The period the tickets were created in: [from, to), epoch ms. */
  from: number;
  to: number;
  /** Tickets written. */
  count: number;
  /** What else was written, and how long the generation took. */
  written: BulkTicketsResult;
  /** Seconds from the empty database to the last row written (templates included). */
  generationSeconds: number;
}

const fixedClock = (at: number): Clock => ({ now: () => new Date(at) });

/**
 * Tickets a row's year holds: `CLOSEDLOOP_BENCH_TICKETS` when set (the same count for the dry-run and
 * dashboard rows, so on SQLite they share one store — `CLOSEDLOOP_BENCH_TICKETS=1000000` measures them
 * at the size), else the row's own default.
 */
export function benchTicketCount(rowDefault: number): number {
  const given = process.env.CLOSEDLOOP_BENCH_TICKETS;
  if (given === undefined || given === '') return rowDefault;
  const count = Number(given);
  if (!Number.isInteger(count) || count < 1000)
    throw new Error(`CLOSEDLOOP_BENCH_TICKETS must be a whole number of at least 1000, not "${given}"`);
  return count;
}

export function ticketStore(ctx: BenchContext, dialect: Dialect, count = 1_000_000): Promise<TicketStore> {
  return ctx.shared(`tickets-${dialect}-${count}`, async () => {
    const started = performance.now();
    const db = await ctx.newDatabase(dialect);
    const to = BULK_PERIOD_END;
    // The templates were installed before the year of tickets began, as in real use.
    const install: RuntimeContext = { db, clock: fixedClock(to - 400 * 86_400_000), logger: memoryLogger() };
    await installBundledTemplates(install);
    const runtime: RuntimeContext = { db, clock: fixedClock(to), logger: memoryLogger() };
    let reported = 0;
    const written = await writeBulkTickets(runtime, {
      count,
      onProgress(done, total) {
        if (done - reported >= total / 10 || done === total) {
          reported = done;
          ctx.log(`  ${dialect}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} tickets`);
        }
      },
    });
    // PostgreSQL plans from table statistics, which a bulk load leaves stale until autovacuum comes
    // round; a team loading history would analyse too.
    if (dialect === 'postgres') await db.knex.raw('ANALYZE');
    const generationSeconds = (performance.now() - started) / 1000;
    ctx.log(`  ${dialect}: ${count.toLocaleString('en')} tickets in ${generationSeconds.toFixed(1)} s`);
    return { db, runtime, from: written.from, to: written.to, count, written, generationSeconds };
  });
}
