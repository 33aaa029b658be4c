/**
 * @module Computes a rule aggregate (the engine's `AggregateRequest`) in the database: form, group,
 * window and filter become one query with COUNT / SUM / AVG. When part of the request cannot be
 * expressed in SQL (a filter shape `filterToSql` does not cover, a window on a data field), SQL
 * narrows the rows as far as it can and the engine's `computeAggregate` finishes the job, so the
 * answer is always the engine's.
 */
import type { Knex } from 'knex';
import { computeAggregate, type AggregateRequest, type FieldInfo, type RuleRecord } from '../../engine';
import type { Dialect } from '../config/database-url';
import { readJson } from '../storage/json-value';
import { aggregateScopeSql, type AggregateCutOff } from './aggregate-scope-sql';
import { fieldValueSql, type SqlCondition } from './filter-to-sql';

export interface SqlAggregateResult {
  value: number | null;
  /** The records behind the value, oldest first (at most `idLimit`). */
  recordIds: string[];
  /** Whether the database computed the value itself (false: the engine did, over narrowed rows). */
  inSql: boolean;
}

type Scalar = string | number | boolean;

function groupCondition(
  dialect: Dialect,
  field: string,
  value: unknown,
  info: FieldInfo | undefined,
): SqlCondition | undefined {
  if (!info || info.multiple || !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(field)) return undefined;
  const read = fieldValueSql(dialect, field, info);
  if (value === null) return { sql: `${read} is null`, bindings: [] };
  const fitsType = info.numeric
    ? typeof value === 'number'
    : info.type === 'checkbox'
      ? typeof value === 'boolean'
      : typeof value === 'string';
  if (!fitsType) return undefined;
  const binding = typeof value === 'boolean' && dialect === 'sqlite' ? (value ? 1 : 0) : (value as Scalar);
  return { sql: `${read} = ?`, bindings: [binding] };
}

export async function aggregateInSql(
  knex: Knex | Knex.Transaction,
  dialect: Dialect,
  request: AggregateRequest,
  fields: Map<string, FieldInfo>,
  { idLimit = 200, cutOff }: { idLimit?: number; cutOff?: AggregateCutOff } = {},
): Promise<SqlAggregateResult> {
  // Counted as things stood when the triggering event was written (or at the tick), however late it is read.
  const { base, filter, windowInSql } = aggregateScopeSql(knex, dialect, request, fields, cutOff);
  let exact = windowInSql;
  for (const [field, value] of Object.entries(request.groupBy)) {
    const condition = groupCondition(dialect, field, value, fields.get(field));
    if (condition) base.whereRaw(condition.sql, condition.bindings);
    else exact = false;
  }
  if (request.filter !== undefined && !filter) exact = false;
  const measure = request.measure;
  const measureField = measure.op === 'count' ? undefined : fields.get(measure.field);
  if (measure.op !== 'count' && !measureField?.numeric) exact = false;

  if (!exact) {
    // Narrowed by whatever SQL could say; the engine applies the rest exactly.
    const rows = (await base
      .clone()
      .select('id', 'form_key', 'data', 'created_at')
      .orderBy('created_at')) as {
      id: string;
      form_key: string;
      data: unknown;
      created_at: number;
    }[];
    const records: RuleRecord[] = rows.map((r) => ({
      id: r.id,
      form: r.form_key,
      data: readJson(r.data),
      createdAt: new Date(Number(r.created_at)).toISOString(),
    }));
    const result = computeAggregate(request, records);
    return { value: result.value, recordIds: result.recordIds.slice(0, idLimit), inSql: false };
  }

  // Non-numbers read as NULL, which SUM and AVG skip; SUM of nothing is 0, as in the engine.
  const valueSql =
    measure.op === 'count'
      ? 'count(*)'
      : measure.op === 'sum'
        ? `coalesce(sum(${fieldValueSql(dialect, measure.field, measureField!)}), 0)`
        : `avg(${fieldValueSql(dialect, measure.field, measureField!)})`;
  const [row] = (await base.clone().select(knex.raw(`${valueSql} as value`))) as {
    value: number | string | null;
  }[];
  const ids = (await base
    .clone()
    .select('id')
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .limit(idLimit)) as { id: string }[];
  const raw = row?.value ?? null;
  return { value: raw === null ? null : Number(raw), recordIds: ids.map((r) => r.id), inSql: true };
}
