/**
 * @module Line, bar and stacked-bar charts: categories from the `x` dimension, one series per `y`
 * measure (or per value of the `series` dimension), the target as a dashed line and missing points in
 * the miss colour.
 */
import type { ReportChart } from '../../reports/report-chart.schema';
import type { ResultRow } from '../../reports/query-plan';
import { distinct, measuresOf, type ChartContext, type ChartOption } from '../chart-context';
import { axisBoundsFor, chartFrame, valueAxisLabel } from '../chart-frame';
import { dataItem, targetMarkLine } from '../chart-target';

export type CartesianChart = Extract<ReportChart, { type: 'line' | 'bar' | 'stacked_bar' }>;

/** Where a horizontal category axis shows its name: centred under its labels. */
export const BELOW_AXIS = { nameLocation: 'middle', nameGap: 30 } as const;

/** Labels on every point stay readable up to this many categories. */
const LABEL_LIMIT = 24;

export function cartesianOption(
  ctx: ChartContext<CartesianChart>,
  kind: 'line' | 'bar',
  stacked: boolean,
): ChartOption {
  const { chart, rows } = ctx;
  const ys = measuresOf(chart.y);
  const categories = distinct(rows.map((r) => ctx.category(r, chart.x)));
  // Stacked segments are parts of a total: a target judges the total, so segments are not recoloured.
  const target = stacked ? undefined : chart.target;
  const rowAt = (category: string, match: (r: ResultRow) => boolean = () => true) =>
    rows.find((r) => ctx.category(r, chart.x) === category && match(r));

  const lines: { name: string; values: (number | null)[] }[] = chart.series
    ? distinct(rows.map((r) => ctx.category(r, chart.series!))).map((group) => ({
        name: group,
        values: categories.map((c) => {
          const row = rowAt(c, (r) => ctx.category(r, chart.series!) === group);
          return row ? ctx.value(row, ys[0]!) : null;
        }),
      }))
    : ys.map((y) => ({
        name: ctx.label(y),
        values: categories.map((c) => {
          const row = rowAt(c);
          return row ? ctx.value(row, y) : null;
        }),
      }));

  const showLabels = categories.length <= LABEL_LIMIT;
  const series: Record<string, unknown>[] = lines.map((line) => ({
    name: line.name,
    type: kind,
    data: line.values.map((v) => dataItem(v, target)),
    label: { show: showLabels, position: kind === 'line' ? 'top' : stacked ? 'inside' : 'top' },
    ...(stacked ? { stack: 'total' } : {}),
    ...(kind === 'line' ? { symbolSize: 8, connectNulls: false } : {}),
  }));
  const horizontal = kind === 'bar' && chart.horizontal === true;
  if (chart.target && series[0]) series[0].markLine = targetMarkLine(chart.target, ctx, ys[0]!, horizontal);

  const valueAxis = {
    type: 'value',
    name: ys.length === 1 || chart.series ? ctx.label(ys[0]!) : '',
    axisLabel: valueAxisLabel(ctx, ys[0]),
    ...axisBoundsFor(
      lines.flatMap((l) => l.values),
      chart.target?.value,
    ),
  };
  // Below the axis, centred: at the axis' end the name would sit on the last label or be cut off.
  const categoryAxis = {
    type: 'category',
    name: ctx.label(chart.x),
    data: categories,
    ...(horizontal ? {} : BELOW_AXIS),
  };
  return {
    ...chartFrame(ctx),
    tooltip: { trigger: 'axis' },
    ...(series.length > 1 ? { legend: { top: 24, data: series.map((s) => s.name) } } : {}),
    grid: { left: 56, right: 40, top: series.length > 1 ? 64 : 48, bottom: 48, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}
