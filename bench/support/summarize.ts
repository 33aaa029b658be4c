/** @module Medians and spreads of a row's runs: what the results file and the table report. */
import type { RowSummary, Sample } from '../bench-row';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Summarized extends RowSummary {
  /** The smallest and largest value over the runs. */
  spread: [number, number];
  runs: number;
}

export function summarize(samples: readonly Sample[]): Summarized {
  const values = samples.map((s) => s.value);
  const floors = samples.flatMap((s) => (s.floor === undefined ? [] : [s.floor]));
  // Each run's ratio sets the figure beside the floor of that same run, so drift between runs cancels.
  const ratios = samples.flatMap((s) => (s.floor === undefined || s.floor === 0 ? [] : [s.value / s.floor]));
  const detailKeys = [...new Set(samples.flatMap((s) => Object.keys(s.details ?? {})))];
  const details = Object.fromEntries(
    detailKeys.map((key) => [
      key,
      median(samples.flatMap((s) => (s.details?.[key] === undefined ? [] : [s.details[key]!]))),
    ]),
  );
  return {
    value: median(values),
    floor: floors.length > 0 ? median(floors) : null,
    ratio: ratios.length > 0 ? median(ratios) : null,
    details,
    spread: [Math.min(...values), Math.max(...values)],
    runs: samples.length,
  };
}
