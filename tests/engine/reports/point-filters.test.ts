/**
 * A clicked point → the filters of its rows (data-driven, tests/fixtures/point-filters: every time
 * grain's bucket bounds, nulls, value types, unknown keys) and the spec listing the records behind it,
 * which the in-memory reference evaluator runs: the records a person would pick for a Pareto bar and
 * for a month of a CSAT line over tickets joined with surveys.
 */
import { describe, expect, it } from 'vitest';
import { chartOption } from '../../../engine/charts/chart-option';
import { chartPointOf } from '../../../engine/charts/chart-point';
import { validateDefinition } from '../../../engine/definitions/validate-definition';
import { checkReportDefinition } from '../../../engine/reports/check-report-definition';
import { compileReport } from '../../../engine/reports/compile-report';
import { evaluatePlan, type PlanRecord } from '../../../engine/reports/evaluate-plan';
import {
  checkPoint,
  PointError,
  pointFilters,
  recordsBehindSpec,
  type ReportPoint,
} from '../../../engine/reports/point-filters';
import type { ReportDefinition, ReportDimension } from '../../../engine/reports/report-definition.schema';
import type { ReportFilter } from '../../../engine/reports/report-filter.schema';
import { loadFixtures } from '../../helpers/fixtures';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';

interface PointCase {
  name: string;
  dimensions: ReportDimension[];
  point: unknown;
  filters?: ReportFilter[];
  issues?: { code: string; path: string }[];
}

const specWith = (dimensions: ReportDimension[]): ReportDefinition => ({
  key: 'r',
  title: { en: 'R' },
  source: { form: 'ticket', join: { form: 'survey', on: { source: 'id', joined: 'ticket' } } },
  dimensions,
  measures: [{ op: 'count', as: 'n' }],
});

const context = reportContext(SERVICE_FORMS);
const fields = context.lookup;

describe('point filters (fixtures)', () => {
  const cases = loadFixtures<PointCase & { [k: string]: unknown }>('point-filters');
  it('found the cases', () => expect(cases.length).toBeGreaterThan(10));

  for (const c of cases) {
    it(`${c.file} › ${c.name}`, () => {
      const spec = specWith(c.dimensions);
      if (c.filters) {
        expect(checkPoint(spec, c.point)).toEqual([]);
        expect(pointFilters(spec, c.point as ReportPoint)).toEqual(c.filters);
        return;
      }
      const issues = checkPoint(spec, c.point, 'zh-CN');
      expect(issues.map(({ code, path }) => ({ code, path }))).toEqual(c.issues);
      for (const issue of issues) expect(issue.message).not.toBe(issue.code);
      expect(() => pointFilters(spec, c.point as ReportPoint)).toThrow(PointError);
    });
  }
});

describe('the spec of the records behind a point', () => {
  it('is a valid report over the same source: filters of the report, the dashboard, the point', () => {
    const spec: ReportDefinition = {
      ...specWith([{ field: 'category' }]),
      filters: [{ field: 'contacts', op: 'gte', value: 2 }],
      sort: [{ by: 'n', direction: 'desc' }],
      limit: 5,
      timezone: 'UTC',
      chart: { type: 'bar', x: 'category', y: 'n' },
    };
    const shared: ReportFilter[] = [{ field: 'team', op: 'in', value: ['north'] }];
    const behind = recordsBehindSpec(spec, { category: 'screen' }, shared);
    expect(behind).toEqual({
      key: 'r',
      title: { en: 'R' },
      source: spec.source,
      filters: [
        { field: 'contacts', op: 'gte', value: 2 },
        { field: 'team', op: 'in', value: ['north'] },
        { field: 'category', op: 'eq', value: 'screen' },
      ],
      dimensions: [{ field: 'id', as: 'id' }],
      measures: [{ op: 'count', as: 'rows' }],
      timezone: 'UTC',
    });
    expect(validateDefinition('report', behind, { context })).toEqual([]);
    // The report's zone travels with it, so date-only bounds mean the report's local days.
    expect(recordsBehindSpec({ ...spec, timezone: undefined }, {}).timezone).toBe('Asia/Shanghai');
  });
});

const ticket = (
  id: string,
  createdAt: string,
  data: Record<string, unknown>,
  team = 'north',
): PlanRecord => ({
  id,
  form: 'ticket',
  createdAt,
  team,
  data,
});

/** The ids behind `point`, as the runtime asks: the spec compiled and run, one row per record. */
function idsBehind(
  spec: ReportDefinition,
  records: PlanRecord[],
  point: ReportPoint,
  shared: ReportFilter[] = [],
): string[] {
  const rows = evaluatePlan(compileReport(recordsBehindSpec(spec, point, shared), { fields }), { records });
  return rows.map((r) => r.id as string).sort();
}

