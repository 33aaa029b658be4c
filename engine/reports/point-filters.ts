/**
 * @module A clicked chart point → the records behind it. A point names the raw value of each dimension
 * it stands for (`chartPointOf`); here each becomes a report filter on that dimension's field — a plain
 * value `eq` (null `empty`), a time bucket `between` its first and last local day — and
 * `recordsBehindSpec` groups the report's source by record id under the report's filters, the
 * dashboard's and the point's, so the ordinary plan → SQL path lists exactly those records.
 */
import { createIssue, type Issue, type MessageCatalog } from '../issues/issue';
import { pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { addDays, formatLocalDate, parseLocalDate, weekdayOf } from '../time/zoned-time';
import { dimensionName } from './compile-report';
import type { JsonScalar } from './query-plan';
import {
  DEFAULT_REPORT_TIMEZONE,
  type ReportDefinition,
  type ReportDimension,
  type TimeGrain,
} from './report-definition.schema';
import type { ReportFilter } from './report-filter.schema';

/** Dimension output name → raw value, as `chartPointOf` gives it; `{}` stands for every row. */
export type ReportPoint = Record<string, JsonScalar>;

/** Output names of the spec `recordsBehindSpec` builds: one row per source record id. */
export const RECORD_ID_OUTPUT = 'id';
export const RECORD_ROWS_OUTPUT = 'rows';

export const pointMessages: MessageCatalog = {
  'point-not-object': {
    en: 'The point must be an object of dimension values',
    'zh-CN': '数据点必须是由维度值组成的对象',
  },
  'unknown-point-key': {
    en: '"{key}" is not a dimension of this report (dimensions: {known})',
    'zh-CN': '“{key}”不是本报表的维度（已有维度：{known}）',
  },
  'point-not-scalar': {
    en: 'The value of "{key}" must be a string, number, boolean or null',
    'zh-CN': '“{key}”的值必须是字符串、数字、布尔值或空值',
  },
  'point-not-bucket': {
    en: '"{key}" is grouped by {grain}: its value must be a date YYYY-MM-DD (the bucket’s first day) or null',
    'zh-CN': '“{key}”按{grain}分组：其值必须是 YYYY-MM-DD 日期（该时间段的第一天）或空值',
  },
};

/** Thrown by `pointFilters` for a point `checkPoint` refuses; `issues` name `/point/<key>`. */
export class PointError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'PointError';
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date `YYYY-MM-DD` (not `2025-02-30`). */
const isCalendarDate = (value: string) => DATE_ONLY.test(value) && addDays(value, 0) === value;

/**
 * The first and last local day of the `grain` bucket holding `date` (weeks run Monday to Sunday), the
 * same buckets the compiler groups by.
 */
export function bucketBounds(grain: TimeGrain, date: string): [string, string] {
  const { year, month } = parseLocalDate(date);
  const monthEnd = (y: number, m: number) =>
    addDays(m === 12 ? formatLocalDate(y + 1, 1, 1) : formatLocalDate(y, m + 1, 1), -1);
  switch (grain) {
    case 'day':
      return [date, date];
    case 'week': {
      const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
      return [monday, addDays(monday, 6)];
    }
    case 'month':
      return [formatLocalDate(year, month, 1), monthEnd(year, month)];
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return [formatLocalDate(year, first, 1), monthEnd(year, first + 2)];
    }
    case 'year':
      return [formatLocalDate(year, 1, 1), formatLocalDate(year, 12, 31)];
  }
}

const isScalar = (v: unknown): v is JsonScalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The issues of `point` against the dimensions of `spec`, each at `/point/<key>` (or `/point`). */
export function checkPoint(spec: ReportDefinition, point: unknown, locale: Locale = 'en'): Issue[] {
  if (typeof point !== 'object' || point === null || Array.isArray(point)) {
    return [createIssue(pointMessages, 'point-not-object', '/point', {}, locale)];
  }
  const dimensions = new Map((spec.dimensions ?? []).map((d) => [dimensionName(d), d]));
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(point)) {
    const path = pointer('point', key);
    const d = dimensions.get(key);
    if (!d) {
      issues.push(
        createIssue(pointMessages, 'unknown-point-key', path, { key, known: [...dimensions.keys()] }, locale),
      );
    } else if (!isScalar(value)) {
      issues.push(createIssue(pointMessages, 'point-not-scalar', path, { key }, locale));
    } else if (d.grain && value !== null && (typeof value !== 'string' || !isCalendarDate(value))) {
      issues.push(createIssue(pointMessages, 'point-not-bucket', path, { key, grain: d.grain }, locale));
    }
  }
  return issues;
}

function dimensionFilter(d: ReportDimension, value: JsonScalar): ReportFilter {
  if (value === null) return { field: d.field, op: 'empty' };
  // Date-only bounds on a timestamp cover whole local days in the report's zone (compile-filter).
  if (d.grain) return { field: d.field, op: 'between', value: bucketBounds(d.grain, value as string) };
  return { field: d.field, op: 'eq', value };
}

/**
 * The filters that select the rows behind `point`, one per key in the point's order; throws a
 * `PointError` (issues at `/point/<key>`) for a point `checkPoint` refuses.
 */
export function pointFilters(
  spec: ReportDefinition,
  point: ReportPoint,
  locale: Locale = 'en',
): ReportFilter[] {
  const issues = checkPoint(spec, point, locale);
  if (issues.length > 0) throw new PointError(issues);
  const dimensions = new Map((spec.dimensions ?? []).map((d) => [dimensionName(d), d]));
  return Object.entries(point).map(([key, value]) => dimensionFilter(dimensions.get(key)!, value));
}

/**
 * A spec over the report's source (and join) keeping the rows behind `point` — the report's filters,
 * then `sharedFilters`, then the point's — grouped by the source record's id with a row count: one row
 * per record, however many joined rows it matched. Sort, limit, top-N and chart are dropped, since
 * they shape what a chart shows, not which records a point stands for; measures' own `where`s do not
 * narrow either (a CSAT point stands for every ticket of its month, surveyed or not).
 */
export function recordsBehindSpec(
  spec: ReportDefinition,
  point: ReportPoint,
  sharedFilters: readonly ReportFilter[] = [],
): ReportDefinition {
  return {
    key: spec.key,
    title: spec.title,
    source: spec.source,
    filters: [...(spec.filters ?? []), ...sharedFilters, ...pointFilters(spec, point)],
    dimensions: [{ field: 'id', as: RECORD_ID_OUTPUT }],
    measures: [{ op: 'count', as: RECORD_ROWS_OUTPUT }],
    timezone: spec.timezone ?? DEFAULT_REPORT_TIMEZONE,
  };
}
