/**
 * @module A dashboard's shared filter values → the filters of one card's report, each mapped onto that
 * report's own field (`fields[report]`, else the filter's `field`); a filter a report has no field for
 * does not apply to it. Feed the result to `compileReport(spec, { sharedFilters })`.
 */
import type { DashboardDefinition } from './dashboard-definition.schema';
import type { FilterScalar, ReportFilter } from './report-filter.schema';

/** The value a viewer chose: a date range (either end open) or a selection. */
export type SharedFilterValue = { from?: string; to?: string } | FilterScalar[];

export function dashboardFiltersFor(
  dashboard: DashboardDefinition,
  reportKey: string,
  values: Record<string, SharedFilterValue | undefined>,
): ReportFilter[] {
  const filters: ReportFilter[] = [];
  for (const filter of dashboard.filters ?? []) {
    const field = filter.fields?.[reportKey] ?? filter.field;
    const value = values[filter.key];
    if (field === undefined || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) filters.push({ field, op: 'in', value });
      continue;
    }
    if (value.from !== undefined && value.to !== undefined)
      filters.push({ field, op: 'between', value: [value.from, value.to] });
    else if (value.from !== undefined) filters.push({ field, op: 'gte', value: value.from });
    else if (value.to !== undefined) filters.push({ field, op: 'lte', value: value.to });
  }
  return filters;
}
