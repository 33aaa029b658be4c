/**
 * @module Chart spec + result rows → an ECharts option as plain JSON, the same in the browser and in
 * the server's SVG / PNG export. The engine never imports ECharts; it only builds the option object.
 * One builder per chart type in `types/`.
 */
import type { Locale } from '../issues/locale';
import type { PlanOutput, ResultRow } from '../reports/query-plan';
import type { ReportChart } from '../reports/report-chart.schema';
import type { ValueLabels } from '../reports/value-labels';
import { chartContext, type ChartContext, type ChartOption } from './chart-context';
import { barOption } from './types/bar';
import { gaugeOption } from './types/gauge';
import { kpiCardOption } from './types/kpi-card';
import { lineOption } from './types/line';
import { paretoOption } from './types/pareto';
import { pieOption } from './types/pie';
import { stackedBarOption } from './types/stacked-bar';
import { tableOption } from './types/table';

type Builders = {
  [T in ReportChart['type']]: (ctx: ChartContext<Extract<ReportChart, { type: T }>>) => ChartOption;
};

const BUILDERS: Builders = {
  line: lineOption,
  bar: barOption,
  stacked_bar: stackedBarOption,
  pie: pieOption,
  pareto: paretoOption,
  gauge: gaugeOption,
  kpi_card: kpiCardOption,
  table: tableOption,
};

/**
 * The ECharts option of `chart` over `rows` (post-processed rows of the report's plan). `outputs`
 * (`plan.outputs`) supply localised names, units, formulas; without them the output names are shown.
 * `labels` (`dimensionValueLabels`) show choice-field values by their option labels.
 */
export function chartOption(
  chart: ReportChart,
  rows: readonly ResultRow[],
  locale: Locale,
  outputs: readonly PlanOutput[] = [],
  labels?: ValueLabels,
): ChartOption {
  const build = BUILDERS[chart.type] as (ctx: ChartContext) => ChartOption;
  return build(chartContext(chart, rows, locale, outputs, labels));
}
