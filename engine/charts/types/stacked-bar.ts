/** @module The stacked bar chart: parts of a total per category (backlog by age bucket per team). */
import type { ChartContext, ChartOption } from '../chart-context';
import { cartesianOption, type CartesianChart } from './cartesian';

export function stackedBarOption(ctx: ChartContext<CartesianChart>): ChartOption {
  return cartesianOption(ctx, 'bar', true);
}
