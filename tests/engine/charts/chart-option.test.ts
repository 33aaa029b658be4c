/** Behaviour of chart options a manager would notice: Pareto reaching 100 %, target lines, miss colours, languages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISS_COLOR } from '../../../engine/charts/chart-colors';
import { chartOption } from '../../../engine/charts/chart-option';
import type { PlanOutput } from '../../../engine/reports/query-plan';
import { renderSvg, svgTexts } from '../../helpers/render-chart';

type Series = {
  type: string;
  name: string;
  data: unknown[];
  markLine?: { data: Record<string, unknown>[] };
  stack?: string;
  yAxisIndex?: number;
};
const seriesOf = (option: Record<string, unknown>) => option.series as Series[];
const valueOfItem = (item: unknown) =>
  typeof item === 'object' && item !== null ? (item as { value: unknown }).value : item;
const isMissItem = (item: unknown) =>
  typeof item === 'object' &&
  item !== null &&
  (item as { itemStyle?: { color?: string } }).itemStyle?.color === MISS_COLOR;

const outputs: PlanOutput[] = [
  { name: 'category', role: 'dimension', label: { en: 'Fault type', 'zh-CN': '故障类型' }, format: 'text' },
  { name: 'n', role: 'measure', label: { en: 'Complaints', 'zh-CN': '投诉数' }, format: 'integer' },
  {
    name: 'month',
    role: 'dimension',
    label: { en: 'Month', 'zh-CN': '月份' },
    format: 'date',
    grain: 'month',
  },
  { name: 'csat', role: 'measure', label: { en: 'CSAT', 'zh-CN': '客户满意度' }, format: 'percent' },
  { name: 'team', role: 'dimension', label: { en: 'Team', 'zh-CN': '班组' }, format: 'text' },
];

describe('chartOption', () => {
  it('names the category axis under its labels, centred, so the name neither covers a label nor is cut off', () => {
    const rows = [
      { category: 'screen', n: 6, month: '2026-08-01' },
      { category: 'noise', n: 1, month: '2026-09-01' },
    ];
    const axisOf = (option: Record<string, unknown>) =>
      option.xAxis as { name: string; nameLocation?: string; nameGap?: number };
    const pareto = axisOf(chartOption({ type: 'pareto', x: 'category', y: 'n' }, rows, 'en', outputs));
    const line = axisOf(chartOption({ type: 'line', x: 'month', y: 'n' }, rows, 'zh-CN', outputs));
    expect(pareto).toMatchObject({ name: 'Fault type', nameLocation: 'middle' });
    expect(line).toMatchObject({ name: '月份', nameLocation: 'middle' });
    expect(pareto.nameGap).toBeGreaterThan(20);
    // A horizontal bar's category axis is the vertical one: its name stays at the end, above the labels.
    const horizontal = chartOption(
      { type: 'bar', x: 'category', y: 'n', horizontal: true },
      rows,
      'en',
      outputs,
    );
    expect((horizontal.yAxis as { nameLocation?: string }).nameLocation).toBeUndefined();
  });

  it('a Pareto computes the cumulative share when the rows lack it, sorted largest first, ending at 100 %', () => {
    const rows = [
      { category: 'noise', n: 1 },
      { category: 'screen', n: 6 },
      { category: 'battery', n: 2 },
    ];
    const option = chartOption({ type: 'pareto', x: 'category', y: 'n' }, rows, 'en', outputs);
    const [bars, line] = seriesOf(option);
    expect((option.xAxis as { data: string[] }).data).toEqual(['screen', 'battery', 'noise']);
    expect(bars!.data).toEqual([6, 2, 1]);
    expect(line!.yAxisIndex).toBe(1);
    expect(line!.data).toEqual([66.7, 88.9, 100]);
    expect((option.yAxis as { max?: number; min?: number }[])[1]).toMatchObject({ min: 0, max: 100 });
    expect(svgTexts(renderSvg(option))).toEqual(
      expect.arrayContaining(['100 %', 'Cumulative share', 'Complaints', 'screen']),
    );
  });

  it('draws the target as a dashed markLine at its value and colours only the missing points', () => {
    const rows = [
      { month: '2025-01-01', csat: 92 },
      { month: '2025-02-01', csat: 84 },
      { month: '2025-03-01', csat: 88 },
      { month: '2025-04-01', csat: 90 },
    ];
    const option = chartOption(
      { type: 'line', x: 'month', y: 'csat', target: { value: 90, direction: 'above' } },
      rows,
      'en',
      outputs,
    );
    const [line] = seriesOf(option);
    expect(line!.markLine!.data[0]).toMatchObject({ yAxis: 90 });
    expect(line!.data.map(isMissItem)).toEqual([false, true, true, false]);
    expect(line!.data.map(valueOfItem)).toEqual([92, 84, 88, 90]);
    const svg = renderSvg(option);
    expect(svgTexts(svg)).toContain('Target ≥ 90 %');
    expect(svg.toLowerCase()).toContain(MISS_COLOR);
  });

  it('a "below" target (response time) misses when the value is above it; the axis stretches to show the line', () => {
    const option = chartOption(
      { type: 'bar', x: 'team', y: 'frt', target: { value: 60, direction: 'below' } },
      [
        { team: 'A', frt: 20 },
        { team: 'B', frt: 45 },
      ],
      'en',
    );
    expect(seriesOf(option)[0]!.data.map(isMissItem)).toEqual([false, false]);
    expect((option.yAxis as { max?: number }).max).toBeGreaterThanOrEqual(60);
    const worse = chartOption(
      { type: 'bar', x: 'team', y: 'frt', target: { value: 30, direction: 'below' } },
      [
        { team: 'A', frt: 20 },
        { team: 'B', frt: 45 },
      ],
      'en',
    );
    expect(seriesOf(worse)[0]!.data.map(isMissItem)).toEqual([false, true]);
  });

  it('a series dimension splits values into one line per team, aligned on the shared months', () => {
    const rows = [
      { month: '2025-01-01', team: 'North', csat: 90 },
      { month: '2025-01-01', team: 'South', csat: 80 },
      { month: '2025-02-01', team: 'North', csat: 91 },
    ];
    const option = chartOption(
      { type: 'line', x: 'month', y: 'csat', series: 'team' },
      rows,
      'zh-CN',
      outputs,
    );
    expect(seriesOf(option).map((s) => [s.name, s.data])).toEqual([
      ['North', [90, 91]],
      ['South', [80, null]],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2025-01', '2025-02']);
    expect((option.yAxis as { name: string }).name).toBe('客户满意度');
  });

  it('stacked bars share one stack; horizontal bars put the categories on the y axis', () => {
    const rows = [{ team: 'North', a: 1, b: 2 }];
    expect(
      seriesOf(chartOption({ type: 'stacked_bar', x: 'team', y: ['a', 'b'] }, rows, 'en')).map(
        (s) => s.stack,
      ),
    ).toEqual(['total', 'total']);
    const horizontal = chartOption({ type: 'bar', x: 'team', y: 'a', horizontal: true }, rows, 'en');
    expect((horizontal.yAxis as { type: string }).type).toBe('category');
  });

  it('names axes and series in the viewer’s language', () => {
    const rows = [{ category: 'screen', n: 3 }];
    const zh = svgTexts(
      renderSvg(chartOption({ type: 'bar', x: 'category', y: 'n' }, rows, 'zh-CN', outputs)),
    );
    const en = svgTexts(renderSvg(chartOption({ type: 'bar', x: 'category', y: 'n' }, rows, 'en', outputs)));
    expect(zh).toEqual(expect.arrayContaining(['故障类型', '投诉数']));
    expect(en).toEqual(expect.arrayContaining(['Fault type', 'Complaints']));
  });

  it('an empty result still renders a chart (an empty month is not an error)', () => {
    for (const type of [
      'line',
      'bar',
      'stacked_bar',
      'pie',
      'pareto',
      'gauge',
      'kpi_card',
      'table',
    ] as const) {
      const chart = { type, x: 'month', y: 'csat' } as never;
      expect(() => renderSvg(chartOption(chart, [], 'en', outputs)), type).not.toThrow();
    }
    expect(svgTexts(renderSvg(chartOption({ type: 'kpi_card', y: 'csat' }, [], 'en', outputs)))).toContain(
      '–',
    );
  });
});

describe('the engine stays free of rendering and IO', () => {
  const forbidden = /from ['"](echarts|knex|koa|react|node:[a-z]+|fs|path)['"/]/;
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
    );
  const root = join(import.meta.dirname, '..', '..', '..', 'engine');
  for (const area of ['charts', 'reports']) {
    it(`engine/${area} imports no echarts, knex, koa, react or node modules`, () => {
      for (const file of files(join(root, area)))
        expect(readFileSync(file, 'utf8'), file).not.toMatch(forbidden);
    });
  }
});
