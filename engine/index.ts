/**
 * @module The engine's public API: pure TypeScript shared by the runtime and the designer. Definitions
 * and their checks, forms, expressions, business calendars, flows with SLA, rules, reports and charts.
 * Nothing here does IO.
 */

// The error shape and the two languages
export {
  createIssue,
  formatMessage,
  type Issue,
  type MessageCatalog,
  type MessageTemplates,
} from './issues/issue';
export { pointer, childPointer, parsePointer, escapePointerToken } from './issues/json-pointer';
export { LOCALES, pickText, type Locale, type LocalizedText } from './issues/locale';

// Definitions
export {
  validateDefinition,
  DEFINITION_KIND_NAMES,
  type ValidateDefinitionOptions,
} from './definitions/validate-definition';
export { schemaIssues } from './definitions/schema-issues';
export { bundleContext } from './definitions/bundle-context';
export {
  appBundleSchema,
  roleDefinitionSchema,
  BUNDLE_PARTS,
  FORM_PERMISSIONS,
  type AppBundle,
  type RoleDefinition,
} from './definitions/app-bundle.schema';
export { DEFINITION_KINDS } from './definitions/definition-kinds';
export type { DefinitionContext, DefinitionKind, FieldInfo } from './definitions/definition-context';

// Expressions
export {
  evaluateExpression,
  isTruthy,
  ExpressionError,
  type EvaluateOptions,
} from './expressions/evaluate-expression';
export {
  checkExpression,
  expressionVariables,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_NODES,
} from './expressions/check-expression';
export { ALLOWED_OPERATIONS } from './expressions/operations';

// Time zones
export {
  toWallTime,
  fromWallTime,
  toLocalDate,
  addDays,
  weekdayOf,
  isValidTimeZone,
  zoneOffsetMinutes,
  type WallTime,
  type LocalDate,
} from './time/zoned-time';

// Forms
export { customerFillOf, fillFromCustomer, type CustomerFill } from './forms/customer-fill';
export {
  compileForm,
  checkFormDefinition,
  formDataSchema,
  formDefinitionSchema,
  listFormFields,
  formDataMessages,
  formDefinitionMessages,
  type CompiledForm,
  type FormValidation,
  type ValidateOptions,
  type FormDefinition,
  type FieldDefinition,
  type DataSchema,
} from './forms/index';

// Business calendars
export {
  addBusinessTime,
  businessTimeBetween,
  calendarDefinitionSchema,
  checkCalendarDefinition,
  ALWAYS_OPEN_CALENDAR,
  ALWAYS_OPEN_CALENDAR_KEY,
  CN_2026_CALENDAR,
  BUILT_IN_CALENDARS,
  type CalendarDefinition,
} from './calendars/index';

// Flows and SLA
export {
  createFlow,
  checkFlowDefinition,
  flowDefinitionSchema,
  explainClock,
  selectTarget,
  SLA_WARNING_EVENT,
  SLA_BREACH_EVENT,
  AFTER_TIMER_EVENT,
  TIMER_EVENT_TYPES,
  CONTEXT_EVENT_TYPES,
  type Flow,
  type FlowOptions,
  type SendOptions,
  type StepResult,
  type RefusalReason,
  type FlowDefinition,
  type FlowSnapshot,
  type FlowEvent,
  type FlowContext,
  type FlowStartContext,
  type FlowEffect,
  type ScheduleTimerEffect,
  type CancelTimerEffect,
  type SlaEffect,
  type AssignEffect,
  type ActionEffect,
  type StageEffect,
  type ClockView,
  type ClockExplanation,
  type FlowStageInfo,
  type FlowEventInfo,
} from './flows/index';

// Rules
export {
  evaluateRule,
  firingIdentity,
  matchesTrigger,
  dryRunRule,
  aggregateRequests,
  computeAggregate,
  windowOf,
  firingKey,
  groupKey,
  parseGroupKey,
  windowOfKey,
  scheduleTicks,
  nextScheduledAt,
  checkRuleDefinition,
  ruleDefinitionSchema,
  type RuleDefinition,
  type RuleRecord,
  type RuleEvent,
  type RuleEvaluation,
  type RuleEvaluationInput,
  type ResolvedAction,
  type AggregateRequest,
  type DryRunResult,
  type DryRunFiring,
  type WindowInfo,
  type GroupValues,
} from './rules/index';

// Reports and charts
export {
  compileReport,
  postProcess,
  evaluatePlan,
  checkReportDefinition,
  checkDashboardDefinition,
  dashboardFiltersFor,
  pointFilters,
  recordsBehindSpec,
  checkPoint,
  PointError,
  type ReportPoint,
  dimensionValueLabels,
  userDimensionNames,
  valueLabel,
  type ValueLabels,
  reportDefinitionSchema,
  dashboardDefinitionSchema,
  KPI_PRESETS,
  kpiPresetOf,
  type ReportDefinition,
  type DashboardDefinition,
  type QueryPlan,
  type ResultRow,
  type PlanOutput,
  type PlanRecord,
  type PlanStore,
  type KpiPreset,
} from './reports/index';
export { chartOption, chartPointOf, type ChartOption, type ChartPoint } from './charts/index';

// Effect verification of improvement items
export {
  effectWindows,
  twoProportionZTest,
  mannWhitneyU,
  normalCdf,
  verifyEffect,
  effectKpiOf,
  npsPoints,
  KPI_EFFECT_KINDS,
  DEFAULT_EFFECT_WINDOW_DAYS,
  DEFAULT_ALPHA,
  improvementMessages,
  type EffectWindows,
  type VerifyEffectInput,
  type EffectVerdict,
  type EffectTest,
  type EffectKind,
  type EffectKpi,
} from './improvements/index';
