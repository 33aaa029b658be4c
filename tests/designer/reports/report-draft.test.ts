/**
 * The report designer's pure parts: the wells, filters, chart type and target become a report spec the
 * engine accepts (checked with `validateDefinition` against the engine tour's forms), Pareto of ticket
 * categories included; a stored spec reads back into the same draft; issues find their section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleContext, validateDefinition, type AppBundle, type FormDefinition } from '../../../engine';
import {
  chartSpec,
  draftToSpec,
  emptyDraft,
  filterSpec,
  measureForField,
  measureNames,
  specToDraft,
  type ReportDraft,
} from '../../../designer/reports/report-draft';
import { formReportFields, sourceReportFields } from '../../../designer/reports/report-fields';
import { issueIndex, issueSection, issuesIn } from '../../../designer/reports/report-issues';
import { browserReportContext } from '../../../designer/reports/report-context';

const tour = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;
const ticket = tour.forms!.find((f) => f.key === 'ticket') as FormDefinition;
const context = bundleContext(tour);

function pareto(): ReportDraft {
  return {
    ...emptyDraft('complaint-pareto', { en: 'Complaints', 'zh-CN': '投诉' }),
    form: 'ticket',
    dimensions: [{ id: 'd1', field: 'category' }],
    measures: [{ id: 'm1', kind: 'kpi', kpi: 'pareto' }],
    chartType: 'pareto',
  };
}

describe('draftToSpec', () => {
  it('builds the Pareto of ticket categories the engine accepts, with the cumulative share on the chart', () => {
    const spec = draftToSpec(pareto());
    expect(spec).toEqual({
      key: 'complaint-pareto',
      title: { en: 'Complaints', 'zh-CN': '投诉' },
      source: { form: 'ticket' },
      dimensions: [{ field: 'category' }],
      measures: [{ kpi: 'pareto', as: 'pareto' }],
      chart: { type: 'pareto', x: 'category', y: 'pareto', cumulative: 'pareto_cumulative_share' },
    });
    expect(validateDefinition('report', spec, { context })).toEqual([]);
  });

  it('carries the target line into the engine chart spec (the engine draws markLine and miss colours)', () => {
    const spec = draftToSpec({ ...pareto(), target: { value: 2, direction: 'below' } });
    expect(spec.chart).toMatchObject({ target: { value: 2, direction: 'below' } });
    expect(validateDefinition('report', spec, { context })).toEqual([]);
  });

  it('turns dropped fields into measures: numbers averaged, other fields and "records" counted; names unique', () => {
    const rating = measureForField('satisfaction', true);
    const count = measureForField(undefined, false);
    const count2 = measureForField(undefined, false);
    expect(rating).toMatchObject({ kind: 'aggregate', op: 'avg', field: 'satisfaction' });
    expect(measureNames([rating, count, count2])).toEqual(['avg_satisfaction', 'count', 'count_2']);
    const spec = draftToSpec({
      ...pareto(),
      dimensions: [{ id: 'd', field: 'createdAt', grain: 'month' }],
      measures: [rating, count, { id: 'k', kind: 'kpi', kpi: 'csat', field: 'satisfaction' }],
      chartType: 'line',
      target: { value: 4.2, direction: 'above' },
    });
    expect(spec.dimensions).toEqual([{ field: 'createdAt', grain: 'month' }]);
    expect(spec.measures).toEqual([
      { op: 'avg', field: 'satisfaction', as: 'avg_satisfaction' },
      { op: 'count', as: 'count' },
      { kpi: 'csat', as: 'csat', field: 'satisfaction' },
    ]);
    expect(spec.chart).toEqual({
      type: 'line',
      x: 'createdAt',
      y: ['avg_satisfaction', 'count', 'csat'],
      target: { value: 4.2, direction: 'above' },
    });
    expect(validateDefinition('report', spec, { context })).toEqual([]);
  });

  it('puts KPI inputs where each preset wants them', () => {
    const spec = draftToSpec({
      ...pareto(),
      chartType: 'table',
      measures: [
        { id: 'a', kind: 'kpi', kpi: 'fcr', field: 'contacts' },
        { id: 'b', kind: 'kpi', kpi: 'recurrence', field: 'category' },
        { id: 'c', kind: 'kpi', kpi: 'sla_attainment' },
      ],
    });
    expect(spec.measures).toEqual([
      { kpi: 'fcr', as: 'fcr', contacts: { field: 'contacts' } },
      { kpi: 'recurrence', as: 'recurrence', match: ['category'] },
      { kpi: 'sla_attainment', as: 'sla_attainment' },
    ]);
  });

  it('writes filters in the schema shape: lists split on commas, numbers for numeric fields', () => {
    expect(filterSpec({ id: 'f', field: 'category', op: 'in', text: 'screen, battery' }, false)).toEqual({
      field: 'category',
      op: 'in',
      value: ['screen', 'battery'],
    });
    expect(filterSpec({ id: 'f', field: 'satisfaction', op: 'gte', text: '4' }, true)).toEqual({
      field: 'satisfaction',
      op: 'gte',
      value: 4,
    });
    expect(filterSpec({ id: 'f', field: 'category', op: 'empty', text: 'x' }, false)).toEqual({
      field: 'category',
      op: 'empty',
    });
    const spec = draftToSpec(
      { ...pareto(), filters: [{ id: 'f', field: 'satisfaction', op: 'between', text: '1,3' }] },
      new Set(['satisfaction']),
    );
    expect(spec.filters).toEqual([{ field: 'satisfaction', op: 'between', value: [1, 3] }]);
    expect(validateDefinition('report', spec, { context })).toEqual([]);
  });

  it('joins a related form on a field equality', () => {
    const spec = draftToSpec({
      ...pareto(),
      join: { form: 'rd-task', as: 'rd', source: 'data.customer', joined: 'title' },
    });
    expect(spec.source).toEqual({
      form: 'ticket',
      join: { form: 'rd-task', as: 'rd', on: { source: 'data.customer', joined: 'title' }, type: 'left' },
    });
    const withJoinedField = draftToSpec({
      ...pareto(),
      join: { form: 'rd-task', as: 'rd', source: 'model', joined: 'model' },
      chartType: 'bar',
      dimensions: [{ id: 'd', field: 'rd.month' }],
      measures: [{ id: 'm', kind: 'aggregate', op: 'sum', field: 'rd.count' }],
    });
    expect(withJoinedField.chart).toEqual({ type: 'bar', x: 'rd.month', y: 'sum_rd_count' });
    expect(validateDefinition('report', withJoinedField, { context })).toEqual([]);
  });

  it('gives gauges and KPI cards no x, and tables no references', () => {
    const draft = pareto();
    expect(chartSpec({ ...draft, chartType: 'gauge' }, ['x'])).toEqual({ type: 'gauge', y: 'x' });
    expect(chartSpec({ ...draft, chartType: 'table' }, ['x'])).toEqual({ type: 'table' });
    expect(
      chartSpec(
        {
          ...draft,
          chartType: 'stacked_bar',
          dimensions: [...draft.dimensions, { id: 'd2', field: 'tier' }],
        },
        ['n'],
      ),
    ).toEqual({ type: 'stacked_bar', x: 'category', y: 'n', series: 'tier' });
  });
});

describe('specToDraft', () => {
  it('reads the stored report back into the same spec', () => {
    const stored = tour.reports!.find((r) => r.key === 'category-pareto')!;
    const again = draftToSpec(specToDraft(stored));
    expect(again.source).toEqual(stored.source);
    expect(again.dimensions).toEqual(stored.dimensions);
    expect(again.measures).toEqual(stored.measures);
    expect(again.chart).toEqual(stored.chart);
  });
});

describe('report fields', () => {
  it('lists system columns first, data fields with labels; colliding keys are named data.<key>', () => {
    const fields = sourceReportFields(ticket);
    expect(fields[0]).toMatchObject({ name: 'createdAt', time: true });
    expect(fields.find((f) => f.name === 'category')).toMatchObject({
      type: 'select',
      label: { en: 'Category', 'zh-CN': '问题类别' },
    });
    expect(fields.find((f) => f.name === 'satisfaction')).toMatchObject({ numeric: true });
    expect(fields.some((f) => f.name === 'data.customer')).toBe(true);
    expect(formReportFields(ticket, 'survey.')[0]!.name.startsWith('survey.')).toBe(true);
  });
});

describe('issues and the browser context', () => {
  it('places issues by pointer, the query body’s /spec prefix included', () => {
    expect(issueSection('/measures/0/kpi')).toBe('measures');
    expect(issueSection('/spec/chart/y')).toBe('chart');
    expect(issueSection('/title')).toBe('header');
    expect(issueIndex('/dimensions/2/field')).toBe(2);
    const issues = [
      { code: 'a', path: '/source/form', message: 'x' },
      { code: 'b', path: '/filters/0', message: 'y' },
    ];
    expect(issuesIn(issues, 'filters')).toEqual([issues[1]]);
  });

  it('checks a report against the loaded forms like the server does', () => {
    const ctx = browserReportContext([{ key: 'ticket' }], new Map([['ticket', ticket]]));
    const bad = draftToSpec({ ...pareto(), dimensions: [{ id: 'd', field: 'nope' }] });
    const issues = validateDefinition('report', bad, { context: ctx });
    expect(issues.map((i) => issueSection(i.path))).toContain('dimensions');
    expect(validateDefinition('report', draftToSpec(pareto()), { context: ctx })).toEqual([]);
  });
});

describe('dimension labels', () => {
  it('gives a dimension its field label, so the chart axis and the CSV heading name it', () => {
    const draft = pareto();
    draft.dimensions = [{ id: 'd', field: 'category', label: { en: 'Category', 'zh-CN': '问题类别' } }];
    const spec = draftToSpec(draft);
    expect(spec.dimensions).toEqual([{ field: 'category', label: { en: 'Category', 'zh-CN': '问题类别' } }]);
    expect(validateDefinition('report', spec, { context })).toEqual([]);
    expect(specToDraft(spec).dimensions[0]!.label).toEqual({ en: 'Category', 'zh-CN': '问题类别' });
  });
});
