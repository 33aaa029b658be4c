/**
 * @module Per-group values of a plan (`AggregateExpr`) → SQL aggregates. `count_if` is
 * `COALESCE(SUM(CASE WHEN c THEN 1 ELSE 0 END), 0)` (0 for an empty group), a measure's `where` is
 * `CASE WHEN where THEN arg END` inside the aggregate, `divide` casts to floating point first (PostgreSQL
 * divides integers as integers) and guards a zero divisor. Percentiles are the dialect's business:
 * the caller passes how to render one (`percentile_cont` on PostgreSQL, a window-function CTE on SQLite).
 */
import type { AggregateExpr, Condition, ScalarExpr } from '../../engine/reports/index';
import type { RenderContext, TypedSql } from './render-context';
import { conditionSql } from './sql-conditions';
import { fmt, numberLiteral, sql, type Sql } from './sql-fragment';
import { scalarSql } from './sql-scalars';

export type PercentileNode = Extract<AggregateExpr, { fn: 'percentile' }>;

/** Renders one percentile aggregate; differs per dialect. */
export type PercentileRenderer = (node: PercentileNode) => Sql;

const ARITHMETIC = { add: '+', subtract: '-', multiply: '*', divide: '/' } as const;

/** `arg`, or `CASE WHEN where THEN arg END` so rows failing `where` are NULL and ignored. */
export function scopedArg(ctx: RenderContext, arg: ScalarExpr, where: Condition | undefined): TypedSql {
  const value = scalarSql(ctx, arg);
  if (!where) return value;
  return { ...fmt`CASE WHEN ${conditionSql(ctx, where)} THEN ${value} END`, type: value.type };
}

export const floatCast = (ctx: RenderContext, value: Sql): Sql =>
  fmt`CAST(${value} AS ${ctx.dialect === 'postgres' ? 'double precision' : 'REAL'})`;

/** PostgreSQL's percentile: `percentile_cont(p) WITHIN GROUP (ORDER BY arg)`, NULLs ignored. */
export function pgPercentile(ctx: RenderContext): PercentileRenderer {
  return (node) =>
    fmt`percentile_cont(${numberLiteral(node.p)}) WITHIN GROUP (ORDER BY ${floatCast(ctx, scopedArg(ctx, node.arg, node.where))})`;
}

export function aggregateSql(ctx: RenderContext, e: AggregateExpr, percentile: PercentileRenderer): Sql {
  if ('value' in e) return sql(numberLiteral(e.value));
  if ('op' in e) {
    const [a, b] = e.args.map((x) => aggregateSql(ctx, x, percentile)) as [Sql, Sql];
    if (e.op === 'nullif') return fmt`NULLIF(${a}, ${b})`;
    if (e.op === 'divide') {
      // Plans guard divisors with nullif already; guard again rather than fail on an unguarded one.
      const guarded = 'op' in e.args[1] && e.args[1].op === 'nullif' ? b : fmt`NULLIF(${b}, 0)`;
      return fmt`(${floatCast(ctx, a)} / ${guarded})`;
    }
    return fmt`(${a} ${ARITHMETIC[e.op]} ${b})`;
  }
  switch (e.fn) {
    case 'count_if':
      return fmt`COALESCE(SUM(CASE WHEN ${conditionSql(ctx, e.cond)} THEN 1 ELSE 0 END), 0)`;
    case 'percentile':
      return percentile(e);
    case 'count':
      if (!('arg' in e)) return sql('count(*)');
      return fmt`count(${scopedArg(ctx, e.arg, e.where)})`;
    case 'count_distinct':
      return fmt`count(DISTINCT ${scopedArg(ctx, e.arg, e.where)})`;
    default:
      return fmt`${e.fn}(${scopedArg(ctx, e.arg, e.where)})`;
  }
}
