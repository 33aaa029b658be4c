/**
 * @module What every part of the plan → SQL translation shares: the dialect, the plan, the runtime
 * parameters, and the value types the SQL works in. Instants are epoch milliseconds everywhere in the
 * generated SQL (system columns already are; ISO literals, parameters and ISO data values are converted),
 * so comparisons and differences are plain arithmetic on both dialects.
 */
import type { JsonScalar, QueryPlan } from '../../engine/reports/index';
import type { Dialect } from '../config/database-url';
import type { Sql } from './sql-fragment';

/** The type a value has in the generated SQL. `timestamp` = epoch ms; `date` = `YYYY-MM-DD` text. */
export type ValueType = 'timestamp' | 'number' | 'text' | 'boolean' | 'json' | 'date' | 'null';

export interface TypedSql extends Sql {
  type: ValueType;
  /** For JSON values: the document and path (SQLite's json_each / json_type need them apart). */
  json?: { doc: Sql; path: string[] };
}

export interface TimeRange {
  /** Epoch ms. */
  from: number;
  to: number;
}

export interface RenderContext {
  dialect: Dialect;
  plan: QueryPlan;
  params: Record<string, JsonScalar>;
  /**
   * The instants the bucketed values span, for SQLite's time-zone offsets (it has no zone database).
   * Derived from the plan's WHERE bounds when absent; see `time-buckets.ts`.
   */
  timeRange?: TimeRange;
}

export const typed = (sql: Sql, type: ValueType, json?: TypedSql['json']): TypedSql =>
  json ? { ...sql, type, json } : { ...sql, type };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** The engine's test for an instant value (evaluate-plan.ts `isIsoTime`). */
export const isIsoTime = (v: unknown): v is string => typeof v === 'string' && ISO_TIME.test(v);

/** The type of a plan literal or parameter value. */
export function valueTypeOf(value: JsonScalar): ValueType {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return isIsoTime(value) ? 'timestamp' : 'text';
}
