/** @module Public API of the chart engine: chart spec + rows → ECharts option (plain JSON). */
export { chartOption } from './chart-option';
export type { ChartOption } from './chart-context';
export { MISS_COLOR, OK_COLOR, TARGET_COLOR, PALETTE } from './chart-colors';
export { missesTarget } from './chart-target';
export { formatValue, formatCategory } from './chart-format';
export { chartPointOf } from './chart-point';
export type { ChartClick, ChartPoint } from './chart-point';
