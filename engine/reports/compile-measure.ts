/**
 * @module Compiles a plain aggregate measure (`op`) into plan measures and outputs; KPI measures go
 * to their preset. A measure's `where` becomes a condition inside its aggregate, so measures with
 * different filters share one query.
 */
import type { LocalizedText } from '../issues/locale';
import { compileFilter } from './compile-filter';
import { kpiPresetOf } from './kpis/index';
import type { KpiPlanPart } from './kpis/kpi-preset';
import type { PlanBuilder } from './plan-builder';
import type { AggregateExpr, Condition, OutputFormat } from './query-plan';
import type { AggregateMeasure, ReportMeasure } from './report-measure.schema';
import { percentOf } from './kpis/kpi-expressions';

const OP_TEXT: Record<AggregateMeasure['op'], LocalizedText> = {
  count: { en: 'Count', 'zh-CN': '数量' },
  count_distinct: { en: 'Distinct count', 'zh-CN': '去重数' },
  sum: { en: 'Sum', 'zh-CN': '合计' },
  avg: { en: 'Average', 'zh-CN': '平均值' },
  min: { en: 'Minimum', 'zh-CN': '最小值' },
  max: { en: 'Maximum', 'zh-CN': '最大值' },
  p50: { en: 'Median', 'zh-CN': '中位数' },
  p90: { en: '90th percentile', 'zh-CN': '90 分位数' },
  p95: { en: '95th percentile', 'zh-CN': '95 分位数' },
  ratio: { en: 'Share', 'zh-CN': '占比' },
};

const PERCENTILES = { p50: 0.5, p90: 0.9, p95: 0.95 } as const;

function defaultLabel(m: AggregateMeasure): LocalizedText {
  const op = OP_TEXT[m.op];
  if (m.field === undefined) return op;
  return { en: `${op.en} of ${m.field}`, 'zh-CN': `${m.field}${op['zh-CN']}` };
}

function whereOf(m: AggregateMeasure, b: PlanBuilder): Condition | undefined {
  if (!m.where) return undefined;
  const conditions = m.where.map((f) => compileFilter(f, b));
  return conditions.length === 1 ? conditions[0] : { op: 'and', args: conditions };
}

function aggregateExpr(m: AggregateMeasure, b: PlanBuilder): { expr: AggregateExpr; format: OutputFormat } {
  const where = whereOf(m, b);
  const w = where ? { where } : {};
  switch (m.op) {
    case 'count':
      if (m.field !== undefined)
        return { expr: { fn: 'count', arg: b.field(m.field), ...w }, format: 'integer' };
      return { expr: where ? { fn: 'count_if', cond: where } : { fn: 'count' }, format: 'integer' };
    case 'count_distinct':
      return { expr: { fn: 'count_distinct', arg: b.field(m.field), ...w }, format: 'integer' };
    case 'sum':
    case 'avg':
      return { expr: { fn: m.op, arg: b.field(m.field, 'number'), ...w }, format: 'number' };
    case 'min':
    case 'max': {
      const kind = b.resolve(m.field).kind;
      const time = kind === 'timestamp' || kind === 'date';
      return { expr: { fn: m.op, arg: b.field(m.field, 'number'), ...w }, format: time ? 'date' : 'number' };
    }
    case 'p50':
    case 'p90':
    case 'p95':
      return {
        expr: { fn: 'percentile', p: PERCENTILES[m.op], arg: b.field(m.field, 'number'), ...w },
        format: 'number',
      };
    case 'ratio': {
      const base: AggregateExpr =
        m.field !== undefined ? { fn: 'count', arg: b.field(m.field) } : { fn: 'count' };
      const matching: Condition =
        m.field !== undefined
          ? { op: 'and', args: [{ op: 'not_empty', arg: b.field(m.field), mode: 'value' }, where!] }
          : where!;
      return { expr: percentOf({ fn: 'count_if', cond: matching }, base), format: 'percent' };
    }
  }
}

export function compileMeasure(measure: ReportMeasure, b: PlanBuilder): KpiPlanPart {
  if ('kpi' in measure) return kpiPresetOf(measure).compile(measure as never, b);
  const { expr, format } = aggregateExpr(measure, b);
  return {
    measures: [{ name: measure.as, expr }],
    outputs: [{ name: measure.as, role: 'measure', label: measure.label ?? defaultLabel(measure), format }],
  };
}
