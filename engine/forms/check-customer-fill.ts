/**
 * @module Checks of a customer field's `fill` map. It needs a `source` form to copy from; each target
 * must be a top-level data field of this form that a copy can set (not the customer field itself, not
 * computed, not a repeating group); with a context, each named source field must be a top-level field
 * of the source form whose values fit the target. The rule for fitting is deliberately simple: the same
 * field type with the same multiplicity (a choice's options must all be options of the target), or a
 * text / textarea target taking any single text-like value (a phone number into a contact line).
 */
import type { DefinitionContext, FieldInfo } from '../definitions/definition-context';
import type { Issue } from '../issues/issue';
import { childPointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { fieldInfo } from './form-fields';
import { formDefinitionIssue } from './form-messages';
import type { DataNode, FormScope } from './form-tree';

/** Single string values a text or textarea target may take. */
const TEXT_LIKE = new Set(['text', 'textarea', 'phone', 'email', 'serial', 'product', 'select', 'radio']);

/** Why `source` cannot fill `target`, or null when it can. */
function mismatch(target: FieldInfo, source: FieldInfo): Record<string, unknown> | null {
  const params = { targetType: target.type, sourceType: source.type };
  if (target.type === 'group' || source.type === 'group') return params;
  if ((target.multiple ?? false) !== (source.multiple ?? false)) return params;
  if (target.type === source.type) {
    const allowed = new Set(target.options ?? []);
    const missing = target.options ? (source.options ?? []).filter((o) => !allowed.has(o)) : [];
    return missing.length > 0 ? { ...params, missing: missing.join(', ') } : null;
  }
  if ((target.type === 'text' || target.type === 'textarea') && TEXT_LIKE.has(source.type)) return null;
  return params;
}

function checkTarget(
  target: string,
  top: FormScope,
  customer: DataNode,
  at: string,
  locale: Locale,
): Issue[] {
  const node = top.byKey.get(target);
  if (!node) return [formDefinitionIssue('fill-unknown-target', at, { field: target }, locale)];
  if (node === customer || node.field.type === 'group' || node.computed !== undefined)
    return [formDefinitionIssue('fill-bad-target', at, { field: target }, locale)];
  return [];
}

/** Issues of the `fill` of `customer` (the form's customer field at the top level). */
export function checkCustomerFill(
  customer: DataNode,
  top: FormScope,
  context: DefinitionContext | undefined,
  locale: Locale,
): Issue[] {
  const field = customer.field;
  if (field.type !== 'customer' || field.fill === undefined) return [];
  const fillPath = childPointer(customer.definitionPath, 'fill');
  if (field.source === undefined) return [formDefinitionIssue('fill-without-source', fillPath, {}, locale)];
  const sourceFields = context?.formFields(field.source);
  const issues: Issue[] = [];
  for (const [target, from] of Object.entries(field.fill as Record<string, string>)) {
    const at = childPointer(fillPath, target);
    const own = checkTarget(target, top, customer, at, locale);
    issues.push(...own);
    if (own.length > 0 || !sourceFields) continue;
    const source = sourceFields.get(from);
    if (!source || from.includes('.')) {
      issues.push(
        formDefinitionIssue('fill-unknown-source-field', at, { field: from, form: field.source }, locale),
      );
      continue;
    }
    const problem = mismatch(fieldInfo(top.byKey.get(target)!), source);
    if (problem)
      issues.push(formDefinitionIssue('fill-incompatible', at, { field: target, from, ...problem }, locale));
  }
  return issues;
}
