/**
 * @module The scope of an aggregate request as SQL — its form, its window (when on `created_at`), its
 * filter (when `filterToSql` covers it) and an `asOf` cut-off — shared by `aggregateInSql` and
 * `groupsInSql`, which narrow further and say whether SQL said everything.
 */
import type { Knex } from 'knex';
import type { AggregateRequest, FieldInfo } from '../../engine';
import type { Dialect } from '../config/database-url';
import { filterToSql, type SqlCondition } from './filter-to-sql';

export interface AggregateScopeSql {
  /** `records` narrowed to the request's form, window, filter and `asOf`, as far as SQL can say. */
  base: Knex.QueryBuilder;
  /** The filter as SQL; undefined when there is no filter or `filterToSql` cannot say it. */
  filter: SqlCondition | undefined;
  /** Whether the window was applied in SQL (false: it is on a data field). */
  windowInSql: boolean;
}

export function aggregateScopeSql(
  knex: Knex | Knex.Transaction,
  dialect: Dialect,
  request: AggregateRequest,
  fields: Map<string, FieldInfo>,
  asOf: number | undefined,
): AggregateScopeSql {
  const base = knex('records').where('form_key', request.form);
  // As things stood at `asOf` (the triggering event, or the tick), however late it is read.
  if (asOf !== undefined) base.andWhere('created_at', '<=', asOf);
  const filter = request.filter === undefined ? undefined : filterToSql(dialect, request.filter, fields);
  if (filter) base.whereRaw(filter.sql, filter.bindings);
  const windowInSql = request.dateField === null;
  if (windowInSql) {
    base
      .where('created_at', '>=', Date.parse(request.from))
      .andWhere('created_at', '<', Date.parse(request.to));
  }
  return { base, filter, windowInSql };
}
