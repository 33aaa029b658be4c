/**
 * @module The one mapping from the plan's related-table vocabulary (`sla_clocks.recordId`,
 * `pausedWallMinutes`, `events.at`, …) onto the runtime's snake_case schema. Events belong to records
 * through their stream (`stream = 'record'`, `stream_id` = the record id). Instants are epoch ms here.
 */
import type { RelatedTable } from '../../engine/reports/index';

export type RelatedColumnType = 'text' | 'number' | 'timestamp' | 'json' | 'boolean';

export interface RelatedColumn {
  column: string;
  type: RelatedColumnType;
}

export interface RelatedTableMapping {
  table: string;
  /** Plan foreign-key name → column holding the record id. */
  foreignKeys: Record<string, string>;
  /** An extra equality every row must meet (the events of records, not of definitions). */
  scope?: { column: string; value: string };
  columns: Record<string, RelatedColumn>;
}

const col = (column: string, type: RelatedColumnType): RelatedColumn => ({ column, type });

export const RELATED_TABLES: Record<RelatedTable, RelatedTableMapping> = {
  sla_clocks: {
    table: 'sla_clocks',
    foreignKeys: { recordId: 'record_id' },
    columns: {
      recordId: col('record_id', 'text'),
      clock: col('clock', 'text'),
      run: col('run', 'number'),
      stage: col('stage', 'text'),
      state: col('state', 'text'),
      targetMinutes: col('target_minutes', 'number'),
      startedAt: col('started_at', 'timestamp'),
      dueAt: col('due_at', 'timestamp'),
      originalDueAt: col('original_due_at', 'timestamp'),
      stoppedAt: col('stopped_at', 'timestamp'),
      businessElapsedMinutes: col('business_elapsed_minutes', 'number'),
      wallElapsedMinutes: col('wall_elapsed_minutes', 'number'),
      pausedWallMinutes: col('paused_wall_minutes', 'number'),
      breached: col('breached', 'boolean'),
      updatedAt: col('updated_at', 'timestamp'),
    },
  },
  events: {
    table: 'events',
    foreignKeys: { recordId: 'stream_id' },
    scope: { column: 'stream', value: 'record' },
    columns: {
      id: col('id', 'number'),
      recordId: col('stream_id', 'text'),
      type: col('type', 'text'),
      actor: col('actor', 'text'),
      at: col('at', 'timestamp'),
      payload: col('payload', 'json'),
    },
  },
  record_revisions: {
    table: 'record_revisions',
    foreignKeys: { recordId: 'record_id' },
    columns: {
      id: col('id', 'number'),
      recordId: col('record_id', 'text'),
      revision: col('revision', 'number'),
      stage: col('stage', 'text'),
      data: col('data', 'json'),
      by: col('by', 'text'),
      at: col('at', 'timestamp'),
      resolvedAt: col('resolved_at', 'timestamp'),
    },
  },
};

/** The schema column behind a plan column of a related table; unknown names are a plan error. */
export function relatedColumn(table: RelatedTable, name: string): RelatedColumn {
  const mapping = RELATED_TABLES[table];
  const found = Object.hasOwn(mapping.columns, name) ? mapping.columns[name] : undefined;
  if (!found) throw new Error(`The query plan reads ${table}.${name}, which the runtime does not store`);
  return found;
}

export function relatedForeignKey(table: RelatedTable, name: string): string {
  const mapping = RELATED_TABLES[table];
  const found = Object.hasOwn(mapping.foreignKeys, name) ? mapping.foreignKeys[name] : undefined;
  if (!found) throw new Error(`The query plan joins ${table} on ${name}, which is not a record reference`);
  return found;
}
