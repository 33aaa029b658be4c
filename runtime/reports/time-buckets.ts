/**
 * @module Time buckets of a plan → SQL: the local date (`YYYY-MM-DD`) of the bucket's first day in the
 * plan's time zone; weeks start on Monday, quarters on Jan / Apr / Jul / Oct.
 *
 * PostgreSQL: `to_char(date_trunc(grain, to_timestamp(ms / 1000.0) AT TIME ZONE '<zone>'), 'YYYY-MM-DD')`.
 * SQLite has no zone database: `date(ms / 1000, 'unixepoch', '<±N minutes>', …)` with the zone's
 * offset computed in JS (`zone-offsets.ts`) over the span the query reads — a fixed modifier when the
 * offset is constant there, else a CASE over the transition instants. The span comes from the caller
 * (`timeRange`), else from the plan's WHERE bounds on the bucketed column, else 2000–2100.
 */
import { isValidTimeZone } from '../../engine';
import type { Condition, GroupItem, QueryPlan, ScalarExpr } from '../../engine/reports/index';
import { isIsoTime, type RenderContext, type TimeRange, type TypedSql, typed } from './render-context';
import { fmt, joinSql, numberLiteral, sql, stringLiteral, type Sql } from './sql-fragment';
import { offsetSegments } from './zone-offsets';

type Bucket = Extract<GroupItem, { bucket: string }>;

const DAY_MS = 86_400_000;
export const DEFAULT_TIME_RANGE: TimeRange = {
  from: Date.UTC(2000, 0, 1),
  to: Date.UTC(2100, 0, 1),
};

/** Lower / upper instants the plan's top-level AND conditions put on `arg`. */
function bounds(where: Condition | null, arg: ScalarExpr): { from?: number; to?: number } {
  if (!where || !('col' in arg)) return {};
  const found: { from?: number; to?: number } = {};
  const visit = (c: Condition) => {
    if (c.op === 'and') return c.args.forEach(visit);
    if (c.op !== 'gt' && c.op !== 'gte' && c.op !== 'lt' && c.op !== 'lte' && c.op !== 'eq') return;
    if (!('col' in c.left) || c.left.col !== arg.col || !('value' in c.right)) return;
    if (!isIsoTime(c.right.value)) return;
    const at = Date.parse(c.right.value);
    if (c.op !== 'lt' && c.op !== 'lte') found.from = Math.max(found.from ?? -Infinity, at);
    if (c.op !== 'gt' && c.op !== 'gte') found.to = Math.min(found.to ?? Infinity, at);
  };
  visit(where);
  return found;
}

/** The span of instants whose offsets the SQLite SQL must know for `item`. */
export function bucketTimeRange(ctx: RenderContext, plan: QueryPlan, item: Bucket): TimeRange {
  if (ctx.timeRange) return ctx.timeRange;
  const b = bounds(plan.where, item.arg);
  // A day of margin either side: bounds are instants, buckets are local days.
  return {
    from: b.from !== undefined ? b.from - DAY_MS : DEFAULT_TIME_RANGE.from,
    to: b.to !== undefined ? b.to + DAY_MS : DEFAULT_TIME_RANGE.to,
  };
}

const modifier = (minutes: number) => stringLiteral(`${minutes >= 0 ? '+' : ''}${minutes} minutes`);

/** SQLite: the `'+N minutes'` modifier (or a CASE choosing it) that turns UTC into the zone's wall time. */
function sqliteOffset(ctx: RenderContext, item: Bucket, ms: Sql): Sql {
  const segments = offsetSegments(item.timezone, bucketTimeRange(ctx, ctx.plan, item));
  if (segments.length === 1) return sql(modifier(segments[0]!.offsetMinutes));
  const whens = segments
    .filter((s) => s.until !== null)
    .map((s) => fmt`WHEN ${ms} < ${numberLiteral(s.until!)} THEN ${modifier(s.offsetMinutes)}`);
  const last = segments[segments.length - 1]!;
  return fmt`CASE ${joinSql(whens, ' ')} ELSE ${modifier(last.offsetMinutes)} END`;
}

function sqliteBucket(ctx: RenderContext, item: Bucket, arg: TypedSql): Sql {
  // `date(x, …modifiers)` over a unix-seconds value shifted to wall time, or over a date text.
  let base: Sql;
  let month: Sql;
  if (arg.type === 'timestamp') {
    const offset = sqliteOffset(ctx, item, arg);
    base = fmt`${arg} / 1000, 'unixepoch', ${offset}`;
    month = fmt`strftime('%m', ${base})`;
  } else if (arg.type === 'date' || arg.type === 'text') {
    base = fmt`substr(${arg}, 1, 10)`;
    month = fmt`strftime('%m', ${base})`;
  } else return sql('NULL');
  switch (item.bucket) {
    case 'day':
      return fmt`date(${base})`;
    case 'week':
      return fmt`date(${base}, '-6 days', 'weekday 1')`;
    case 'month':
      return fmt`date(${base}, 'start of month')`;
    case 'quarter':
      return fmt`date(${base}, 'start of month', '-' || ((CAST(${month} AS INTEGER) - 1) % 3) || ' months')`;
    case 'year':
      return fmt`date(${base}, 'start of year')`;
  }
}

function pgBucket(item: Bucket, arg: TypedSql): Sql {
  let local: Sql;
  let guard: Sql | undefined;
  if (arg.type === 'timestamp') {
    if (!isValidTimeZone(item.timezone)) throw new Error(`Unknown time zone in query plan: ${item.timezone}`);
    local = fmt`to_timestamp(${arg} / 1000.0) AT TIME ZONE ${stringLiteral(item.timezone)}`;
  } else if (arg.type === 'date' || arg.type === 'text') {
    local = fmt`CAST(substr(${arg}, 1, 10) AS timestamp)`;
    guard = fmt`${arg} ~ '^\\d{4}-\\d{2}-\\d{2}'`;
  } else return sql('NULL');
  const truncated = item.bucket === 'day' ? local : fmt`date_trunc(${stringLiteral(item.bucket)}, ${local})`;
  const text = fmt`to_char(${truncated}, 'YYYY-MM-DD')`;
  return guard ? fmt`CASE WHEN ${guard} THEN ${text} END` : text;
}

/** The bucket of `arg` (already rendered) as `YYYY-MM-DD` text. */
export function bucketSql(ctx: RenderContext, item: Bucket, arg: TypedSql): TypedSql {
  return typed(ctx.dialect === 'postgres' ? pgBucket(item, arg) : sqliteBucket(ctx, item, arg), 'date');
}
