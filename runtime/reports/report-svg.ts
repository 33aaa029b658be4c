/**
 * @module A report's chart as SVG, rendered on the server by ECharts (SSR, no DOM) from the same option
 * the JSON endpoint returns, so an e-mail digest or a wiki page can embed the picture. Animation is
 * off: the string is the final frame.
 */
import * as echarts from 'echarts';
import type { ChartOption } from '../../engine';
import { invalid } from '../http/errors';

export const SVG_DEFAULT_SIZE = { width: 800, height: 450 };
const MIN_SIDE = 100;
const MAX_SIDE = 4000;

/** `width` / `height` from a query string: whole pixels from 100 to 4000, else 422. */
export function parseSvgSize(width: unknown, height: unknown): { width: number; height: number } {
  const side = (value: unknown, name: 'width' | 'height'): number => {
    if (value === undefined || value === '') return SVG_DEFAULT_SIZE[name];
    const n = typeof value === 'string' && /^[0-9]{1,5}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= MIN_SIDE && n <= MAX_SIDE)) {
      throw invalid([
        {
          code: 'invalid-size',
          path: `/${name}`,
          message: `${name} must be a whole number of pixels from ${MIN_SIDE} to ${MAX_SIDE}`,
        },
      ]);
    }
    return n;
  };
  return { width: side(width, 'width'), height: side(height, 'height') };
}

export function renderChartSvg(option: ChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ ...(option as Record<string, unknown>), animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
