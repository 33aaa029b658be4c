/**
 * @module Runs a report: the spec is compiled by the engine (field types from the stored forms), the
 * plan rendered to SQL for this store's dialect, the rows read back and post-processed, and the chart
 * option built by the engine's `chartOption` — the same function the browser uses. Choice-field
 * and user dimensions keep their raw values (option values, user ids) in the rows; `labels` maps them
 * to option labels in the requested locale and to people's names, which the chart option already shows.
 */
import {
  bundleContext,
  chartOption,
  compileReport,
  dimensionValueLabels,
  userDimensionNames,
  type ValueLabels,
  type ChartOption,
  type Locale,
  type PlanOutput,
  type QueryPlan,
  type ReportDefinition,
  type ResultRow,
} from '../../engine';
import type { JsonScalar, ReportFilter } from '../../engine/reports/index';
import { loadWorkingBundle } from '../definitions/stored-definition-context';
import type { RuntimeContext } from '../runtime-context';
import { planToQuery } from './plan-to-sql';
import { readPlanRows } from './read-plan-rows';
import { userValueLabels } from './user-value-labels';

export interface RunReportOptions {
  /** Runtime values the plan reads; `asOf` defaults to the runtime clock's now. */
  params?: Record<string, JsonScalar>;
  /** Dashboard filters already mapped to this report (`dashboardFiltersFor`); specs only. */
  sharedFilters?: ReportFilter[];
  /** Language of the chart option's labels. */
  locale?: Locale;
}

export interface ReportResult {
  rows: ResultRow[];
  outputs: PlanOutput[];
  /**
   * Shown text of choice-field dimension values: output name → raw value → option label in the
   * requested locale. Rows keep the raw values; columns without labels are absent.
   */
  labels: ValueLabels;
  /** The ECharts option when the spec has a chart, else null. */
  option: ChartOption | null;
}

const isPlan = (x: ReportDefinition | QueryPlan): x is QueryPlan =>
  'version' in x && 'measures' in x && !('source' in x);

export async function runReport(
  runtime: RuntimeContext,
  specOrPlan: ReportDefinition | QueryPlan,
  options: RunReportOptions = {},
): Promise<ReportResult> {
  const { knex, dialect } = runtime.db;
  let plan: QueryPlan;
  let spec: ReportDefinition | undefined;
  let labels: ValueLabels = {};
  let userDimensions: string[] = [];
  const locale = options.locale ?? 'en';
  if (isPlan(specOrPlan)) plan = specOrPlan;
  else {
    spec = specOrPlan;
    const bundle = await loadWorkingBundle(knex);
    const context = bundleContext(bundle);
    plan = compileReport(spec, {
      fields: (form) => context.formFields(form),
      ...(options.sharedFilters ? { sharedFilters: options.sharedFilters } : {}),
    });
    const forms = (key: string) => bundle.forms?.find((f) => f.key === key);
    labels = dimensionValueLabels(spec, forms, locale);
    userDimensions = userDimensionNames(spec, forms);
  }
  const params: Record<string, JsonScalar> = { asOf: runtime.clock.now().toISOString(), ...options.params };
  const raw = (await planToQuery(knex, dialect, plan, params)) as Record<string, unknown>[];
  const rows = readPlanRows(plan, raw, params);
  labels = { ...labels, ...(await userValueLabels(knex, rows, userDimensions)) };
  const option = spec?.chart ? chartOption(spec.chart, rows, locale, plan.outputs, labels) : null;
  return { rows, outputs: plan.outputs, labels, option };
}
