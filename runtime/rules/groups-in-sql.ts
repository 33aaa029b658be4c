/**
 * @module The groups a scheduled tick checks, enumerated in the database: one GROUP BY over the first
 * aggregate's group fields, among the records in its form, window and filter — the SQL twin of the
 * engine's `groupsIn`. As in `aggregateInSql`, when part of the request cannot be said in SQL (a
 * filter shape `filterToSql` does not cover, a window on a data field) SQL narrows the rows and the
 * engine's `groupsIn` finishes the job, so the groups are always the engine's.
 */
import type { Knex } from 'knex';
import type { FieldInfo, RuleRecord } from '../../engine';
import { groupKey, groupsIn, type AggregateRequest, type GroupValues } from '../../engine/rules/index';
import type { Dialect } from '../config/database-url';
import { readJson } from '../storage/json-value';
import { aggregateScopeSql } from './aggregate-scope-sql';

export interface SqlGroupsResult {
  /** Distinct group values (a missing field is `null`), in the order their first record was created. */
  groups: GroupValues[];
  /** Whether the database grouped the rows itself (false: the engine did, over narrowed rows). */
  inSql: boolean;
}

const PLAIN_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The field's JSON value: JSON text on SQLite, JSONB (parsed by the driver) on PostgreSQL; NULL when missing. */
function jsonValueSql(dialect: Dialect, field: string): string {
  return dialect === 'sqlite' ? `data -> '$.${field}'` : `data -> '${field}'`;
}

export async function groupsInSql(
  knex: Knex | Knex.Transaction,
  dialect: Dialect,
  request: AggregateRequest,
  fields: Map<string, FieldInfo>,
  { asOf }: { asOf?: number } = {},
): Promise<SqlGroupsResult> {
  // Grouped as things stood at the tick, however late it runs.
  const cutOff = asOf === undefined ? undefined : { at: asOf };
  const { base, filter, windowInSql } = aggregateScopeSql(knex, dialect, request, fields, cutOff);
  const exact =
    windowInSql &&
    (request.filter === undefined || filter !== undefined) &&
    Object.keys(request.groupBy).length === 0 &&
    request.groupFields.every((f) => PLAIN_FIELD.test(f));

  if (!exact) {
    const rows = (await base
      .clone()
      .select('id', 'form_key', 'data', 'created_at')
      .orderBy([{ column: 'created_at' }, { column: 'id' }])) as {
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
    return { groups: groupsIn(request, records), inSql: false };
  }

  if (request.groupFields.length === 0) {
    const any = await base.clone().first('id');
    return { groups: any ? [{}] : [], inSql: true };
  }
  const columns = request.groupFields.map((f) => jsonValueSql(dialect, f));
  const rows = (await base
    .clone()
    .select(...columns.map((sql, i) => knex.raw(`${sql} as g${i}`)), knex.raw('min(created_at) as first_at'))
    .groupByRaw(columns.join(', '))
    .orderByRaw(['first_at', ...columns].join(', '))) as Record<string, unknown>[];
  // JSON null and a missing field are one group (`null`), as in the engine: merge them by key.
  const seen = new Map<string, GroupValues>();
  for (const row of rows) {
    const group: GroupValues = {};
    request.groupFields.forEach((field, i) => {
      const raw = row[`g${i}`] ?? null;
      group[field] = dialect === 'sqlite' && typeof raw === 'string' ? JSON.parse(raw) : raw;
    });
    const key = groupKey(group);
    if (!seen.has(key)) seen.set(key, group);
  }
  return { groups: [...seen.values()], inSql: true };
}
