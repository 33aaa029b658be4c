/**
 * @module The choices a viewer gets for each shared filter: the definition's own `options` when the
 * author listed them; for a `select` filter without them, the distinct non-empty values its field
 * holds in the cards' source forms (a small grouped report per source and field, through the same
 * `runReport` as the cards, so the field resolves and casts as it does for the filter itself); a
 * `dateRange` has none.
 */
import type { LocalizedText, ReportDefinition } from '../../engine';
import type { DashboardDefinition, DashboardFilter } from '../../engine/reports/index';
import type { RuntimeContext } from '../runtime-context';
import { runReport } from '../reports/run-report';

/** As many options as a filter definition may list. */
export const MAX_OPTIONS = 500;

export interface DashboardFilterView {
  key: string;
  kind: DashboardFilter['kind'];
  label: LocalizedText | null;
  /** The definition's options, else the distinct values found in the cards' reports (at most 500). */
  options: string[];
}

/** The published spec of each card's report that has one, by report key. */
export type CardSpecs = ReadonlyMap<string, ReportDefinition>;

const OPTIONS_TITLE = { en: 'Filter options', 'zh-CN': '筛选选项' };

/** The distinct non-empty values of `field` in `source`'s records, as text. */
async function distinctValues(
  runtime: RuntimeContext,
  source: ReportDefinition['source'],
  field: string,
): Promise<string[]> {
  const spec: ReportDefinition = {
    key: 'filter-options',
    title: OPTIONS_TITLE,
    // The join comes along: a filter may name a joined form's field (`survey.rating`).
    source,
    filters: [{ field, op: 'notEmpty' }],
    dimensions: [{ field, as: 'value' }],
    measures: [{ op: 'count', as: 'n' }],
    sort: [{ by: 'value' }],
    // One more than is kept: enough to know the union is full without reading every value.
    limit: MAX_OPTIONS + 1,
  };
  const { rows } = await runReport(runtime, spec);
  return rows
    .map((row) => row.value)
    .filter((v): v is string | number | boolean => v !== null && v !== undefined && v !== '')
    .map(String);
}

async function discoveredOptions(
  runtime: RuntimeContext,
  dashboard: DashboardDefinition,
  filter: DashboardFilter,
  specs: CardSpecs,
): Promise<string[]> {
  // Cards of one report, or reports over the same source, ask once for the same field.
  const asks = new Map<string, { source: ReportDefinition['source']; field: string }>();
  for (const card of dashboard.cards) {
    const spec = specs.get(card.report);
    const field = filter.fields?.[card.report] ?? filter.field;
    if (!spec || field === undefined) continue;
    asks.set(JSON.stringify([spec.source, field]), { source: spec.source, field });
  }
  const found = new Set<string>();
  for (const { source, field } of asks.values()) {
    try {
      for (const value of await distinctValues(runtime, source, field)) found.add(value);
    } catch (err) {
      // Missing choices leave the filter usable by hand; the card itself reports what broke.
      runtime.logger.warn('dashboard filter options failed', {
        dashboard: dashboard.key,
        filter: filter.key,
        field,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_OPTIONS);
}

/** Each shared filter with the choices the viewer picks from. */
export async function dashboardFilterViews(
  runtime: RuntimeContext,
  dashboard: DashboardDefinition,
  specs: CardSpecs,
): Promise<DashboardFilterView[]> {
  const views: DashboardFilterView[] = [];
  for (const filter of dashboard.filters ?? []) {
    const options =
      filter.options !== undefined
        ? [...filter.options]
        : filter.kind === 'select'
          ? await discoveredOptions(runtime, dashboard, filter, specs)
          : [];
    views.push({ key: filter.key, kind: filter.kind, label: filter.label ?? null, options });
  }
  return views;
}
