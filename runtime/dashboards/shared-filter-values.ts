/**
 * @module The viewer's shared filter values of a dashboard, read from `?filters=<JSON>` or a body's
 * `filters` and checked against the dashboard's filters: a JSON object keyed by filter key, a
 * `dateRange` as `{ from?, to? }` (calendar dates `YYYY-MM-DD`, from ≤ to), a `select` as a list of
 * strings, numbers or booleans (at most 500). Anything else is 422 with an issue per bad filter whose
 * `path` names it (`/filters/<key>`, `/filters/<key>/from`). A missing or empty value means "no filter".
 */
import { pointer, type Issue } from '../../engine';
import type { DashboardDefinition, DashboardFilter } from '../../engine/reports/index';
import type { FilterScalar, SharedFilterValue } from '../../engine/reports/index';
import { invalid } from '../http/errors';

/** Filter key → the viewer's value; filters without a value are absent. */
export type SharedFilterValues = Record<string, SharedFilterValue>;

/** As many values as an `in` filter of a report may hold (`reportFilterSchema`). */
export const MAX_SELECTED = 500;
/** The longest text value a report filter accepts. */
const MAX_TEXT = 500;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A real calendar date: `2026-02-30` matches the pattern but is no day. */
function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The raw `filters` as an object: JSON text from a query string, or the object of a JSON body. */
function filtersObject(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null || raw === '') return {};
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      throw invalid(
        [
          {
            code: 'invalid-json',
            path: '/filters',
            message: '`filters` must be a JSON object (it is not valid JSON)',
          },
        ],
        'The filter values are invalid',
      );
    }
  }
  if (value === null) return {};
  if (!isObject(value)) {
    throw invalid(
      [
        {
          code: 'invalid-filters',
          path: '/filters',
          message: '`filters` must be an object keyed by filter key',
        },
      ],
      'The filter values are invalid',
    );
  }
  return value;
}

function dateRangeOf(key: string, value: unknown, issues: Issue[]): SharedFilterValue | undefined {
  const at = (...tokens: string[]) => pointer('filters', key, ...tokens);
  if (!isObject(value)) {
    issues.push({
      code: 'invalid-date-range',
      path: at(),
      message: `Filter "${key}" takes { from?, to? } with dates YYYY-MM-DD`,
    });
    return undefined;
  }
  const range: { from?: string; to?: string } = {};
  for (const [name, bound] of Object.entries(value)) {
    if (name !== 'from' && name !== 'to') {
      issues.push({
        code: 'unknown-bound',
        path: at(name),
        message: `Filter "${key}" takes only "from" and "to"`,
      });
      continue;
    }
    // An open end may be sent as null or "" by a form that clears the field.
    if (bound === null || bound === undefined || bound === '') continue;
    if (typeof bound !== 'string' || !isCalendarDate(bound)) {
      issues.push({
        code: 'invalid-date',
        path: at(name),
        message: `"${name}" of filter "${key}" must be a date YYYY-MM-DD`,
      });
      continue;
    }
    range[name] = bound;
  }
  // Dates in one format compare as text.
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
    issues.push({
      code: 'range-reversed',
      path: at('from'),
      message: `"from" of filter "${key}" is after its "to"`,
    });
  }
  return range.from === undefined && range.to === undefined ? undefined : range;
}

function selectionOf(key: string, value: unknown, issues: Issue[]): SharedFilterValue | undefined {
  const at = (...tokens: (string | number)[]) => pointer('filters', key, ...tokens);
  if (!Array.isArray(value)) {
    issues.push({ code: 'invalid-selection', path: at(), message: `Filter "${key}" takes a list of values` });
    return undefined;
  }
  if (value.length > MAX_SELECTED) {
    issues.push({
      code: 'too-many-values',
      path: at(),
      message: `Filter "${key}" takes at most ${MAX_SELECTED} values`,
    });
    return undefined;
  }
  const selected: FilterScalar[] = [];
  value.forEach((item, i) => {
    const scalar =
      (typeof item === 'string' && item.length <= MAX_TEXT) ||
      (typeof item === 'number' && Number.isFinite(item)) ||
      typeof item === 'boolean';
    if (scalar) selected.push(item as FilterScalar);
    else
      issues.push({
        code: 'invalid-value',
        path: at(i),
        message: `Values of filter "${key}" must be texts (up to ${MAX_TEXT} characters), numbers or true / false`,
      });
  });
  return selected.length === 0 ? undefined : selected;
}

/** Checks `raw` against the dashboard's filters; throws 422 naming each bad filter. */
export function parseSharedFilterValues(dashboard: DashboardDefinition, raw: unknown): SharedFilterValues {
  const given = filtersObject(raw);
  const byKey = new Map<string, DashboardFilter>((dashboard.filters ?? []).map((f) => [f.key, f]));
  const issues: Issue[] = [];
  const values: SharedFilterValues = {};
  for (const [key, value] of Object.entries(given)) {
    const filter = byKey.get(key);
    if (!filter) {
      // Refused rather than ignored: a misspelt key would otherwise show unfiltered numbers as filtered.
      issues.push({
        code: 'unknown-filter',
        path: pointer('filters', key),
        message: `The dashboard has no filter "${key}"`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    const parsed =
      filter.kind === 'dateRange' ? dateRangeOf(key, value, issues) : selectionOf(key, value, issues);
    if (parsed !== undefined) values[key] = parsed;
  }
  if (issues.length > 0) throw invalid(issues, 'The filter values are invalid');
  return values;
}
