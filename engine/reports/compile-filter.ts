/**
 * @module Turns a report filter into a plan condition. Date-only bounds on timestamps are resolved to
 * instants here, in the report's time zone, so "2025-01-01" means that local day everywhere: `eq` covers
 * the day, `lte` / `between` include the whole last day.
 */
import { addDays, fromWallTime, instantAt } from '../time/zoned-time';
import type { PlanBuilder } from './plan-builder';
import type { ValueKind } from './report-field';
import type { Condition, JsonScalar, ScalarExpr } from './query-plan';
import type { FilterScalar, ReportFilter } from './report-filter.schema';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

const iso = (instant: number) => new Date(instant).toISOString();

/** An instant literal: wall times without an offset are read in `timezone`; others as written. */
function instantLiteral(value: FilterScalar, timezone: string): JsonScalar {
  if (typeof value !== 'string') return value;
  if (DATE_ONLY.test(value)) return iso(instantAt(value, '00:00', timezone));
  const m = LOCAL_DATETIME.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s] = m;
    return iso(
      fromWallTime(
        { year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi!, second: +(s ?? 0) },
        timezone,
      ),
    );
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? value : iso(parsed);
}

/**
 * A literal in the type of the field it is compared with: values that arrive as text — a dashboard's
 * shared filter taken from a page address, a CSV-minded API caller — are read as numbers for numeric
 * fields and as true / false for checkboxes. Without this "5" would match nothing on SQLite (text is
 * never equal to a number there) yet match on PostgreSQL (which casts the literal).
 */
function typedLiteral(value: FilterScalar, kind: ValueKind): FilterScalar {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (kind === 'number' && text !== '' && Number.isFinite(Number(text))) return Number(text);
  if (kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return value;
}

/** The start of the local day after a date-only value (exclusive upper bound of that day). */
const dayAfter = (date: string, timezone: string) => ({
  value: iso(instantAt(addDays(date, 1), '00:00', timezone)),
});

export function compileFilter(filter: ReportFilter, b: PlanBuilder): Condition {
  const resolved = b.resolve(filter.field);
  const left: ScalarExpr = b.field(filter.field);
  const isInstant = resolved.kind === 'timestamp';
  const lit = (v: FilterScalar): ScalarExpr => ({
    value: isInstant ? instantLiteral(v, b.timezone) : typedLiteral(v, resolved.kind),
  });
  const wholeDay = (v: FilterScalar) => isInstant && typeof v === 'string' && DATE_ONLY.test(v);
  const listMode = resolved.kind === 'list';
  switch (filter.op) {
    case 'eq':
      if (wholeDay(filter.value)) {
        return {
          op: 'and',
          args: [
            { op: 'gte', left, right: lit(filter.value) },
            { op: 'lt', left, right: dayAfter(filter.value as string, b.timezone) },
          ],
        };
      }
      return { op: 'eq', left, right: lit(filter.value) };
    case 'gt':
    case 'lte':
      // "after 1 Jan" and "up to 1 Jan" both move the boundary to the end of that day.
      if (wholeDay(filter.value)) {
        return {
          op: filter.op === 'gt' ? 'gte' : 'lt',
          left,
          right: dayAfter(filter.value as string, b.timezone),
        };
      }
      return { op: filter.op, left, right: lit(filter.value) };
    case 'ne':
    case 'gte':
    case 'lt':
      return { op: filter.op, left, right: lit(filter.value) };
    case 'in':
    case 'nin':
      return {
        op: filter.op,
        left,
        values: filter.value.map((v) => (lit(v) as { value: JsonScalar }).value),
      };
    case 'between': {
      const [low, high] = filter.value as [FilterScalar, FilterScalar];
      const upper: Condition = wholeDay(high)
        ? { op: 'lt', left, right: dayAfter(high as string, b.timezone) }
        : { op: 'lte', left, right: lit(high) };
      return { op: 'and', args: [{ op: 'gte', left, right: lit(low) }, upper] };
    }
    case 'contains':
      return { op: 'contains', left, value: filter.value, mode: listMode ? 'list' : 'text' };
    case 'empty':
    case 'notEmpty':
      return {
        op: filter.op === 'empty' ? 'empty' : 'not_empty',
        arg: left,
        mode: listMode ? 'list' : resolved.kind === 'text' || resolved.kind === 'unknown' ? 'text' : 'value',
      };
  }
}

/** All filters ANDed; `null` for none. */
export function compileFilters(
  filters: readonly ReportFilter[] | undefined,
  b: PlanBuilder,
): Condition | null {
  const conditions = (filters ?? []).map((f) => compileFilter(f, b));
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0]! : { op: 'and', args: conditions };
}
