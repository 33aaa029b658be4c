/** @module The pie chart: shares of a whole (tickets by channel), labelled with name and percentage. */
import type { ReportChart } from '../../reports/report-chart.schema';
import type { ChartContext, ChartOption } from '../chart-context';
import { chartFrame } from '../chart-frame';

export type PieChart = Extract<ReportChart, { type: 'pie' }>;

export function pieOption(ctx: ChartContext<PieChart>): ChartOption {
  const { chart, rows } = ctx;
  return {
    ...chartFrame(ctx),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name: ctx.label(chart.y),
        type: 'pie',
        radius: ['0%', '62%'],
        center: ['50%', '52%'],
        label: { show: true, formatter: '{b}: {c} ({d}%)' },
        data: rows.map((r) => ({ name: ctx.category(r, chart.x), value: ctx.value(r, chart.y) })),
      },
    ],
  };
}
