/**
 * @module The parts every chart option starts from: title, palette, animation off (a server-side
 * export must draw the final frame), and a value-axis label with the unit of its measure.
 */
import { pickText } from '../issues/locale';
import type { ChartContext, ChartOption } from './chart-context';
import { PALETTE } from './chart-colors';
import { UNIT } from './chart-format';

export function chartFrame(ctx: ChartContext): ChartOption {
  const title = ctx.chart.title;
  return {
    ...(title
      ? { title: { text: pickText(title, ctx.locale), left: 'center', textStyle: { fontSize: 14 } } }
      : {}),
    color: PALETTE,
    animation: false,
    tooltip: {},
  };
}

/** `{value} %` / `{value} min` label templates (strings, not functions, so the option stays JSON). */
export function valueAxisLabel(ctx: ChartContext, measure: string | undefined): { formatter?: string } {
  const format = measure === undefined ? 'number' : ctx.format(measure);
  return format === 'percent' || format === 'minutes'
    ? { formatter: `{value}${UNIT[format][ctx.locale]}` }
    : {};
}

/** Bounds that keep a target line inside the value axis even when every value is on one side of it. */
export function axisBoundsFor(
  values: (number | null)[],
  target: number | undefined,
): { min?: number; max?: number } {
  if (target === undefined) return {};
  const present = values.filter((v): v is number => v !== null);
  const hi = Math.max(...present, 0);
  const lo = Math.min(...present, 0);
  const bounds: { min?: number; max?: number } = {};
  if (target > hi) bounds.max = Math.ceil(target * 1.1);
  if (target < lo) bounds.min = Math.floor(target * 1.1);
  return bounds;
}
