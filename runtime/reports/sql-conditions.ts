/**
 * @module Plan conditions → SQL predicates with the engine's two-valued logic: a comparison with NULL
 * is false, so `not` wraps its argument in `COALESCE(…, FALSE)` (SQL's NULL would stay NULL under NOT).
 * AND / OR need no care: with NULL read as false they agree with two-valued logic.
 */
import type { Condition, JsonScalar } from '../../engine/reports/index';
import { sqlitePath } from './json-paths';
import type { RenderContext, TypedSql } from './render-context';
import { literalSql, scalarSql, scalarType } from './sql-scalars';
import { booleanLiteral, fmt, joinSql, sql, type Sql } from './sql-fragment';

const COMPARE = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

const FALSE = sql('1 = 0');

/** The values of an IN list that can equal a value of `left`'s type (strict equality, as the engine). */
function inList(ctx: RenderContext, left: TypedSql, values: readonly JsonScalar[]): Sql[] {
  return values
    .filter((v) => v !== null)
    .filter((v) =>
      left.type === 'number'
        ? typeof v === 'number'
        : left.type === 'text' || left.type === 'date'
          ? typeof v === 'string'
          : true,
    )
    .map((v) => literalSql(ctx, v, left.type));
}

function listContains(ctx: RenderContext, left: TypedSql, value: string | number): Sql {
  if (left.type !== 'json') return FALSE;
  if (ctx.dialect === 'postgres') {
    const item = sql('CAST(? AS jsonb)', [JSON.stringify([value])]);
    return fmt`(jsonb_typeof(${left}) = 'array' AND ${left} @> ${item})`;
  }
  const j = left.json;
  if (!j) return FALSE;
  const path = sqlitePath(j.path);
  const item = sql('?', [value]);
  return fmt`(json_type(${j.doc}, ${path}) = 'array' AND EXISTS (SELECT 1 FROM json_each(${j.doc}, ${path}) WHERE value = ${item}))`;
}

function isEmpty(ctx: RenderContext, arg: TypedSql, mode: 'value' | 'text' | 'list'): Sql {
  if (mode === 'text' && (arg.type === 'text' || arg.type === 'date'))
    return fmt`(${arg} IS NULL OR ${arg} = '')`;
  if (mode === 'list' && arg.type === 'json') {
    if (ctx.dialect === 'postgres') {
      return fmt`(${arg} IS NULL OR jsonb_typeof(${arg}) = 'null' OR ${arg} = '[]'::jsonb)`;
    }
    const j = arg.json!;
    const t = fmt`json_type(${j.doc}, ${sqlitePath(j.path)})`;
    return fmt`(${t} IS NULL OR ${t} = 'null' OR (${t} = 'array' AND json_array_length(${j.doc}, ${sqlitePath(j.path)}) = 0))`;
  }
  if (arg.type === 'json' && ctx.dialect === 'postgres')
    return fmt`(${arg} IS NULL OR jsonb_typeof(${arg}) = 'null')`;
  return fmt`${arg} IS NULL`;
}

export function conditionSql(ctx: RenderContext, c: Condition): Sql {
  switch (c.op) {
    case 'and':
    case 'or': {
      if (c.args.length === 0) return c.op === 'and' ? sql('1 = 1') : FALSE;
      return fmt`(${joinSql(
        c.args.map((a) => conditionSql(ctx, a)),
        c.op === 'and' ? ' AND ' : ' OR ',
      )})`;
    }
    case 'not':
      return fmt`NOT COALESCE(${conditionSql(ctx, c.arg)}, ${booleanLiteral(ctx.dialect, false)})`;
    case 'in':
    case 'nin': {
      const left = scalarSql(ctx, c.left);
      const values = inList(ctx, left, c.values);
      if (c.op === 'in') return values.length === 0 ? FALSE : fmt`${left} IN (${joinSql(values, ', ')})`;
      return values.length === 0 ? fmt`${left} IS NOT NULL` : fmt`${left} NOT IN (${joinSql(values, ', ')})`;
    }
    case 'contains': {
      const left = scalarSql(ctx, c.left);
      if (c.mode === 'list') return listContains(ctx, left, c.value);
      if (left.type !== 'text' && left.type !== 'date') return FALSE;
      const needle = sql('lower(?)', [String(c.value)]);
      return ctx.dialect === 'postgres'
        ? fmt`position(${needle} in lower(${left})) > 0`
        : fmt`instr(lower(${left}), ${needle}) > 0`;
    }
    case 'empty':
    case 'not_empty': {
      const empty = isEmpty(ctx, scalarSql(ctx, c.arg), c.mode);
      return c.op === 'empty' ? empty : fmt`NOT (${empty})`;
    }
    default: {
      // Each side takes the other's type, so an ISO literal next to a timestamp becomes epoch ms.
      const leftType = scalarType(ctx, c.left);
      const right = scalarSql(ctx, c.right, leftType);
      const left = scalarSql(ctx, c.left, right.type);
      return fmt`${left} ${COMPARE[c.op]} ${right}`;
    }
  }
}
