/**
 * @module Related-table values of a plan → correlated subqueries:
 * `(SELECT fn(col) FROM <table> rel WHERE rel.<fk> = <owner>.id AND …)`. When a condition reads the
 * previous row (`previous: true`), the record's rows are numbered first in a derived table with
 * `LAG(col) OVER (PARTITION BY fk ORDER BY orderBy, id)`, so "previous" means the previous row of the
 * record, not of the rows that pass the conditions — as the engine's evaluator reads it.
 */
import type { ColumnRef, JsonScalar, RelatedCondition, RelatedOperand } from '../../engine/reports/index';
import { pgPath, sqlitePath } from './json-paths';
import { relatedColumn, relatedForeignKey, RELATED_TABLES } from './related-tables';
import { isIsoTime, type RenderContext, type TypedSql, typed, type ValueType } from './render-context';
import { alias, booleanLiteral, fmt, joinSql, numberLiteral, quoteId, sql, type Sql } from './sql-fragment';

const DAY_MS = 86_400_000;
const REL = 'rel';

type RelatedRef = Extract<ColumnRef, { kind: 'related' }>;

interface Operand {
  /** The value as SQL compares it (text for JSON paths). */
  value: TypedSql;
  /** PostgreSQL: the JSON (jsonb) form of a path operand, for equality with non-string values. */
  jsonb?: string;
}

function operandsOf(c: RelatedCondition): RelatedOperand[] {
  return c.op === 'within_days' ? [c.left, c.after] : [c.left];
}

function operand(ctx: RenderContext, ref: RelatedRef, o: RelatedOperand): Operand {
  const { dialect } = ctx;
  const column = relatedColumn(ref.related, o.column);
  const name = o.previous ? `prev_${column.column}` : column.column;
  const base = `${quoteId(dialect, REL)}.${quoteId(dialect, name)}`;
  if (!o.path || o.path.length === 0) {
    // On SQLite the unary `+` keeps the planner from looking the rows up by this column (e.g.
    // `sla_clocks (state, due_at)`, which would read every clock in that state once per record) instead
    // of by the record: the subquery then always searches the record's own rows. Related columns are
    // compared with values of their own type, so dropping the column's affinity changes no result.
    const text = ctx.dialect === 'sqlite' && !o.previous ? `+${base}` : base;
    return { value: typed(sql(text), column.type) };
  }
  if (dialect === 'postgres') {
    return { value: typed(sql(pgPath(base, o.path, true)), 'text'), jsonb: pgPath(base, o.path, false) };
  }
  return { value: typed(sql(`json_extract(${base}, ${sqlitePath(o.path)})`), 'text') };
}

/** A literal compared with a related operand of `type`. */
function literal(ctx: RenderContext, value: JsonScalar, type: ValueType): Sql {
  if (value === null) return sql('NULL');
  if (type === 'timestamp' && isIsoTime(value)) return sql('?', [Date.parse(value)]);
  if (typeof value === 'number') return sql(numberLiteral(value));
  if (typeof value === 'boolean') return sql(booleanLiteral(ctx.dialect, value));
  return sql('?', [value]);
}

/** `left = value` with the engine's strict equality: JSON numbers / booleans compare as JSON on PostgreSQL. */
function equals(ctx: RenderContext, left: Operand, value: JsonScalar): Sql {
  if (value === null) return fmt`${left.value} IS NULL`;
  if (left.jsonb !== undefined && typeof value !== 'string') {
    return sql(`${left.jsonb} = CAST(? AS jsonb)`, [JSON.stringify(value)]);
  }
  return fmt`${left.value} = ${literal(ctx, value, left.value.type)}`;
}

function condition(ctx: RenderContext, ref: RelatedRef, c: RelatedCondition): Sql {
  const left = operand(ctx, ref, c.left);
  const v = left.value;
  const textual = v.type === 'text';
  switch (c.op) {
    case 'eq':
      return equals(ctx, left, c.value);
    case 'ne':
      return c.value === null
        ? fmt`${v} IS NOT NULL`
        : fmt`(${v} IS NULL OR NOT (${equals(ctx, left, c.value)}))`;
    case 'in': {
      const parts = c.values.map((value) => equals(ctx, left, value));
      return parts.length === 0 ? sql('1 = 0') : fmt`(${joinSql(parts, ' OR ')})`;
    }
    case 'empty':
      return textual ? fmt`(${v} IS NULL OR ${v} = '')` : fmt`${v} IS NULL`;
    case 'notEmpty':
      return textual ? fmt`(${v} IS NOT NULL AND ${v} <> '')` : fmt`${v} IS NOT NULL`;
    case 'within_days': {
      const after = operand(ctx, ref, c.after).value;
      if (v.type !== 'timestamp' || after.type !== 'timestamp') return sql('1 = 0');
      return fmt`(${v} >= ${after} AND ${v} <= ${after} + ${numberLiteral(c.days * DAY_MS)})`;
    }
  }
}

export function relatedValue(ctx: RenderContext, ref: RelatedRef): TypedSql {
  const { dialect } = ctx;
  const mapping = RELATED_TABLES[ref.related];
  const rel = quoteId(dialect, REL);
  const fk = `${rel}.${quoteId(dialect, relatedForeignKey(ref.related, ref.foreignKey))}`;
  const owns: Sql[] = [sql(`${fk} = ${alias(dialect, ref.table)}.${quoteId(dialect, 'id')}`)];
  if (mapping.scope)
    owns.push(sql(`${rel}.${quoteId(dialect, mapping.scope.column)} = ?`, [mapping.scope.value]));
  const table = `${quoteId(dialect, mapping.table)} AS ${rel}`;

  const previous = [
    ...new Set(
      ref.where
        .flatMap(operandsOf)
        .filter((o) => o.previous)
        .map((o) => o.column),
    ),
  ];
  const conditions = ref.where.map((c) => condition(ctx, ref, c));
  let from: Sql;
  let where: Sql[];
  if (previous.length > 0) {
    const order = [
      ...(ref.orderBy ? [`${rel}.${quoteId(dialect, relatedColumn(ref.related, ref.orderBy).column)}`] : []),
      `${rel}.${quoteId(dialect, 'id')}`,
    ].join(', ');
    const lags = previous.map((name) => {
      const column = relatedColumn(ref.related, name).column;
      return `LAG(${rel}.${quoteId(dialect, column)}) OVER (PARTITION BY ${fk} ORDER BY ${order}) AS ${quoteId(dialect, `prev_${column}`)}`;
    });
    const owned = joinSql(owns, ' AND ');
    from = fmt`(SELECT ${rel}.*, ${lags.join(', ')} FROM ${table} WHERE ${owned}) AS ${rel}`;
    where = conditions;
  } else {
    from = sql(table);
    where = [...owns, ...conditions];
  }

  let fn: string;
  let type: ValueType = 'number';
  if (ref.fn === 'count') fn = 'count(*)';
  else {
    if (ref.column === undefined) throw new Error(`Related ${ref.fn} over ${ref.related} needs a column`);
    const column = relatedColumn(ref.related, ref.column);
    fn = `${ref.fn}(${rel}.${quoteId(dialect, column.column)})`;
    if (ref.fn !== 'sum') type = column.type;
  }
  const filter = where.length > 0 ? fmt` WHERE ${joinSql(where, ' AND ')}` : sql('');
  return typed(fmt`(SELECT ${fn} FROM ${from}${filter})`, type);
}
