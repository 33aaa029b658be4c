/**
 * A click on a chart names a point by the text the chart shows (category, series); `chartPointOf` maps
 * it back to the raw dimension values of that row: every point a chart draws resolves to its own row,
 * option labels and time-bucket texts included; gauges and KPI cards stand for every row.
 */
import { describe, expect, it } from 'vitest';
import { chartOption } from '../../../engine/charts/chart-option';
import { chartPointOf } from '../../../engine/charts/chart-point';
import type { PlanOutput, ResultRow } from '../../../engine/reports/query-plan';
import type { ReportChart } from '../../../engine/reports/report-chart.schema';
import type { ValueLabels } from '../../../engine/reports/value-labels';

const dimension = (name: string, grain?: PlanOutput['grain']): PlanOutput => ({
  name,
  role: 'dimension',
  label: { en: name, 'zh-CN': name },
  format: grain ? 'date' : 'text',
  ...(grain ? { grain } : {}),
});
const measure = (name: string, label = name): PlanOutput => ({
  name,
  role: 'measure',
  label: { en: label, 'zh-CN': label },
  format: 'number',
});

type Option = {
  xAxis?: { data?: string[] };
  legend?: { data?: string[] };
  series: { name: string; data: { name?: string }[] }[];
};

describe('chartPointOf', () => {
  const monthly: ResultRow[] = [
    { month: '2025-02-01', team: 'north', csat: 80 },
    { month: '2025-02-01', team: 'south', csat: 70 },
    { month: '2025-03-01', team: 'north', csat: 90 },
    { month: '2025-03-01', team: 'south', csat: 60 },
    { month: '2025-03-01', team: null, csat: 50 },
  ];
  const monthlyOutputs = [dimension('month', 'month'), dimension('team'), measure('csat', 'CSAT')];

  it('a line with series: the month shown as 2025-03 and the series name give both raw values', () => {
    const chart: ReportChart = { type: 'line', x: 'month', y: 'csat', series: 'team' };
    expect(
      chartPointOf(chart, monthly, { name: '2025-03', seriesName: 'south' }, 'en', monthlyOutputs),
    ).toEqual({ month: '2025-03-01', team: 'south' });
    // Rows without a team are drawn as the "(empty)" series; its points stand for team = null.
    expect(
      chartPointOf(chart, monthly, { name: '2025-03', seriesName: '（空）' }, 'zh-CN', monthlyOutputs),
    ).toEqual({ month: '2025-03-01', team: null });
    // A series without a point in that month, and a click without the series, match no row.
    expect(
      chartPointOf(chart, monthly, { name: '2025-02', seriesName: '（空）' }, 'zh-CN', monthlyOutputs),
    ).toBeNull();
    expect(chartPointOf(chart, monthly, { name: '2025-03' }, 'en', monthlyOutputs)).toBeNull();
  });

  it('every point a line or stacked bar draws resolves to its own row', () => {
    for (const type of ['line', 'stacked_bar', 'bar'] as const) {
      const chart: ReportChart = { type, x: 'month', y: 'csat', series: 'team' };
      const option = chartOption(chart, monthly, 'en', monthlyOutputs) as unknown as Option;
      const points = option.xAxis!.data!.flatMap((name) =>
        option.series.map((s) =>
          chartPointOf(chart, monthly, { name, seriesName: s.name }, 'en', monthlyOutputs),
        ),
      );
      const found = points.filter((p) => p !== null);
      expect(found).toEqual(expect.arrayContaining(monthly.map((r) => ({ month: r.month, team: r.team }))));
      expect(found).toHaveLength(monthly.length);
    }
  });

  it('a line of several measures (no series dimension) names only the category', () => {
    const chart: ReportChart = { type: 'line', x: 'month', y: ['csat', 'n'] };
    const rows = [
      { month: '2025-02-01', csat: 80, n: 3 },
      { month: '2025-03-01', csat: 90, n: 4 },
    ];
    const outputs = [dimension('month', 'month'), measure('csat', 'CSAT'), measure('n', 'Tickets')];
    expect(chartPointOf(chart, rows, { name: '2025-02', seriesName: 'Tickets' }, 'en', outputs)).toEqual({
      month: '2025-02-01',
    });
  });

  it('a Pareto bar: the category clicked, whichever series (bar or cumulative line)', () => {
    const chart: ReportChart = { type: 'pareto', x: 'category', y: 'n' };
    const rows = [
      { category: 'screen', n: 6 },
      { category: 'battery', n: 3 },
      { category: null, n: 1 },
    ];
    const outputs = [dimension('category'), measure('n')];
    const option = chartOption(chart, rows, 'en', outputs) as unknown as Option;
    expect(option.xAxis!.data).toEqual(['screen', 'battery', '(empty)']);
    expect(
      option.xAxis!.data!.map((name) =>
        chartPointOf(chart, rows, { name, seriesName: 'Cumulative share' }, 'en', outputs),
      ),
    ).toEqual([{ category: 'screen' }, { category: 'battery' }, { category: null }]);
  });

  it('a pie slice with option labels: the click names the label, the point keeps the raw value', () => {
    const chart: ReportChart = { type: 'pie', x: 'category', y: 'n' };
    const rows = [
      { category: 'screen', n: 6 },
      { category: 'battery', n: 3 },
    ];
    const outputs = [dimension('category'), measure('n')];
    const labels: ValueLabels = { category: { screen: '屏幕', battery: '电池' } };
    const option = chartOption(chart, rows, 'zh-CN', outputs, labels) as unknown as Option;
    const names = option.series[0]!.data.map((d) => d.name!);
    expect(names).toEqual(['屏幕', '电池']);
    expect(names.map((name) => chartPointOf(chart, rows, { name }, 'zh-CN', outputs, labels))).toEqual([
      { category: 'screen' },
      { category: 'battery' },
    ]);
    // The raw value is not what the slice shows: no slice is called that.
    expect(chartPointOf(chart, rows, { name: 'screen' }, 'zh-CN', outputs, labels)).toBeNull();
  });

  it('time buckets are clicked by their grain’s text: week date, month, quarter, year', () => {
    const cases: [PlanOutput['grain'], string, string][] = [
      ['day', '2025-03-31', '2025-03-31'],
      ['week', '2024-12-30', '2024-12-30'],
      ['month', '2025-03', '2025-03-01'],
      ['quarter', '2025 Q2', '2025-04-01'],
      ['year', '2025', '2025-01-01'],
    ];
    for (const [grain, shown, raw] of cases) {
      const chart: ReportChart = { type: 'bar', x: 'at', y: 'n' };
      const rows = [
        { at: '2024-01-01', n: 1 },
        { at: raw, n: 2 },
      ];
      const outputs = [dimension('at', grain), measure('n')];
      const option = chartOption(chart, rows, 'en', outputs) as unknown as Option;
      expect(option.xAxis!.data).toContain(shown);
      expect(chartPointOf(chart, rows, { name: shown }, 'en', outputs), grain).toEqual({ at: raw });
    }
  });

  it('numbers and booleans come back with their type', () => {
    const chart: ReportChart = { type: 'bar', x: 'rating', y: 'n', series: 'vip' };
    const rows = [
      { rating: 5, vip: true, n: 2 },
      { rating: 5, vip: false, n: 1 },
    ];
    const outputs = [dimension('rating'), dimension('vip'), measure('n')];
    expect(chartPointOf(chart, rows, { name: '5', seriesName: 'false' }, 'en', outputs)).toEqual({
      rating: 5,
      vip: false,
    });
  });

  it('gauges and KPI cards stand for every row; tables and unknown clicks for none', () => {
    const rows = [{ csat: 88 }];
    expect(chartPointOf({ type: 'gauge', y: 'csat' }, rows, {}, 'en')).toEqual({});
    expect(
      chartPointOf({ type: 'kpi_card', y: 'csat', x: 'month' }, monthly, { name: '2025-03' }, 'en'),
    ).toEqual({});
    expect(chartPointOf({ type: 'table' }, monthly, { name: '2025-03' }, 'en')).toBeNull();
    const bar: ReportChart = { type: 'bar', x: 'month', y: 'csat' };
    expect(chartPointOf(bar, monthly, { name: '1999-01' }, 'en', monthlyOutputs)).toBeNull();
    expect(chartPointOf(bar, monthly, {}, 'en', monthlyOutputs)).toBeNull();
  });
});
