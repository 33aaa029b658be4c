/**
 * @module Row-level values of a plan (`ScalarExpr`) → typed SQL. Literals and parameters take the type
 * of what they are compared with: an ISO instant next to a timestamp becomes epoch ms (bound), numbers
 * are inlined, strings are always bound. Arithmetic is NULL unless both sides are numbers, as in the
 * engine; `divide` is floating point and NULL for a zero divisor.
 */
import type { JsonScalar, ScalarExpr } from '../../engine/reports/index';
import { columnSql, columnType } from './sql-columns';
import {
  isIsoTime,
  type RenderContext,
  type TypedSql,
  typed,
  type ValueType,
  valueTypeOf,
} from './render-context';
import { booleanLiteral, fmt, joinSql, numberLiteral, sql } from './sql-fragment';

/** A literal value rendered for a context of type `hint`. */
export function literalSql(ctx: RenderContext, value: JsonScalar, hint?: ValueType): TypedSql {
  if (value === null) return typed(sql('NULL'), 'null');
  if (typeof value === 'number') {
    if (hint === 'text' || hint === 'date') return typed(sql('?', [String(value)]), 'text');
    return typed(sql(numberLiteral(value)), 'number');
  }
  if (typeof value === 'boolean') {
    if (hint === 'text') return typed(sql('?', [String(value)]), 'text');
    return typed(sql(booleanLiteral(ctx.dialect, value)), 'boolean');
  }
  if (isIsoTime(value) && hint !== 'text' && hint !== 'date') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return typed(sql('?', [ms]), 'timestamp');
  }
  return typed(sql('?', [value]), 'text');
}

/** The SQL type of a scalar without rendering it. */
export function scalarType(ctx: Pick<RenderContext, 'plan' | 'params'>, e: ScalarExpr): ValueType {
  if ('col' in e) {
    const ref = ctx.plan.columns[e.col];
    if (!ref) throw new Error(`The query plan reads an unknown column ${e.col}`);
    return columnType(ref);
  }
  if ('value' in e) return valueTypeOf(e.value);
  if ('param' in e) return valueTypeOf(ctx.params[e.param] ?? null);
  if (e.op === 'coalesce') return e.args.map((a) => scalarType(ctx, a)).find((t) => t !== 'null') ?? 'null';
  return 'number';
}

const ARITHMETIC = { add: '+', subtract: '-', multiply: '*', divide: '/' } as const;

export function scalarSql(ctx: RenderContext, e: ScalarExpr, hint?: ValueType): TypedSql {
  if ('col' in e) {
    const ref = ctx.plan.columns[e.col];
    if (!ref) throw new Error(`The query plan reads an unknown column ${e.col}`);
    return columnSql(ctx, ref);
  }
  if ('value' in e) return literalSql(ctx, e.value, hint);
  if ('param' in e) {
    if (!ctx.params || !Object.hasOwn(ctx.params, e.param)) {
      throw new Error(`The query plan needs the parameter "${e.param}"`);
    }
    return literalSql(ctx, ctx.params[e.param] ?? null, hint);
  }
  switch (e.op) {
    case 'minutes_between': {
      const from = scalarSql(ctx, e.from, 'timestamp');
      const to = scalarSql(ctx, e.to, 'timestamp');
      if (from.type !== 'timestamp' || to.type !== 'timestamp') return typed(sql('NULL'), 'number');
      return typed(fmt`((${to} - ${from}) / 60000.0)`, 'number');
    }
    case 'coalesce': {
      const first = e.args.map((a) => scalarType(ctx, a)).find((t) => t !== 'null');
      const args = e.args.map((a) => scalarSql(ctx, a, first ?? hint));
      return typed(fmt`COALESCE(${joinSql(args, ', ')})`, first ?? 'null');
    }
    default: {
      const [a, b] = e.args.map((x) => scalarSql(ctx, x, 'number')) as [TypedSql, TypedSql];
      if (a.type !== 'number' || b.type !== 'number') return typed(sql('NULL'), 'number');
      if (e.op === 'divide') {
        const real = ctx.dialect === 'postgres' ? 'double precision' : 'REAL';
        return typed(fmt`(CAST(${a} AS ${real}) / NULLIF(${b}, 0))`, 'number');
      }
      return typed(fmt`(${a} ${ARITHMETIC[e.op]} ${b})`, 'number');
    }
  }
}
