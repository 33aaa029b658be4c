/** @module The bar chart: comparisons across a dimension (FCR by team), vertical or `horizontal`. */
import type { ChartContext, ChartOption } from '../chart-context';
import { cartesianOption, type CartesianChart } from './cartesian';

export function barOption(ctx: ChartContext<CartesianChart>): ChartOption {
  return cartesianOption(ctx, 'bar', false);
}
