/**
 * Data-driven chart cases from tests/fixtures/charts: each option is rendered to SVG with ECharts SSR
 * and must show the values, category names and localised names a user would read, in the miss colour
 * exactly when something misses its target.
 */
import { describe, expect, it } from 'vitest';
import { chartOption } from '../../../engine/charts/chart-option';
import { MISS_COLOR } from '../../../engine/charts/chart-colors';
import type { Locale } from '../../../engine/issues/locale';
import type { PlanOutput, ResultRow } from '../../../engine/reports/query-plan';
import type { ReportChart } from '../../../engine/reports/report-chart.schema';
import { loadFixtures } from '../../helpers/fixtures';
import { renderSvg, svgTexts } from '../../helpers/render-chart';

interface ChartCase {
  name: string;
  locale: Locale;
  chart: ReportChart;
  rows: ResultRow[];
  outputs?: PlanOutput[];
  texts: string[];
  missColour: boolean;
}

describe('chart fixtures rendered to SVG', () => {
  const cases = loadFixtures<ChartCase & { [k: string]: unknown }>('charts');
  it('found fixture cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  for (const c of cases) {
    it(`${c.file} › ${c.name}`, () => {
      const option = chartOption(c.chart, c.rows, c.locale, c.outputs);
      // Plain JSON: what the server exports is exactly what the browser renders.
      expect(JSON.parse(JSON.stringify(option))).toEqual(option);
      const svg = renderSvg(option);
      expect(svg.startsWith('<svg')).toBe(true);
      expect((svg.match(/<(path|text|rect|circle)\b/g) ?? []).length).toBeGreaterThan(3);
      const texts = svgTexts(svg).join('\n');
      for (const expected of c.texts) expect(texts, `"${expected}" in\n${texts}`).toContain(expected);
      expect(svg.toLowerCase().includes(MISS_COLOR)).toBe(c.missColour);
    });
  }
});
