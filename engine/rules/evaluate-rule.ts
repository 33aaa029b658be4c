/**
 * @module Evaluates one rule for one event: does the trigger match, is the condition true over the
 * record, its previous version and the computed aggregates, is a cool-down in force — and if it
 * fires, under which idempotency key and with which fully resolved actions. Pure: the runtime
 * computes the aggregates first (from `aggregateRequests`), then inserts the firing under its key
 * (a duplicate key means it already fired) and carries out the actions.
 */
import { evaluateExpression, isTruthy } from '../expressions/evaluate-expression';
import { anchorMoment, groupValuesOf } from './aggregate-requests';
import type { RuleDefinition } from './rule-definition.schema';
import { firingKey, firingWindowKey, type GroupValues } from './rule-firing-key';
import { versionTime, type RuleEvent, type RuleRecord } from './rule-record';
import { buildScope } from './rule-scope';
import { matchesTrigger } from './rule-trigger';
import { momentMs, windowOf, type Moment, type WindowInfo } from './rule-window';
import { resolveActions, type ResolvedAction } from './resolve-actions';

export interface RuleEvaluationInput {
  /** The event; default: `record.updated` when `previous` is given, else `record.created`, at the version's time. */
  event?: RuleEvent;
  /** The triggering record (absent for schedule ticks). */
  record?: RuleRecord;
  /** The record's version before this change (record.updated). */
  previous?: RuleRecord | null;
  /** For schedule ticks: the group being checked (the runtime enumerates groups with GROUP BY). */
  group?: GroupValues;
  /** Computed aggregate values by name. */
  aggregates: Record<string, unknown>;
  now: Moment;
  /** When this rule last fired for this group, if ever. */
  lastFiredAt?: Moment | null;
}

export type NotFiredReason = 'disabled' | 'trigger-mismatch' | 'condition-false' | 'cooldown';

export interface RuleEvaluation {
  fired: boolean;
  /** The idempotency key `rule|group|window`, also when not fired (to explain what was checked). */
  key: string;
  group: GroupValues;
  /** The window of the first declared aggregate (which defines the key), `null` without aggregates. */
  window: WindowInfo | null;
  actions: ResolvedAction[];
  reason?: NotFiredReason;
  /** With reason `cooldown`: when the cool-down ends. */
  cooldownUntil?: string;
}

const DAY_MS = 86_400_000;

function defaultEvent(input: RuleEvaluationInput): RuleEvent {
  const record = input.record;
  if (!record) throw new Error('evaluateRule needs an event or a record');
  const type = input.previous ? 'record.updated' : 'record.created';
  return { type, form: record.form, recordId: record.id, at: versionTime(record) };
}

/**
 * The group, window and key of an evaluation. The first declared aggregate defines them (declare the
 * threshold's aggregate first). A rule without aggregates fires once per record version
 * (`rule|record=<id>|rev:<revision>`), or once per tick when scheduled.
 */
export function firingIdentity(
  rule: RuleDefinition,
  record: RuleRecord | undefined,
  event: RuleEvent,
  now: Moment,
  group?: GroupValues,
): { key: string; group: GroupValues; window: WindowInfo | null } {
  const primary = Object.values(rule.aggregates ?? {})[0];
  if (!primary) {
    if (!record) return { key: firingKey(rule.key, {}, `at:${event.at}`), group: {}, window: null };
    const version = record.revision !== undefined ? `rev:${record.revision}` : `at:${versionTime(record)}`;
    return {
      key: firingKey(rule.key, { record: record.id }, version),
      group: { record: record.id },
      window: null,
    };
  }
  const anchor = anchorMoment(primary, record, now, rule.timezone);
  const fields = primary.groupBy ?? [];
  const values = record ? groupValuesOf(fields, record.data) : groupValuesOf(fields, group ?? {});
  const windowKey = firingWindowKey(primary.window, anchor, rule.timezone, rule.cooldown?.days);
  return {
    key: firingKey(rule.key, values, windowKey),
    group: values,
    window: windowOf(primary.window, anchor, rule.timezone),
  };
}

export function evaluateRule(rule: RuleDefinition, input: RuleEvaluationInput): RuleEvaluation {
  const event = input.event ?? defaultEvent(input);
  const schedulerAt = event.type === 'schedule' ? event.at : input.now;
  const identity = firingIdentity(rule, input.record, event, schedulerAt, input.group);
  const notFired = (reason: NotFiredReason, extra: Partial<RuleEvaluation> = {}): RuleEvaluation => ({
    fired: false,
    ...identity,
    actions: [],
    reason,
    ...extra,
  });

  if (rule.enabled === false) return notFired('disabled');
  if (!matchesTrigger(rule, event)) return notFired('trigger-mismatch');

  const now = momentMs(input.now);
  const scope = buildScope({
    ruleKey: rule.key,
    event,
    record: input.record,
    previous: input.previous,
    aggregates: input.aggregates,
    group: identity.group,
    window: identity.window,
  });
  if (rule.condition !== undefined && !isTruthy(evaluateExpression(rule.condition, scope, { now }))) {
    return notFired('condition-false');
  }
  if (rule.cooldown && input.lastFiredAt !== undefined && input.lastFiredAt !== null) {
    const until = momentMs(input.lastFiredAt) + rule.cooldown.days * DAY_MS;
    if (now < until) return notFired('cooldown', { cooldownUntil: new Date(until).toISOString() });
  }
  return {
    fired: true,
    ...identity,
    actions: resolveActions(rule.actions, { scope, firingKey: identity.key, now }),
  };
}
