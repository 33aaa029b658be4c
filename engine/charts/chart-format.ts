/**
 * @module How values and categories read on charts: rounding by format, units in both languages, and
 * time buckets shown by their grain (month `2025-03`, quarter `2025 Q1`). Done in the engine because
 * the option must be plain JSON: ECharts formatter functions cannot travel from server to browser.
 */
import type { Locale } from '../issues/locale';
import type { JsonScalar, OutputFormat } from '../reports/query-plan';
import type { TimeGrain } from '../reports/report-definition.schema';

const DECIMALS: Record<OutputFormat, number> = {
  percent: 1,
  minutes: 1,
  number: 2,
  integer: 0,
  date: 0,
  text: 0,
};

export function roundValue(value: number, format: OutputFormat): number {
  const f = 10 ** DECIMALS[format];
  return Math.round(value * f) / f;
}

export const UNIT: Record<'percent' | 'minutes', Record<Locale, string>> = {
  percent: { en: ' %', 'zh-CN': '%' },
  minutes: { en: ' min', 'zh-CN': ' 分钟' },
};

export function formatValue(value: number | null, format: OutputFormat, locale: Locale): string {
  if (value === null) return '–';
  const rounded = roundValue(value, format);
  if (format === 'percent' || format === 'minutes') return `${rounded}${UNIT[format][locale]}`;
  return String(rounded);
}

export function formatCategory(
  value: JsonScalar | undefined,
  grain: TimeGrain | undefined,
  locale: Locale,
): string {
  if (value === null || value === undefined || value === '') return locale === 'zh-CN' ? '（空）' : '(empty)';
  const text = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!grain || !m) return text;
  const [, y, mo] = m;
  if (grain === 'year') return y!;
  if (grain === 'quarter') return `${y} Q${Math.floor((Number(mo) - 1) / 3) + 1}`;
  if (grain === 'month') return `${y}-${mo}`;
  return m[0];
}
