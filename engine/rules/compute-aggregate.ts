/**
 * @module Computes an aggregate request over records in memory: the reference the runtime's SQL is
 * tested against, and what the dry run uses. SQL semantics throughout: a record counts when its form
 * matches, each group field equals the group's value (`null` matches an empty field, like `IS NULL`),
 * its date is in `[from, to)` and the filter is truthy. `count` counts rows; `sum` and `avg` skip
 * values that are not finite numbers (as SQL skips NULL); `sum` of nothing is 0 (the runtime
 * wraps SUM in COALESCE), `avg` of nothing is `null`.
 */
import { evaluateExpression, isTruthy } from '../expressions/evaluate-expression';
import type { AggregateRequest } from './aggregate-requests';
import { fieldValue, groupValuesOf } from './aggregate-requests';
import { groupKey, type GroupValues } from './rule-firing-key';
import type { RuleRecord } from './rule-record';
import { momentMs, recordMoment } from './rule-window';

export interface AggregateResult {
  value: number | null;
  /** Ids of the records the value is computed from, in input order. */
  recordIds: string[];
}

function sameValue(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) return x === y;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Whether `record` is in the request's form, window and filter (group not considered). */
function inScope(request: AggregateRequest, record: RuleRecord, from: number, to: number): boolean {
  if (record.form !== request.form) return false;
  const at = recordMoment(record, request.dateField ?? undefined, request.timezone);
  if (at < from || at >= to) return false;
  return request.filter === undefined || isTruthy(evaluateExpression(request.filter, record.data));
}

/** The request's value over `records` (each record once: pass the versions visible at the time). */
export function computeAggregate(request: AggregateRequest, records: readonly RuleRecord[]): AggregateResult {
  const from = momentMs(request.from);
  const to = momentMs(request.to);
  const matching = records.filter(
    (r) =>
      Object.entries(request.groupBy).every(([field, value]) =>
        sameValue(fieldValue(r.data, field), value),
      ) && inScope(request, r, from, to),
  );
  const recordIds = matching.map((r) => r.id);
  const measure = request.measure;
  if (measure.op === 'count') return { value: matching.length, recordIds };
  const values = matching
    .map((r) => fieldValue(r.data, measure.field))
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const sum = values.reduce((a, b) => a + b, 0);
  if (measure.op === 'sum') return { value: sum, recordIds };
  return { value: values.length === 0 ? null : sum / values.length, recordIds };
}

/** The distinct groups among in-scope records (for a scheduled check over every group), in first-seen order. */
export function groupsIn(request: AggregateRequest, records: readonly RuleRecord[]): GroupValues[] {
  const from = momentMs(request.from);
  const to = momentMs(request.to);
  const seen = new Map<string, GroupValues>();
  for (const record of records) {
    if (!inScope(request, record, from, to)) continue;
    const group = { ...groupValuesOf(request.groupFields, record.data), ...request.groupBy };
    if (!Object.entries(request.groupBy).every(([f, v]) => sameValue(fieldValue(record.data, f), v)))
      continue;
    const key = groupKey(group);
    if (!seen.has(key)) seen.set(key, group);
  }
  return [...seen.values()];
}
