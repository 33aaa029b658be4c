/** @module The line chart: trends over a time dimension (CSAT by month, FRT by week). */
import type { ChartContext, ChartOption } from '../chart-context';
import { cartesianOption, type CartesianChart } from './cartesian';

export function lineOption(ctx: ChartContext<CartesianChart>): ChartOption {
  return cartesianOption(ctx, 'line', false);
}
