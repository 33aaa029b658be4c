/**
 * @module The durable timers' sweeper: fires due timers (`due_at <= now`) in due order, a batch of
 * them per transaction that claims the rows, each fired in a savepoint of its own by kind (`fireTimer`): a record's timer
 * steps the record's flow with the timer's event, persists the step and its effects, and deletes the
 * timer; a scheduled rule's tick runs the rule and moves the timer to the next tick — so a timer fires
 * exactly once, and a restart resumes whatever was due while the runtime was down (a record's
 * misfired timers run once each, late; a rule runs once for its latest missed tick).
 *
 * On PostgreSQL the claim is `SELECT … FOR UPDATE SKIP LOCKED` over the timer joined with its record
 * (a rule's tick, which has no record, alone): several processes share the work, none waits on a row
 * another holds, and a user's event on the same record (which locks the record first) is never
 * interleaved with a firing. SQLite is one process and one writer, so a plain transaction suffices.
 *
 * A failure is recorded, never thrown: the step is rolled back to a savepoint and the timer row gets
 * `attempts + 1`, `last_error`, the worker in `claimed_by`, and `due_at` pushed back with exponential
 * backoff (1, 2, 4 … minutes, at most an hour).
 */
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { RuntimeContext } from '../runtime-context';
import { publishedCalendars, type PublishedCalendars } from '../flows/flow-loader';
import { startPollingLoop } from '../workers/polling-loop';
import { fireTimer, type FireOutcome, type TimerRow } from './fire-timer';
import { RULE_TICK_KIND } from './rule-tick-timer';

export interface SweepOptions {
  /** Most timers to handle in this call. */
  limit?: number;
  /** Names this worker in `claimed_by` of failed timers and in logs. */
  workerId?: string;
}

export interface SweepResult {
  /** Timers whose event changed the flow (warnings, breaches, delayed transitions), and rule ticks run. */
  fired: number;
  /**
   * Timers that were stale, refused or had no flow instance any more, and ticks of rules since
   * disabled or unscheduled: deleted without effect.
   */
  discarded: number;
  /** Timers that failed and were pushed back. */
  failed: number;
  /** Every timer handled, with what happened. */
  handled: { id: string; outcome: FireOutcome | 'failed' }[];
}

export const DEFAULT_SWEEP_LIMIT = 100;
const MAX_BACKOFF_MS = 3_600_000;

export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export const defaultWorkerId = () => `${hostname()}:${process.pid}`;

/** Takes the row lock on PostgreSQL without waiting: a row another process holds is skipped. */
function claimed<Q extends Knex.QueryBuilder>(runtime: RuntimeContext, query: Q): Q {
  return runtime.db.dialect === 'postgres' ? (query.forUpdate().skipLocked() as Q) : query;
}

/**
 * Records' timers claimed (and fired) per transaction, each in a savepoint of its own: a morning's
 * burst of due timers costs one claim and one commit per batch rather than per timer. Small enough
 * that a user's event on a claimed record waits a fraction of a second at most.
 */
const CLAIM_BATCH = 50;

/**
 * Claims the next due timers (at most `max`), or none when none is left. A scheduled rule's tick (no
 * record) comes first, alone: there is at most one per rule, and running one moves it past `now`, so
 * ticks cannot crowd out the records' timers. A record's timer is claimed together with its record.
 */
async function claimDue(runtime: RuntimeContext, trx: Knex.Transaction, now: number, max: number) {
  const tick = (await claimed(
    runtime,
    trx('timers')
      .where({ kind: RULE_TICK_KIND })
      .whereNull('record_id')
      .andWhere('due_at', '<=', now)
      .orderBy([{ column: 'due_at' }, { column: 'id' }])
      .select('*')
      .first(),
  )) as TimerRow | undefined;
  if (tick) return [tick];
  return (await claimed(runtime, recordTimerClaim(trx, now).limit(max))) as TimerRow[];
}

/** The due timers of records in due order, with each record's form: read from the `(due_at, id)` index. */
const recordTimerClaim = (knex: Knex | Knex.Transaction, now: number) =>
  knex('timers')
    .join('records', 'records.id', 'timers.record_id')
    .where('timers.due_at', '<=', now)
    .orderBy([{ column: 'timers.due_at' }, { column: 'timers.id' }])
    .select('timers.*', 'records.form_key as record_form_key');

