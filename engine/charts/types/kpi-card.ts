/**
 * @module The KPI card: the figure large, its name, its declared formula and the target with a status
 * in the miss / ok colour — drawn as ECharts `graphic` text so it renders and exports like any chart.
 * With an `x` dimension the latest row is the figure and the rows draw a small trend line under it.
 */
import { pickText } from '../../issues/locale';
import type { ReportChart } from '../../reports/report-chart.schema';
import type { ChartContext, ChartOption } from '../chart-context';
import { MISS_COLOR, MUTED_COLOR, OK_COLOR, PALETTE, TEXT_COLOR } from '../chart-colors';
import { chartFrame } from '../chart-frame';
import { missesTarget, targetLabel } from '../chart-target';

export type KpiCardChart = Extract<ReportChart, { type: 'kpi_card' }>;

const STATUS = {
  met: { en: 'on target', 'zh-CN': '达标' },
  missed: { en: 'below target', 'zh-CN': '未达标' },
  missedBelow: { en: 'above target', 'zh-CN': '未达标' },
} as const;
const FORMULA = { en: 'Formula: ', 'zh-CN': '公式：' } as const;

export function kpiCardOption(ctx: ChartContext<KpiCardChart>): ChartOption {
  const { chart, rows, locale } = ctx;
  const row = rows[rows.length - 1];
  const value = row ? ctx.value(row, chart.y) : null;
  const t = chart.target;
  const missed = missesTarget(value, t);
  const formula = ctx.output(chart.y)?.formula;
  const texts: Record<string, unknown>[] = [
    {
      type: 'text',
      left: 'center',
      top: '8%',
      style: { text: ctx.label(chart.y), fontSize: 16, fill: MUTED_COLOR },
    },
    {
      type: 'text',
      left: 'center',
      top: '22%',
      style: {
        text: ctx.text(value, chart.y),
        fontSize: 44,
        fontWeight: 'bold',
        fill: missed ? MISS_COLOR : t ? OK_COLOR : TEXT_COLOR,
      },
    },
  ];
  if (t) {
    const status = missed ? (t.direction === 'above' ? STATUS.missed : STATUS.missedBelow) : STATUS.met;
    texts.push({
      type: 'text',
      left: 'center',
      top: '50%',
      style: {
        text: `${targetLabel(t, ctx, chart.y)} · ${status[locale]}`,
        fontSize: 14,
        fill: missed ? MISS_COLOR : OK_COLOR,
      },
    });
  }
  if (formula) {
    texts.push({
      type: 'text',
      left: 'center',
      top: '62%',
      style: {
        text: FORMULA[locale] + pickText(formula, locale),
        fontSize: 11,
        fill: MUTED_COLOR,
        width: 360,
        overflow: 'break',
        align: 'center',
      },
    });
  }
  const trend = chart.x !== undefined && rows.length > 1;
  return {
    ...chartFrame(ctx),
    tooltip: { show: false },
    graphic: texts,
    ...(trend
      ? {
          grid: { left: '10%', right: '10%', top: '80%', bottom: '4%' },
          xAxis: { type: 'category', show: false, data: rows.map((r) => ctx.category(r, chart.x!)) },
          yAxis: { type: 'value', show: false, scale: true },
          series: [
            {
              type: 'line',
              name: ctx.label(chart.y),
              data: rows.map((r) => ctx.value(r, chart.y)),
              symbol: 'none',
              lineStyle: { color: PALETTE[0] },
            },
          ],
        }
      : { series: [] }),
  };
}
