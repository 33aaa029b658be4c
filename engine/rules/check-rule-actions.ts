/**
 * @module Checks of a rule's actions beyond the schema: forms and flows that exist, mapped fields the
 * target form has (for set-fields, the form of the linked record it writes to, if any), expressions and
 * template placeholders over the rule's data, a record to act on,
 * recipients' fields (a lookup's form, its match fields on both sides and its user field, all single
 * values), and webhook URLs that are absolute http(s).
 */
import { childPointer } from '../issues/json-pointer';
import { checkLinkedRecord } from './check-linked-record';
import type { LookupRecipient, Recipient, RuleAction } from './rule-definition.schema';
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

/** A field a lookup compares or reads: it must exist and hold one value, not a list. */
function checkSingleField(check: RuleCheck, form: string, field: string, path: string): void {
  const before = check.issues.length;
  const info = check.checkField(form, field, path);
  if (check.issues.length === before && info?.multiple)
    check.add('lookup-field-multiple', path, { form, field });
}

/**
 * A lookup recipient: its form exists, every match key is a field of it and every match value a field
 * of the record the action reads (`form`, undefined when unknown or absent), and the user field exists.
 */
function checkLookup(
  check: RuleCheck,
  lookup: LookupRecipient,
  form: string | undefined,
  path: string,
): void {
  const known = check.checkForm(lookup.form, childPointer(path, 'form'));
  for (const [key, source] of Object.entries(lookup.match)) {
    const matchPath = childPointer(path, 'match', key);
    if (known) checkSingleField(check, lookup.form, key, matchPath);
    if (form !== undefined) checkSingleField(check, form, source, matchPath);
  }
  if (known) checkSingleField(check, lookup.form, lookup.field, childPointer(path, 'field'));
}

function checkRecipient(check: RuleCheck, to: Recipient, form: string | undefined, path: string): void {
  if ('field' in to && form !== undefined) check.checkField(form, to.field, childPointer(path, 'field'));
  if ('lookup' in to) checkLookup(check, to.lookup, form, childPointer(path, 'lookup'));
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
        const form = action.record
          ? checkLinkedRecord(check, action.record, childPointer(path, 'record'))
          : check.isScheduled
            ? undefined
            : check.rule.trigger.form;
        checkMap(check, action.values, form, childPointer(path, 'values'));
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
          else if ('lookup' in to && check.isScheduled) {
            // The lookup's own form and fields are still checked; only the record to match is missing.
            check.add('no-trigger-record', childPointer(toPath, 'lookup', 'match'));
            checkLookup(check, to.lookup, undefined, childPointer(toPath, 'lookup'));
          } else checkRecipient(check, to, check.rule.trigger.form, toPath);
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
