/**
 * @module Column references of a plan → SQL: system columns of `records`, values inside its `data`
 * JSON (with the plan's cast), correlated subqueries over related tables (with `LAG` when a condition
 * reads the previous row), and the EXISTS self-join of `exists_prior`.
 */
import type { ColumnRef, SystemColumn } from '../../engine/reports/index';
import { relatedColumn } from './related-tables';
import { relatedValue } from './sql-related';
import { type RenderContext, type TypedSql, type ValueType, typed } from './render-context';
import { isoToMillis, pgPath, sqlitePath } from './json-paths';
import { alias, fmt, numberLiteral, quoteId, sql, type Sql } from './sql-fragment';

const DAY_MS = 86_400_000;

const SYSTEM_SQL: Record<SystemColumn, { column: string; type: ValueType }> = {
  id: { column: 'id', type: 'text' },
  form: { column: 'form_key', type: 'text' },
  formVersion: { column: 'form_version', type: 'number' },
  stage: { column: 'stage', type: 'text' },
  assignee: { column: 'assignee', type: 'text' },
  team: { column: 'team', type: 'text' },
  customer: { column: 'customer', type: 'text' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  resolvedAt: { column: 'resolved_at', type: 'timestamp' },
  revision: { column: 'revision', type: 'number' },
};

function dataValue(ctx: RenderContext, ref: Extract<ColumnRef, { kind: 'data' }>): TypedSql {
  const { dialect } = ctx;
  const doc = `${alias(dialect, ref.table)}.${quoteId(dialect, 'data')}`;
  if (dialect === 'postgres') {
    const json = pgPath(doc, ref.path, false);
    const text = pgPath(doc, ref.path, true);
    switch (ref.cast) {
      case 'number':
        return typed(
          sql(`CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${text})::double precision END`),
          'number',
        );
      case 'timestamp':
        return typed(sql(isoToMillis(dialect, text)), 'timestamp');
      case 'boolean':
        return typed(
          sql(`CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN (${text})::boolean END`),
          'boolean',
        );
      case 'json':
        return typed(sql(json), 'json', { doc: sql(doc), path: ref.path });
      default:
        return typed(sql(text), ref.cast);
    }
  }
  const value = `json_extract(${doc}, ${sqlitePath(ref.path)})`;
  if (ref.cast === 'timestamp') return typed(sql(isoToMillis(dialect, value)), 'timestamp');
  if (ref.cast === 'json') return typed(sql(value), 'json', { doc: sql(doc), path: ref.path });
  return typed(sql(value), ref.cast);
}

function existsPrior(ctx: RenderContext, ref: Extract<ColumnRef, { kind: 'exists_prior' }>): TypedSql {
  const { dialect } = ctx;
  const prior = alias(dialect, ref.alias);
  const owner = alias(dialect, ref.table);
  const id = quoteId(dialect, 'id');
  const conditions: Sql[] = [
    sql(`${prior}.${quoteId(dialect, 'form_key')} = ?`, [ref.form]),
    sql(`${prior}.${id} <> ${owner}.${id}`),
  ];
  for (const m of ref.match) {
    let inner: Sql = columnSql(ctx, m.inner);
    // Keep the planner off the data fields' expression indexes (every ticket of the model, once per
    // ticket) so the prior records are found by the customer's index: a `+` on SQLite (JSON values
    // carry no column affinity), COALESCE(x, x) on PostgreSQL, which otherwise ANDs the customer
    // index with the model's (12 s for 50,000 tickets); the value and the comparison are unchanged.
    if (m.inner.kind === 'data') {
      const text = dialect === 'sqlite' ? `+${inner.text}` : `COALESCE(${inner.text}, ${inner.text})`;
      inner = {
        ...inner,
        text,
        bindings: dialect === 'sqlite' ? inner.bindings : [...inner.bindings, ...inner.bindings],
      };
    }
    conditions.push(fmt`${columnSql(ctx, m.outer)} = ${inner}`);
  }
  const outer = columnSql(ctx, ref.window.outer);
  const inner = columnSql(ctx, ref.window.inner);
  if (outer.type === 'timestamp' && inner.type === 'timestamp') {
    const span = numberLiteral(ref.window.days * DAY_MS);
    conditions.push(fmt`${outer} >= ${inner}`, fmt`${outer} <= ${inner} + ${span}`);
  } else conditions.push(sql('1 = 0'));
  const where = conditions.map((c) => c.text).join(' AND ');
  return typed(
    {
      text: `CASE WHEN EXISTS (SELECT 1 FROM ${quoteId(dialect, 'records')} AS ${prior} WHERE ${where}) THEN 1 ELSE 0 END`,
      bindings: conditions.flatMap((c) => c.bindings),
    },
    'number',
  );
}

/** The SQL of one column reference, with the type its value has in SQL. */
export function columnSql(ctx: RenderContext, ref: ColumnRef): TypedSql {
  switch (ref.kind) {
    case 'system': {
      const s = SYSTEM_SQL[ref.column];
      return typed(sql(`${alias(ctx.dialect, ref.table)}.${quoteId(ctx.dialect, s.column)}`), s.type);
    }
    case 'data':
      return dataValue(ctx, ref);
    case 'related':
      return relatedValue(ctx, ref);
    case 'exists_prior':
      return existsPrior(ctx, ref);
  }
}

/** The SQL type of a column without rendering it (used to read result rows back). */
export function columnType(ref: ColumnRef): ValueType {
  switch (ref.kind) {
    case 'system':
      return SYSTEM_SQL[ref.column].type;
    case 'data':
      return ref.cast;
    case 'exists_prior':
      return 'number';
    case 'related':
      return ref.fn === 'count' || ref.fn === 'sum' ? 'number' : relatedColumn(ref.related, ref.column!).type;
  }
}
