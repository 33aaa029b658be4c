/**
 * @module Semantic checks of a flow definition, run after its meta-schema passes: the stage graph,
 * named guards and actions that exist, guard expressions that are safe and read real form fields,
 * required fields the form has, known form and calendars, sound SLA policies and delayed transitions
 * by known named delays. Unused guards, actions, policies and delays are not reported: a draft may
 * define them ahead of use.
 */
import type { DefinitionContext } from '../definitions/definition-context';
import { checkExpression, expressionVariables } from '../expressions/check-expression';
import { createIssue, type Issue } from '../issues/issue';
import { childPointer, pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { checkFlowDelays } from './check-flow-delays';
import { allTransitions, checkFlowGraph, type IssueSink } from './check-flow-graph';
import { checkCalendarReference, checkFlowSla } from './check-flow-sla';
import type { FlowDefinition } from './flow-definition.schema';
import { flowMessages } from './flow-messages';
import { stageActions, stagePath } from './flow-structure';
import { TIMER_EVENT_TYPES } from './flow-event';

const has = (object: object | undefined, key: string) =>
  object !== undefined && Object.prototype.hasOwnProperty.call(object, key);

function checkReferences(def: FlowDefinition, issue: IssueSink): void {
  for (const t of allTransitions(def)) {
    if (t.event !== null && TIMER_EVENT_TYPES.includes(t.event)) {
      issue('reserved-event', t.path, { event: t.event });
    }
    if (t.guard && !has(def.guards, t.guard.name))
      issue('unknown-guard', t.guard.path, { name: t.guard.name });
    for (const action of t.actions) {
      if (!has(def.actions, action.name)) issue('unknown-action', action.path, { name: action.name });
    }
  }
  for (const [stage, config] of Object.entries(def.machine.states)) {
    for (const action of stageActions(stage, config)) {
      if (!has(def.actions, action.name)) issue('unknown-action', action.path, { name: action.name });
    }
  }
}

/** Guards are evaluated over `{ data, context, event }`; `data.x` must be a field of the flow's form. */
function checkGuards(
  def: FlowDefinition,
  context: DefinitionContext | undefined,
  issue: IssueSink,
  locale: Locale,
  issues: Issue[],
): void {
  const fields = context && def.form !== undefined ? context.formFields(def.form) : undefined;
  for (const [name, logic] of Object.entries(def.guards ?? {})) {
    const base = pointer('guards', name);
    const problems = checkExpression(logic, base, locale);
    issues.push(...problems);
    if (problems.length > 0 || !fields) continue;
    for (const variable of expressionVariables(logic)) {
      const [root, field] = variable.split('.');
      if (root === 'data' && field !== undefined && !fields.has(field)) {
        issue('unknown-guard-field', base, { field, form: def.form });
      }
    }
  }
}

function checkForm(def: FlowDefinition, context: DefinitionContext | undefined, issue: IssueSink): void {
  if (!context || def.form === undefined) return;
  const fields = context.formFields(def.form);
  if (!fields) {
    issue('unknown-form', pointer('form'), { form: def.form });
    return;
  }
  for (const [stage, config] of Object.entries(def.machine.states)) {
    (config.meta?.requiredFields ?? []).forEach((field, i) => {
      if (!fields.has(field)) {
        issue('unknown-required-field', childPointer(stagePath(stage), 'meta', 'requiredFields', i), {
          field,
          form: def.form,
        });
      }
    });
  }
}

/** Issues of a flow definition the meta-schema accepted; `[]` when it is sound. */
export function checkFlowDefinition(
  flow: FlowDefinition,
  context: DefinitionContext | undefined,
  locale: Locale = 'en',
): Issue[] {
  const issues: Issue[] = [];
  const issue: IssueSink = (code, path, params = {}) =>
    issues.push(createIssue(flowMessages, code, path, params, locale));

  checkFlowGraph(flow, issue);
  checkReferences(flow, issue);
  checkGuards(flow, context, issue, locale, issues);
  checkForm(flow, context, issue);
  if (flow.calendar !== undefined) checkCalendarReference(flow.calendar, pointer('calendar'), context, issue);
  checkFlowSla(flow, context, issue);
  checkFlowDelays(flow, context, issue);
  return issues;
}
