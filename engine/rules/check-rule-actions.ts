/**
 * @module Checks of a rule's actions beyond the schema: forms and flows that exist, mapped fields the
 * target form has, expressions and template placeholders over the rule's data, a record to act on,
 * and webhook URLs that are absolute http(s).
 */
import { childPointer } from '../issues/json-pointer';
import type { Recipient, RuleAction } from './rule-definition.schema';
import type { RuleCheck } from './rule-check-context';
import { PLACEHOLDER, precedingCreate } from './resolve-actions';

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** The form of the record an action acts on, or `undefined` when there is none (reported). */
function targetForm(
  check: RuleCheck,
  actions: readonly RuleAction[],
  index: number,
  target: 'record' | 'created' | undefined,
  path: string,
): string | undefined {
  const create = precedingCreate(actions, index);
  const kind = target ?? (create >= 0 ? 'created' : 'record');
  if (kind === 'created') {
    const action = actions[create];
    if (action?.type === 'create-record') return action.form;
    check.add('no-created-record', target === undefined ? path : childPointer(path, 'target'));
    return undefined;
  }
  if (check.isScheduled) {
    check.add('no-trigger-record', target === undefined ? path : childPointer(path, 'target'));
    return undefined;
  }
  return check.rule.trigger.form;
}

function checkMap(
  check: RuleCheck,
  map: Record<string, unknown>,
  form: string | undefined,
  path: string,
): void {
  for (const [field, logic] of Object.entries(map)) {
    const fieldPath = childPointer(path, field);
    if (form !== undefined) check.checkField(form, field, fieldPath);
    check.checkScopeExpression(logic, fieldPath);
  }
}

function checkRecipient(check: RuleCheck, to: Recipient, form: string | undefined, path: string): void {
  if ('field' in to && form !== undefined) check.checkField(form, to.field, childPointer(path, 'field'));
}

export function checkRuleActions(check: RuleCheck): void {
  const actions = check.rule.actions;
  const context = check.context;
  actions.forEach((action, index) => {
    const path = `/actions/${index}`;
    switch (action.type) {
      case 'create-record': {
        const known = check.checkForm(action.form, childPointer(path, 'form'));
        checkMap(check, action.map, known ? action.form : undefined, childPointer(path, 'map'));
        return;
      }
      case 'start-flow':
        if (context && !context.has('flow', action.flow))
          check.add('unknown-flow', childPointer(path, 'flow'), { flow: action.flow });
        targetForm(check, actions, index, action.target, path);
        return;
      case 'set-fields': {
        if (check.isScheduled) check.add('no-trigger-record', path);
        checkMap(
          check,
          action.values,
          check.isScheduled ? undefined : check.rule.trigger.form,
          childPointer(path, 'values'),
        );
        return;
      }
      case 'assign': {
        const form = targetForm(check, actions, index, action.target, path);
        checkRecipient(check, action.to, form, childPointer(path, 'to'));
        return;
      }
      case 'notify': {
        action.to.forEach((to, i) => {
          const toPath = childPointer(path, 'to', i);
          if ('field' in to && check.isScheduled)
            check.add('no-trigger-record', childPointer(toPath, 'field'));
          else checkRecipient(check, to, check.rule.trigger.form, toPath);
        });
        for (const [locale, text] of Object.entries(action.template)) {
          for (const match of text.matchAll(PLACEHOLDER)) {
            check.checkVariable(match[1] ?? '', childPointer(path, 'template', locale));
          }
        }
        return;
      }
      case 'webhook':
        if (!isHttpUrl(action.url)) check.add('invalid-url', childPointer(path, 'url'), { url: action.url });
        return;
    }
  });
}
