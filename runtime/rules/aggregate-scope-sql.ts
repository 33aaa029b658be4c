/**
 * @module The scope of an aggregate request as SQL — its form, its window (when on `created_at`), its
 * filter (when `filterToSql` covers it) and a cut-off saying which records already existed — shared by
 * `aggregateInSql` and `groupsInSql`, which narrow further and say whether SQL said everything.
 */
import type { Knex } from 'knex';
import type { AggregateRequest, FieldInfo } from '../../engine';
import type { Dialect } from '../config/database-url';
import { filterToSql, type SqlCondition } from './filter-to-sql';

/**
 * Which records count, "as things stood": at an instant (a scheduled rule's tick), or when an outbox
 * event was written — the records whose `record.created` event comes before it in the outbox's
 * (tx_id, id) order. The event's clock time would not do: a ticket stamped earlier whose transaction
 * writes later than a later-stamped one would be counted by neither ticket's event (nine screen
 * failures each time, and the tenth never fires the rule). The outbox hands an event over only once
 * every transaction before it has ended, so the answer is the same however late it is read.
 */
export type AggregateCutOff = { at: number } | { event: { txId: number; id: number } };

export interface AggregateScopeSql {
  /** `records` narrowed to the request's form, window, filter and cut-off, as far as SQL can say. */
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
  cutOff: AggregateCutOff | undefined,
): AggregateScopeSql {
  const base = knex('records').where('form_key', request.form);
  if (cutOff && 'at' in cutOff) base.andWhere('created_at', '<=', cutOff.at);
  else if (cutOff) {
    const { txId, id } = cutOff.event;
    base.whereExists((created) =>
      created
        .select(knex.raw('1'))
        .from('events as created')
        .where('created.stream', 'record')
        .andWhereRaw('created.stream_id = records.id')
        .andWhere('created.type', 'record.created')
        .andWhere((before) =>
          before
            .where('created.tx_id', '<', txId)
            .orWhere((same) => same.where('created.tx_id', txId).andWhere('created.id', '<=', id)),
        ),
    );
  }
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
