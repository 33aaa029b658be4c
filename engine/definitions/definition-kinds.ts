/**
 * @module The registry of definition kinds: each kind's meta-schema and its semantic check. Adding a
 * kind means adding a row here.
 */
import { calendarDefinitionSchema } from '../calendars/calendar-definition.schema';
import { checkCalendarDefinition } from '../calendars/check-calendar-definition';
import { checkFlowDefinition } from '../flows/check-flow-definition';
import { flowDefinitionSchema } from '../flows/flow-definition.schema';
import { checkFormDefinition } from '../forms/check-form-definition';
import { formDefinitionSchema } from '../forms/form-definition.schema';
import type { Issue } from '../issues/issue';
import type { Locale } from '../issues/locale';
import { checkDashboardDefinition, checkReportDefinition } from '../reports/check-report-definition';
import { dashboardDefinitionSchema } from '../reports/dashboard-definition.schema';
import { reportDefinitionSchema } from '../reports/report-definition.schema';
import { checkRuleDefinition } from '../rules/check-rule-definition';
import { ruleDefinitionSchema } from '../rules/rule-definition.schema';
import type { DefinitionContext, DefinitionKind } from './definition-context';

export interface KindSpec {
  schema: object;
  /** Checks what the schema cannot say; runs only on documents the schema accepts. */
  check(doc: never, context: DefinitionContext | undefined, locale: Locale): Issue[];
}

export const DEFINITION_KINDS: Record<Exclude<DefinitionKind, 'app'>, KindSpec> = {
  form: { schema: formDefinitionSchema, check: checkFormDefinition },
  flow: { schema: flowDefinitionSchema, check: checkFlowDefinition },
  rule: { schema: ruleDefinitionSchema, check: checkRuleDefinition },
  report: { schema: reportDefinitionSchema, check: checkReportDefinition },
  dashboard: { schema: dashboardDefinitionSchema, check: checkDashboardDefinition },
  calendar: { schema: calendarDefinitionSchema, check: checkCalendarDefinition },
};