describe('records behind a Pareto bar', () => {
  const pareto: ReportDefinition = {
    key: 'pareto',
    title: { en: 'Complaint Pareto' },
    source: { form: 'ticket' },
    filters: [{ field: 'createdAt', op: 'between', value: ['2025-03-01', '2025-03-31'] }],
    dimensions: [{ field: 'category' }],
    measures: [{ kpi: 'pareto', as: 'complaints' }],
    chart: { type: 'pareto', x: 'category', y: 'complaints' },
  };
  const records = [
    ticket('s1', '2025-03-02T02:00:00Z', { category: 'screen' }),
    ticket('s2', '2025-03-10T02:00:00Z', { category: 'screen' }, 'south'),
    ticket('s3', '2025-03-20T02:00:00Z', { category: 'screen' }),
    ticket('b1', '2025-03-05T02:00:00Z', { category: 'battery' }),
    ticket('b2', '2025-03-06T02:00:00Z', { category: 'battery' }, 'south'),
    ticket('n1', '2025-03-07T02:00:00Z', {}),
    // Outside the report's March: behind no bar.
    ticket('s0', '2025-02-28T02:00:00Z', { category: 'screen' }),
    ticket('s4', '2025-04-01T02:00:00Z', { category: 'screen' }),
  ];

  it('the screen bar is exactly the screen complaints the report counted', () => {
    const plan = compileReport(pareto, { fields });
    const rows = evaluatePlan(plan, { records });
    const option = chartOption(pareto.chart!, rows, 'en', plan.outputs) as {
      xAxis: { data: string[] };
    };
    expect(option.xAxis.data).toEqual(['screen', 'battery', '(empty)']);
    const point = chartPointOf(pareto.chart!, rows, { name: 'screen' }, 'en', plan.outputs);
    expect(point).toEqual({ category: 'screen' });
    expect(idsBehind(pareto, records, point!)).toEqual(['s1', 's2', 's3']);
  });

  it('every bar lists as many records as it counts, and the bars together list the report’s records', () => {
    const rows = evaluatePlan(compileReport(pareto, { fields }), { records });
    const all: string[] = [];
    for (const row of rows) {
      const ids = idsBehind(pareto, records, { category: row.category ?? null });
      expect(ids.length).toBe(row.complaints);
      all.push(...ids);
    }
    expect(all.sort()).toEqual(['b1', 'b2', 'n1', 's1', 's2', 's3']);
    expect(idsBehind(pareto, records, { category: null })).toEqual(['n1']);
  });

  it('shared filters narrow the records behind the bar', () => {
    const north: ReportFilter[] = [{ field: 'team', op: 'in', value: ['north'] }];
    expect(idsBehind(pareto, records, { category: 'screen' }, north)).toEqual(['s1', 's3']);
  });
});

describe('records behind a month of a CSAT line over tickets joined with surveys', () => {
  const csat: ReportDefinition = {
    key: 'csat-by-month',
    title: { en: 'CSAT by month' },
    source: { form: 'ticket', join: { form: 'survey', on: { source: 'id', joined: 'ticket' } } },
    dimensions: [{ field: 'createdAt', grain: 'month', as: 'month' }],
    measures: [{ kpi: 'csat', field: 'survey.rating', as: 'csat' }],
    chart: { type: 'line', x: 'month', y: 'csat' },
  };
  const survey = (id: string, ticketId: string, rating: number): PlanRecord => ({
    id,
    form: 'survey',
    createdAt: '2025-04-10T00:00:00Z',
    data: { ticket: ticketId, rating },
  });
  const records: PlanRecord[] = [
    ticket('t-early', '2025-02-28T16:10:00Z', {}), // 00:10 on 1 March in Shanghai
    ticket('t-mid', '2025-03-15T04:00:00Z', {}),
    ticket('t-late', '2025-03-31T15:30:00Z', {}), // 23:30 on 31 March in Shanghai
    ticket('t-april', '2025-03-31T16:10:00Z', {}), // 00:10 on 1 April in Shanghai
    ticket('t-feb', '2025-02-28T15:50:00Z', {}), // 23:50 on 28 February in Shanghai
    survey('v1', 't-mid', 5),
    survey('v2', 't-mid', 2), // a second survey of the same ticket: still one record
    survey('v3', 't-late', 4),
    survey('v4', 't-april', 1),
  ];

  it('a click on 2025-03 lists the tickets of that local month, each once', () => {
    const plan = compileReport(csat, { fields });
    const rows = evaluatePlan(plan, { records });
    expect(rows.map((r) => [r.month, r.csat])).toEqual([
      ['2025-02-01', null],
      ['2025-03-01', (2 / 3) * 100],
      ['2025-04-01', 0],
    ]);
    const point = chartPointOf(csat.chart!, rows, { name: '2025-03' }, 'en', plan.outputs);
    expect(point).toEqual({ month: '2025-03-01' });
    const behind = evaluatePlan(compileReport(recordsBehindSpec(csat, point!), { fields }), { records });
    expect(behind.map((r) => [r.id, r.rows]).sort()).toEqual([
      ['t-early', 1],
      ['t-late', 1],
      ['t-mid', 2],
    ]);
    expect(idsBehind(csat, records, { month: '2025-04-01' })).toEqual(['t-april']);
    expect(idsBehind(csat, records, { month: '2025-02-01' })).toEqual(['t-feb']);
  });

  it('the same instants fall in other months when the report reads UTC', () => {
    const utc = { ...csat, timezone: 'UTC' };
    expect(idsBehind(utc, records, { month: '2025-03-01' })).toEqual(['t-april', 't-late', 't-mid']);
    expect(idsBehind(utc, records, { month: '2025-02-01' })).toEqual(['t-early', 't-feb']);
  });

  it('the records behind every month add up to the report’s tickets', () => {
    const spec: ReportDefinition = {
      ...csat,
      measures: [{ op: 'count', as: 'tickets' }],
      chart: { type: 'line', x: 'month', y: 'tickets' },
    };
    expect(checkReportDefinition(spec, context)).toEqual([]);
    // The count is of joined rows: t-mid with two surveys counts twice but is one record behind it.
    const rows = evaluatePlan(compileReport(spec, { fields }), { records });
    const ids = rows.flatMap((r) => idsBehind(spec, records, { month: r.month ?? null }));
    expect(ids.sort()).toEqual(['t-april', 't-early', 't-feb', 't-late', 't-mid']);
  });
});
