/** Dashboard shared filters reach each card's report on that report's own field, and change its figures. */
import { describe, expect, it } from 'vitest';
import { compileReport } from '../../../engine/reports/compile-report';
import type { DashboardDefinition } from '../../../engine/reports/dashboard-definition.schema';
import type { ReportDefinition } from '../../../engine/reports/report-definition.schema';
import { dashboardFiltersFor } from '../../../engine/reports/shared-filters';
import { evaluatePlan, type PlanRecord } from '../../../engine/reports/evaluate-plan';

const dashboard: DashboardDefinition = {
  key: 'overview',
  title: { en: 'Overview' },
  filters: [
    { key: 'dateRange', kind: 'dateRange', field: 'createdAt', fields: { reopens: 'resolvedAt' } },
    { key: 'team', kind: 'select', field: 'team' },
    { key: 'productLine', kind: 'select', fields: { volume: 'product' } },
  ],
  cards: [
    { report: 'volume', x: 0, y: 0, w: 6, h: 4 },
    { report: 'reopens', x: 6, y: 0, w: 6, h: 4 },
  ],
};

describe('dashboard shared filters', () => {
  it('maps each filter to the field of the card’s report, skipping filters a report has no field for', () => {
    const values = {
      dateRange: { from: '2025-03-01', to: '2025-03-31' },
      team: ['north'],
      productLine: ['X1'],
    };
    expect(dashboardFiltersFor(dashboard, 'volume', values)).toEqual([
      { field: 'createdAt', op: 'between', value: ['2025-03-01', '2025-03-31'] },
      { field: 'team', op: 'in', value: ['north'] },
      { field: 'product', op: 'in', value: ['X1'] },
    ]);
    expect(
      dashboardFiltersFor(dashboard, 'reopens', { dateRange: { from: '2025-03-01' }, team: [] }),
    ).toEqual([{ field: 'resolvedAt', op: 'gte', value: '2025-03-01' }]);
  });

  it('a team selection narrows the card’s count', () => {
    const spec: ReportDefinition = {
      key: 'volume',
      title: { en: 'Volume' },
      source: { form: 'ticket' },
      measures: [{ op: 'count', as: 'n' }],
    };
    const rec = (id: string, team: string): PlanRecord => ({
      id,
      form: 'ticket',
      team,
      createdAt: '2025-03-05T00:00:00Z',
      data: {},
    });
    const records = [rec('a', 'north'), rec('b', 'south'), rec('c', 'north')];
    const sharedFilters = dashboardFiltersFor(dashboard, 'volume', { team: ['north'] });
    expect(evaluatePlan(compileReport(spec), { records })[0]!.n).toBe(3);
    expect(evaluatePlan(compileReport(spec, { sharedFilters }), { records })[0]!.n).toBe(2);
  });
});
