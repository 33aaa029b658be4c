/**
 * @module The Pareto chart: counts per category as bars, largest first, and the cumulative share as a
 * line on a second 0–100 % axis ending at 100 %, with the 80 % line that picks the "vital few".
 */
import { postProcess } from '../../reports/post-process';
import type { ReportChart } from '../../reports/report-chart.schema';
import type { ChartContext, ChartOption } from '../chart-context';
import { TARGET_COLOR } from '../chart-colors';
import { chartFrame, valueAxisLabel } from '../chart-frame';
import { UNIT } from '../chart-format';
import { dataItem, targetMarkLine } from '../chart-target';
import { BELOW_AXIS } from './cartesian';

export type ParetoChart = Extract<ReportChart, { type: 'pareto' }>;

const CUMULATIVE = { en: 'Cumulative share', 'zh-CN': '累计占比' } as const;
const VITAL_FEW = 80;

export function paretoOption(ctx: ChartContext<ParetoChart>): ChartOption {
  const { chart } = ctx;
  // Rows from a Pareto plan already carry the share; otherwise compute it the same way here.
  const shareName = chart.cumulative ?? `${chart.y}_cumulative_share`;
  const rows = ctx.rows.every((r) => typeof r[shareName] === 'number')
    ? [...ctx.rows]
    : postProcess({ postProcess: [{ step: 'cumulative_share', of: chart.y, as: shareName }] }, ctx.rows);
  const shareLabel = ctx.output(shareName) ? ctx.label(shareName) : CUMULATIVE[ctx.locale];
  const percent = UNIT.percent[ctx.locale];
  const bars: Record<string, unknown> = {
    name: ctx.label(chart.y),
    type: 'bar',
    data: rows.map((r) => dataItem(ctx.value(r, chart.y), chart.target)),
    label: { show: true, position: 'top' },
  };
  if (chart.target) bars.markLine = targetMarkLine(chart.target, ctx, chart.y);
  return {
    ...chartFrame(ctx),
    tooltip: { trigger: 'axis' },
    legend: { top: 24, data: [ctx.label(chart.y), shareLabel] },
    grid: { left: 56, right: 64, top: 64, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      name: ctx.label(chart.x),
      data: rows.map((r) => ctx.category(r, chart.x)),
      ...BELOW_AXIS,
    },
    yAxis: [
      { type: 'value', name: ctx.label(chart.y), axisLabel: valueAxisLabel(ctx, chart.y) },
      {
        type: 'value',
        name: shareLabel,
        min: 0,
        max: 100,
        interval: 20,
        axisLabel: { formatter: `{value}${percent}` },
      },
    ],
    series: [
      bars,
      {
        name: shareLabel,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 7,
        data: rows.map((r) => {
          const v = r[shareName];
          return typeof v === 'number' ? Math.round(v * 10) / 10 : null;
        }),
        label: { show: true, position: 'top', formatter: `{c}${percent}` },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: TARGET_COLOR, type: 'dotted' },
          label: { show: true, formatter: `${VITAL_FEW}${percent}` },
          data: [{ yAxis: VITAL_FEW }],
        },
      },
    ],
  };
}
