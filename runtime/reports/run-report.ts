/**
 * @module Runs a report: the spec is compiled by the engine (field types from the stored forms), the
 * plan rendered to SQL for this store's dialect, the rows read back and post-processed, and the chart
 * option built by the engine's `chartOption` — the same function the browser uses.
 */
import {
  chartOption,
  compileReport,
  type ChartOption,
  type Locale,
  type PlanOutput,
  type QueryPlan,
  type ReportDefinition,
  type ResultRow,
} from '../../engine';
import type { JsonScalar, ReportFilter } from '../../engine/reports/index';
import { loadDefinitionContext } from '../definitions/stored-definition-context';
import type { RuntimeContext } from '../runtime-context';
import { planToQuery } from './plan-to-sql';
import { readPlanRows } from './read-plan-rows';

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
  if (isPlan(specOrPlan)) plan = specOrPlan;
  else {
    spec = specOrPlan;
    const context = await loadDefinitionContext(knex);
    plan = compileReport(spec, {
      fields: (form) => context.formFields(form),
      ...(options.sharedFilters ? { sharedFilters: options.sharedFilters } : {}),
    });
  }
  const params: Record<string, JsonScalar> = { asOf: runtime.clock.now().toISOString(), ...options.params };
  const raw = (await planToQuery(knex, dialect, plan, params)) as Record<string, unknown>[];
  const rows = readPlanRows(plan, raw, params);
  const option = spec?.chart ? chartOption(spec.chart, rows, options.locale ?? 'en', plan.outputs) : null;
  return { rows, outputs: plan.outputs, option };
}
