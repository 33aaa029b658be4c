/** @module Public API of the report engine: report / dashboard meta-schemas, checks, compile to a query plan, KPI presets. */
export { reportDefinitionSchema, DEFAULT_REPORT_TIMEZONE, TIME_GRAINS } from './report-definition.schema';
export type {
  ReportDefinition,
  ReportDimension,
  ReportJoin,
  ReportSort,
  TimeGrain,
} from './report-definition.schema';
export { reportFilterSchema, FILTER_OPS } from './report-filter.schema';
export type { ReportFilter, FilterOp, FilterScalar } from './report-filter.schema';
export { reportMeasureSchema, AGGREGATE_OPS } from './report-measure.schema';
export type {
  ReportMeasure,
  AggregateMeasure,
  KpiMeasure,
  KpiKey,
  KpiMeasureOf,
  AggregateOp,
} from './report-measure.schema';
export { reportChartSchema, CHART_TYPES } from './report-chart.schema';
export type { ReportChart, ChartTarget, ChartType } from './report-chart.schema';
export { dashboardDefinitionSchema, DASHBOARD_COLUMNS } from './dashboard-definition.schema';
export type { DashboardDefinition, DashboardCard, DashboardFilter } from './dashboard-definition.schema';
export { checkReportDefinition, reportOutputs } from './check-report-definition';
export { checkDashboardDefinition } from './check-dashboard-definition';
export { reportMessages } from './report-messages';
export { compileReport, dimensionName } from './compile-report';
export type { CompileReportOptions } from './compile-report';
export type { FieldLookup } from './report-field';
export { postProcess } from './post-process';
export { dimensionValueLabels, userDimensionNames, valueLabel } from './value-labels';
export type { FormLookup, ValueLabels } from './value-labels';
export { evaluatePlan, PlanEvaluator } from './evaluate-plan';
export type { PlanRecord, PlanStore } from './evaluate-plan';
export { dashboardFiltersFor } from './shared-filters';
export type { SharedFilterValue } from './shared-filters';
export {
  bucketBounds,
  checkPoint,
  pointFilters,
  pointMessages,
  PointError,
  recordsBehindSpec,
  RECORD_ID_OUTPUT,
  RECORD_ROWS_OUTPUT,
} from './point-filters';
export type { ReportPoint } from './point-filters';
export { KPI_PRESETS, kpiPresetOf } from './kpis/index';
export type { KpiPreset } from './kpis/kpi-preset';
export { SYSTEM_COLUMNS } from './query-plan';
export type {
  QueryPlan,
  ColumnRef,
  ScalarExpr,
  Condition,
  AggregateExpr,
  GroupItem,
  PlanMeasure,
  PlanOutput,
  PlanSource,
  PlanJoin,
  PostStep,
  WeightedComponent,
  RelatedCondition,
  RelatedOperand,
  RelatedTable,
  ResultRow,
  JsonScalar,
  ValueCast,
  SystemColumn,
  OutputFormat,
} from './query-plan';