/**
 * The database's plan for claiming a record's timer now, one line per step (SQLite's `EXPLAIN QUERY
 * PLAN`, PostgreSQL's `EXPLAIN`): how admins and the benchmark see that the claim reads the due index
 * rather than every pending timer.
 */
export async function claimQueryPlan(runtime: RuntimeContext): Promise<string[]> {
  const { knex, dialect } = runtime.db;
  const { sql, bindings } = recordTimerClaim(knex, runtime.clock.now().getTime()).limit(CLAIM_BATCH).toSQL();
  if (dialect === 'postgres') {
    const result = (await knex.raw(`explain ${sql}`, bindings)) as { rows: Record<string, string>[] };
    return result.rows.map((r) => String(Object.values(r)[0]));
  }
  const rows = (await knex.raw(`explain query plan ${sql}`, bindings)) as { detail: string }[];
  return rows.map((r) => r.detail);
}

export async function sweepDueTimers(
  runtime: RuntimeContext,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const limit = options.limit ?? DEFAULT_SWEEP_LIMIT;
  const workerId = (options.workerId ?? defaultWorkerId()).slice(0, 100);
  // One instant for the whole sweep: a timer pushed back by a failure is not due again in it.
  const now = runtime.clock.now().getTime();
  const result: SweepResult = { fired: 0, discarded: 0, failed: 0, handled: [] };
  type Handled = SweepResult['handled'][number];
  /** Fires one claimed timer in a savepoint; a failure is rolled back to it and recorded on the row. */
  const fireOne = async (
    trx: Knex.Transaction,
    timer: TimerRow,
    calendars: PublishedCalendars | undefined,
  ): Promise<Handled> => {
    try {
      const outcome = await trx.transaction((step) => fireTimer(runtime, step, timer, now, calendars));
      return { id: timer.id, outcome };
    } catch (err) {
      const attempts = Number(timer.attempts) + 1;
      const message = err instanceof Error ? err.message : String(err);
      await trx('timers')
        .where({ id: timer.id })
        .update({
          attempts,
          last_error: message.slice(0, 4000),
          claimed_by: workerId,
          claimed_until: null,
          due_at: now + backoffMs(attempts),
        });
      runtime.logger.warn('timer failed; retrying later', {
        timer: timer.id,
        attempts,
        error: message,
        workerId,
      });
      return { id: timer.id, outcome: 'failed' };
    }
  };
  while (result.handled.length < limit) {
    const batch = await runtime.db.knex.transaction(async (trx) => {
      const timers = await claimDue(runtime, trx, now, Math.min(CLAIM_BATCH, limit - result.handled.length));
      const handled: Handled[] = [];
      // Read once for the batch: firing a timer publishes no calendar.
      const calendars = timers.length > 1 ? await publishedCalendars(trx) : undefined;
      for (const timer of timers) handled.push(await fireOne(trx, timer, calendars));
      return handled;
    });
    if (batch.length === 0) break;
    for (const handled of batch) {
      result.handled.push(handled);
      if (handled.outcome === 'fired') result.fired += 1;
      else if (handled.outcome === 'failed') result.failed += 1;
      else if (handled.outcome !== 'not-due') result.discarded += 1;
    }
  }
  return result;
}

export interface TimerSweeperOptions extends SweepOptions {
  /** Pause between sweeps that found nothing more to do. */
  intervalMs?: number;
}

/**
 * Sweeps every `intervalMs` (at once again when a sweep hit its limit) until the returned function is
 * called; that function resolves once the sweep in progress, if any, has finished.
 */
export function startTimerSweeper(
  runtime: RuntimeContext,
  options: TimerSweeperOptions = {},
): () => Promise<void> {
  const limit = options.limit ?? DEFAULT_SWEEP_LIMIT;
  return startPollingLoop({
    intervalMs: options.intervalMs ?? 5_000,
    run: async () => {
      const swept = await sweepDueTimers(runtime, { ...options, limit });
      return swept.handled.length >= limit;
    },
    // The database may be away for a moment; the next tick tries again.
    onError: (err) =>
      runtime.logger.warn('timer sweep failed', {
        error: err instanceof Error ? err.message : String(err),
      }),
  });
}
