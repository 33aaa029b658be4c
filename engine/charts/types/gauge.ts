/**
 * @module The gauge: one figure on a dial (SLA attainment 0–100 %), the dial's band on the missing side
 * of the target in the miss colour, the pointer and figure in the miss colour when it misses.
 */
import type { ReportChart } from '../../reports/report-chart.schema';
import type { ChartContext, ChartOption } from '../chart-context';
import { MISS_COLOR, OK_COLOR, PALETTE } from '../chart-colors';
import { chartFrame } from '../chart-frame';
import { UNIT } from '../chart-format';
import { missesTarget, targetLabel } from '../chart-target';

export type GaugeChart = Extract<ReportChart, { type: 'gauge' }>;

export function gaugeOption(ctx: ChartContext<GaugeChart>): ChartOption {
  const { chart } = ctx;
  const row = ctx.rows[ctx.rows.length - 1];
  const value = row ? ctx.value(row, chart.y) : null;
  const format = ctx.format(chart.y);
  const percent = format === 'percent';
  const min = chart.min ?? 0;
  const max =
    chart.max ??
    (percent ? 100 : Math.max(10, Math.ceil(Math.max(value ?? 0, chart.target?.value ?? 0) * 1.25)));
  const t = chart.target;
  const split = t ? Math.min(1, Math.max(0, (t.value - min) / (max - min))) : 1;
  const bands = t
    ? t.direction === 'above'
      ? [
          [split, MISS_COLOR],
          [1, OK_COLOR],
        ]
      : [
          [split, OK_COLOR],
          [1, MISS_COLOR],
        ]
    : [[1, PALETTE[0]]];
  const color = missesTarget(value, t) ? MISS_COLOR : t ? OK_COLOR : PALETTE[0];
  const unit = percent || format === 'minutes' ? UNIT[format][ctx.locale] : '';
  return {
    ...chartFrame(ctx),
    series: [
      {
        name: ctx.label(chart.y),
        type: 'gauge',
        min,
        max,
        radius: '80%',
        center: ['50%', '58%'],
        axisLine: { lineStyle: { width: 14, color: bands } },
        pointer: { itemStyle: { color } },
        progress: { show: false },
        axisLabel: { distance: 18, fontSize: 10 },
        title: { show: true, offsetCenter: [0, '72%'] },
        detail: {
          valueAnimation: false,
          formatter: `{value}${unit}`,
          color,
          fontSize: 24,
          offsetCenter: [0, '40%'],
        },
        data: [
          { value, name: t ? `${ctx.label(chart.y)} · ${targetLabel(t, ctx, chart.y)}` : ctx.label(chart.y) },
        ],
      },
    ],
  };
}
