/**
 * @module Checks that a report's chart names outputs that exist, in the role the chart type plots
 * them in: categories and series are dimensions, values are measures.
 */
import type { ReportChart } from './report-chart.schema';

type Emit = (code: string, tokens: (string | number)[], params?: Record<string, unknown>) => void;
type Role = 'dimension' | 'measure';

export function checkReportChart(chart: ReportChart, roles: Map<string, Role>, emit: Emit): void {
  const expect = (name: string, role: Role | undefined, tokens: (string | number)[]) => {
    const actual = roles.get(name);
    if (actual === undefined)
      emit('unknown-output', ['chart', ...tokens], { name, known: [...roles.keys()] });
    else if (role !== undefined && actual !== role) {
      emit(role === 'dimension' ? 'chart-needs-dimension' : 'chart-needs-measure', ['chart', ...tokens], {
        name,
      });
    }
  };
  const c = chart as Partial<Record<'x' | 'series' | 'cumulative', string>> & {
    y?: string | string[];
    columns?: string[];
  };
  if (c.x !== undefined) expect(c.x, 'dimension', ['x']);
  if (c.series !== undefined) expect(c.series, 'dimension', ['series']);
  if (typeof c.y === 'string') expect(c.y, 'measure', ['y']);
  else c.y?.forEach((y, i) => expect(y, 'measure', ['y', i]));
  if (c.cumulative !== undefined) expect(c.cumulative, 'measure', ['cumulative']);
  c.columns?.forEach((name, i) => expect(name, undefined, ['columns', i]));
}
