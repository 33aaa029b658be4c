/** @module The rule engine's public surface: definition schema and check, windows, evaluation, dry run. */
export {
  ruleDefinitionSchema,
  type RuleDefinition,
  type RuleTrigger,
  type RuleAction,
  type AggregateDefinition,
  type AggregateMeasure,
  type RuleWindow,
  type Recipient,
  type LookupRecipient,
  type LinkedRecord,
} from './rule-definition.schema';
export { checkRuleDefinition } from './check-rule-definition';
export type { RuleDefinitionContext } from './rule-check-context';
export { ruleMessages } from './rule-messages';
export type { RuleRecord, RuleEvent } from './rule-record';
export { windowOf, isoWeekKey, recordMoment, type WindowInfo, type Moment } from './rule-window';
export { groupKey, firingKey, firingWindowKey, type GroupValues } from './rule-firing-key';
export { parseGroupKey } from './parse-group-key';
export { windowOfKey } from './window-of-key';
export { aggregateRequests, type AggregateRequest } from './aggregate-requests';
export { computeAggregate, groupsIn, type AggregateResult } from './compute-aggregate';
export { matchesTrigger } from './rule-trigger';
export { scheduleTicks, nextScheduledAt, type RuleSchedule } from './rule-schedule';
export type { RuleScope } from './rule-scope';
export type {
  ResolvedAction,
  ResolvedRecipient,
  ResolvedLookup,
  LookupValue,
  ActionTarget,
  LinkedTarget,
  LinkHop,
  WebhookPayload,
} from './resolve-actions';
export {
  evaluateRule,
  firingIdentity,
  type RuleEvaluationInput,
  type RuleEvaluation,
  type NotFiredReason,
} from './evaluate-rule';
export {
  dryRunRule,
  type DryRunOptions,
  type DryRunResult,
  type DryRunFiring,
  type DrySlaEvent,
} from './dry-run';
