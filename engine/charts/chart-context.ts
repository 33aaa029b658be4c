/**
 * @module What every chart type builds from: the chart spec, the result rows, the plan's outputs
 * (labels, formats, formulas) and the locale, with the lookups the types share.
 */
import { pickText, type Locale } from '../issues/locale';
import type { JsonScalar, OutputFormat, PlanOutput, ResultRow } from '../reports/query-plan';
import type { ReportChart } from '../reports/report-chart.schema';
import { valueLabel, type ValueLabels } from '../reports/value-labels';
import { formatCategory, formatValue, roundValue } from './chart-format';

/** An ECharts option as plain JSON: no functions, so the server can export what the browser renders. */
export type ChartOption = { [key: string]: unknown };

export interface ChartContext<C extends ReportChart = ReportChart> {
  chart: C;
  rows: readonly ResultRow[];
  locale: Locale;
  output(name: string): PlanOutput | undefined;
  /** Localised name of an output (its label, else its name). */
  label(name: string): string;
  format(name: string): OutputFormat;
  /** A row's value of a measure, rounded for display; `null` when absent or not a number. */
  value(row: ResultRow, name: string): number | null;
  /** A row's category text for a dimension (option labels for choice fields, time buckets by their grain). */
  category(row: ResultRow, name: string): string;
  /** A measure value as text with its unit, e.g. `66.7 %`. */
  text(value: number | null, name: string): string;
}

export function chartContext<C extends ReportChart>(
  chart: C,
  rows: readonly ResultRow[],
  locale: Locale,
  outputs: readonly PlanOutput[] = [],
  labels?: ValueLabels,
): ChartContext<C> {
  const byName = new Map(outputs.map((o) => [o.name, o]));
  const format = (name: string): OutputFormat => byName.get(name)?.format ?? 'number';
  return {
    chart,
    rows,
    locale,
    output: (name) => byName.get(name),
    label: (name) => pickText(byName.get(name)?.label, locale, name),
    format,
    value(row, name) {
      const v: JsonScalar | undefined = row[name];
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? roundValue(n, format(name)) : null;
    },
    category: (row, name) =>
      formatCategory(valueLabel(labels, name, row[name]), byName.get(name)?.grain, locale),
    text: (value, name) => formatValue(value, format(name), locale),
  };
}

/** Distinct values in first-seen order (rows come sorted from the plan). */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `y` as a list. */
export const measuresOf = (y: string | readonly string[] | undefined): string[] =>
  y === undefined ? [] : typeof y === 'string' ? [y] : [...y];
