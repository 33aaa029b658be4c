/**
 * @module Targets on charts: which values miss them, the dashed target line (`markLine`), and data
 * items coloured with the miss colour, so a manager sees at a glance the months below 90 %.
 */
import { pickText } from '../issues/locale';
import type { ChartTarget } from '../reports/report-chart.schema';
import type { ChartContext } from './chart-context';
import { MISS_COLOR, TARGET_COLOR } from './chart-colors';

export const TARGET_TEXT = { en: 'Target', 'zh-CN': '目标' } as const;

/** Whether `value` is on the wrong side of the target. */
export function missesTarget(value: number | null, target: ChartTarget | undefined): boolean {
  if (value === null || target === undefined) return false;
  return target.direction === 'above' ? value < target.value : value > target.value;
}

export function targetLabel(target: ChartTarget, ctx: ChartContext, measure: string): string {
  const name = pickText(target.label, ctx.locale, TARGET_TEXT[ctx.locale]);
  const sign = target.direction === 'above' ? '≥' : '≤';
  return `${name} ${sign} ${ctx.text(target.value, measure)}`;
}

/** The markLine drawing the target across the value axis (`xAxis` for horizontal bars). */
export function targetMarkLine(target: ChartTarget, ctx: ChartContext, measure: string, horizontal = false) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: TARGET_COLOR, type: 'dashed', width: 2 },
    label: {
      show: true,
      position: 'insideEndTop',
      formatter: targetLabel(target, ctx, measure),
      color: TARGET_COLOR,
    },
    data: [{ name: targetLabel(target, ctx, measure), [horizontal ? 'xAxis' : 'yAxis']: target.value }],
  };
}

/** A series data item: the bare value, or `{ value, itemStyle }` in the miss colour when it misses. */
export function dataItem(value: number | null, target: ChartTarget | undefined): number | null | object {
  if (!missesTarget(value, target)) return value;
  return { value, itemStyle: { color: MISS_COLOR }, label: { color: MISS_COLOR } };
}
