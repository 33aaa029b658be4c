/**
 * @module Semantic checks of a rule definition, run after the meta-schema passes: the time zone,
 * the forms, flows, stages and fields it names, the aggregates its condition reads, numeric measures,
 * expressions, actions and the cool-down. Every issue points at the bad part itself. Without a
 * context, references outside the rule are not checked.
 */
import type { Issue } from '../issues/issue';
import { childPointer, pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { isValidTimeZone } from '../time/zoned-time';
import { checkRuleActions } from './check-rule-actions';
import type { RuleDefinition } from './rule-definition.schema';
import { RuleCheck, type RuleDefinitionContext } from './rule-check-context';

function checkTrigger(check: RuleCheck): void {
  const trigger = check.rule.trigger;
  check.checkForm(trigger.form, '/trigger/form');
  if (trigger.type === 'schedule' || trigger.type === 'record.created' || trigger.type === 'record.updated')
    return;
  const context = check.context;
  if (!context || trigger.flow === undefined) return;
  if (!context.has('flow', trigger.flow))
    return check.add('unknown-flow', '/trigger/flow', { flow: trigger.flow });
  const stages = context.flowStages?.(trigger.flow);
  if (stages && trigger.stage !== undefined && !stages.includes(trigger.stage)) {
    check.add('unknown-stage', '/trigger/stage', { flow: trigger.flow, stage: trigger.stage });
  }
}

function checkAggregates(check: RuleCheck): void {
  const trigger = check.rule.trigger;
  for (const [name, aggregate] of Object.entries(check.rule.aggregates ?? {})) {
    const base = pointer('aggregates', name);
    if (!check.checkForm(aggregate.form, childPointer(base, 'form'))) continue;
    const measure = aggregate.measure;
    if (measure.op !== 'count') {
      const info = check.checkField(aggregate.form, measure.field, childPointer(base, 'measure', 'field'));
      if (info && !info.numeric) {
        check.add('field-not-numeric', childPointer(base, 'measure', 'field'), {
          op: measure.op,
          field: measure.field,
          form: aggregate.form,
        });
      }
    }
    if (aggregate.dateField !== undefined)
      check.checkField(aggregate.form, aggregate.dateField, childPointer(base, 'dateField'));
    (aggregate.groupBy ?? []).forEach((field, i) => {
      const path = childPointer(base, 'groupBy', i);
      const before = check.issues.length;
      check.checkField(aggregate.form, field, path);
      // The group's value is read from the triggering record, so that form needs the field too.
      const fields =
        trigger.type === 'schedule' || trigger.form === aggregate.form
          ? undefined
          : check.fields(trigger.form);
      if (check.issues.length === before && fields && !fields.has(field)) {
        check.add('group-field-not-on-trigger-form', path, { form: trigger.form, field });
      }
    });
    if (aggregate.filter !== undefined)
      check.checkRecordExpression(aggregate.filter, childPointer(base, 'filter'), aggregate.form);
  }
}

export function checkRuleDefinition(
  rule: RuleDefinition,
  context: RuleDefinitionContext | undefined,
  locale: Locale = 'en',
): Issue[] {
  const check = new RuleCheck(rule, context, locale);
  if (!isValidTimeZone(rule.timezone))
    check.add('unknown-timezone', '/timezone', { timezone: rule.timezone });
  checkTrigger(check);
  checkAggregates(check);
  if (rule.condition !== undefined) check.checkScopeExpression(rule.condition, '/condition');
  checkRuleActions(check);
  if (rule.cooldown && !(rule.cooldown.days > 0))
    check.add('cooldown-not-positive', '/cooldown/days', { days: rule.cooldown.days });
  return check.issues;
}
