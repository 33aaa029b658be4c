/**
 * @module Compiles a report definition into a query plan: source and join, WHERE from the report's
 * and the dashboard's filters, GROUP BY with time buckets in the report's zone, the measures (KPI
 * presets spelt out as aggregate expressions), order, limit and the post steps. Run it on reports
 * `checkReportDefinition` accepts; it does not re-check references.
 */
import { compileFilters } from './compile-filter';
import { compileMeasure } from './compile-measure';
import { PlanBuilder } from './plan-builder';
import type { GroupItem, PlanJoin, PlanOutput, PostStep, QueryPlan } from './query-plan';
import {
  DEFAULT_REPORT_TIMEZONE,
  type ReportDefinition,
  type ReportDimension,
} from './report-definition.schema';
import { JOIN_ALIAS, SOURCE_ALIAS, type FieldLookup } from './report-field';
import type { ReportFilter } from './report-filter.schema';

export interface CompileReportOptions {
  /** The forms' fields (`DefinitionContext.formFields`): gives data values their SQL cast. */
  fields?: FieldLookup;
  /** Filters from the dashboard, already mapped to this report's fields (`dashboardFiltersFor`). */
  sharedFilters?: ReportFilter[];
}

/** The output name of a dimension: its `as`, else its field. */
export const dimensionName = (d: ReportDimension) => d.as ?? d.field;

function groupItem(d: ReportDimension, b: PlanBuilder): GroupItem {
  const name = dimensionName(d);
  if (d.grain) return { name, bucket: d.grain, arg: b.field(d.field, 'timestamp'), timezone: b.timezone };
  return { name, expr: b.field(d.field) };
}

function dimensionOutput(d: ReportDimension): PlanOutput {
  return {
    name: dimensionName(d),
    role: 'dimension',
    label: d.label ?? { en: d.field, 'zh-CN': d.field },
    format: d.grain ? 'date' : 'text',
    ...(d.grain ? { grain: d.grain } : {}),
  };
}

export function compileReport(spec: ReportDefinition, options: CompileReportOptions = {}): QueryPlan {
  const timezone = spec.timezone ?? DEFAULT_REPORT_TIMEZONE;
  const b = new PlanBuilder(spec, timezone, options.fields);

  const joins: PlanJoin[] = [];
  const join = spec.source.join;
  if (join) {
    joins.push({
      table: 'records',
      alias: JOIN_ALIAS,
      form: join.form,
      type: join.type ?? 'left',
      on: {
        left: b.field(join.on.source).col,
        right: b.field(`${join.as ?? join.form}.${join.on.joined}`).col,
      },
    });
  }

  const where = compileFilters([...(spec.filters ?? []), ...(options.sharedFilters ?? [])], b);
  const dimensions = spec.dimensions ?? [];
  const groupBy = dimensions.map((d) => groupItem(d, b));

  const measures: QueryPlan['measures'] = [];
  const outputs: PlanOutput[] = dimensions.map(dimensionOutput);
  const post: PostStep[] = [];
  const kpiOrder: QueryPlan['orderBy'] = [];
  for (const measure of spec.measures) {
    const part = compileMeasure(measure, b);
    measures.push(...part.measures);
    outputs.push(...part.outputs);
    post.push(...(part.post ?? []));
    kpiOrder.push(...(part.orderBy ?? []));
  }

  const firstMeasure = measures[0]?.name;
  const topN: PostStep[] = [];
  for (const d of dimensions) {
    if (d.limit !== undefined && firstMeasure !== undefined) {
      topN.push({ step: 'top_n', dimension: dimensionName(d), n: d.limit, by: firstMeasure });
    }
  }

  // Explicit sort first; then what a KPI needs (Pareto: largest first); then time and sorted dimensions.
  const orderBy: QueryPlan['orderBy'] = (spec.sort ?? []).map((s) => ({
    name: s.by,
    direction: s.direction ?? 'asc',
  }));
  const seen = new Set(orderBy.map((o) => o.name));
  const more = [
    ...kpiOrder,
    ...dimensions
      .filter((d) => d.grain !== undefined || d.sort !== undefined)
      .map((d) => ({ name: dimensionName(d), direction: d.sort ?? ('asc' as const) })),
  ];
  for (const o of more) if (!seen.has(o.name)) (seen.add(o.name), orderBy.push(o));

  return {
    version: 1,
    report: spec.key,
    timezone,
    from: { table: 'records', alias: SOURCE_ALIAS, form: spec.source.form },
    joins,
    columns: b.columns,
    where,
    groupBy,
    measures,
    orderBy,
    limit: spec.limit ?? null,
    params: b.params,
    postProcess: [...topN, ...post],
    outputs,
  };
}
