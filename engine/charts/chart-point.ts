/**
 * @module Which result row a clicked chart point stands for: ECharts reports the point by its shown
 * category text (and series name), and this maps that text back to the raw dimension values of the row
 * through the same `category` the option was built with, so option labels and time-bucket texts resolve
 * to the values a query can filter on. Gauges and KPI cards stand for every row of the report (`{}`).
 */
import type { Locale } from '../issues/locale';
import type { JsonScalar, PlanOutput, ResultRow } from '../reports/query-plan';
import type { ReportChart } from '../reports/report-chart.schema';
import type { ValueLabels } from '../reports/value-labels';
import { chartContext } from './chart-context';

export interface ChartClick {
  /** The category text of the point (x-axis value or slice name). */
  name?: string;
  /** The series of the point, for charts whose series are a second dimension. */
  seriesName?: string;
}

/** Dimension output name → raw value of the clicked point; null when the click matches no row. */
export type ChartPoint = Record<string, JsonScalar>;

export function chartPointOf(
  chart: ReportChart,
  rows: readonly ResultRow[],
  click: ChartClick,
  locale: Locale,
  outputs: readonly PlanOutput[] = [],
  labels?: ValueLabels,
): ChartPoint | null {
  if (chart.type === 'gauge' || chart.type === 'kpi_card') return {};
  if (chart.type === 'table' || click.name === undefined) return null;
  const ctx = chartContext(chart, rows, locale, outputs, labels);
  const seriesDimension = 'series' in chart ? chart.series : undefined;
  const row = rows.find(
    (r) =>
      ctx.category(r, chart.x) === click.name &&
      (seriesDimension === undefined || ctx.category(r, seriesDimension) === click.seriesName),
  );
  if (!row) return null;
  const point: ChartPoint = { [chart.x]: row[chart.x] ?? null };
  if (seriesDimension !== undefined) point[seriesDimension] = row[seriesDimension] ?? null;
  return point;
}
