/**
 * @module The viewer's shared filter values in the page address, so a filtered view can be bookmarked,
 * shared and reloaded: a date range as `<key>.from=YYYY-MM-DD` / `<key>.to=YYYY-MM-DD`, a selection as
 * the filter key repeated once per value (`?category=screen&category=battery`). Other parameters are
 * left alone.
 */
import type { DashboardFilterView, SharedFilterValues } from './dashboards-api';

type FilterShape = Pick<DashboardFilterView, 'key' | 'kind'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function rangeOf(query: URLSearchParams, key: string): { from?: string; to?: string } | undefined {
  const from = query.get(`${key}.from`) ?? '';
  const to = query.get(`${key}.to`) ?? '';
  const range: { from?: string; to?: string } = {};
  if (DATE.test(from)) range.from = from;
  if (DATE.test(to)) range.to = to;
  return range.from === undefined && range.to === undefined ? undefined : range;
}

function selectionOf(query: URLSearchParams, key: string): string[] | undefined {
  const values = query.getAll(key).filter((v) => v !== '');
  return values.length === 0 ? undefined : values;
}

/**
 * The values the address holds. With the dashboard's filters known, only those are read, each by its
 * kind; before (the first load), any `<key>.from/.to` is read as a range and any other key as a selection.
 */
export function filterValuesFromQuery(
  query: URLSearchParams,
  filters?: readonly FilterShape[],
): SharedFilterValues {
  const values: SharedFilterValues = {};
  const shapes: FilterShape[] = filters
    ? [...filters]
    : [...new Set(query.keys())].flatMap((name): FilterShape[] => {
        const dot = name.endsWith('.from') || name.endsWith('.to') ? name.lastIndexOf('.') : -1;
        const key = dot > 0 ? name.slice(0, dot) : name;
        return KEY.test(key) ? [{ key, kind: dot > 0 ? 'dateRange' : 'select' }] : [];
      });
  for (const { key, kind } of shapes) {
    const value = kind === 'dateRange' ? rangeOf(query, key) : selectionOf(query, key);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** `query` with the filters' parameters replaced by `values` (parameters of other things kept). */
export function queryWithFilterValues(
  query: URLSearchParams,
  filters: readonly FilterShape[],
  values: SharedFilterValues,
): URLSearchParams {
  const next = new URLSearchParams(query);
  for (const { key, kind } of filters) {
    next.delete(key);
    next.delete(`${key}.from`);
    next.delete(`${key}.to`);
    const value = values[key];
    if (value === undefined) continue;
    if (kind === 'dateRange' && !Array.isArray(value)) {
      if (value.from) next.set(`${key}.from`, value.from);
      if (value.to) next.set(`${key}.to`, value.to);
    } else if (Array.isArray(value)) {
      for (const item of value) next.append(key, String(item));
    }
  }
  return next;
}
