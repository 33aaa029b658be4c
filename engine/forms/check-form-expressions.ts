/**
 * @module Expression checks of a form definition: each `visibleWhen`, `requiredWhen` and `computed`
 * passes the expression whitelist, reads only fields of the form (inside a group: a row field or an
 * enclosing one), and no field's computation or visibility depends on itself.
 */
import { checkExpression } from '../expressions/check-expression';
import type { Issue } from '../issues/issue';
import { childPointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import type { FieldDefinition, FormDefinition } from './form-definition.schema';
import { resolveVariable, scopePlan, variableReferences } from './form-dependencies';
import { formDefinitionIssue } from './form-messages';
import { allScopes, type FormScope } from './form-tree';

const EXPRESSION_PROPERTIES = ['visibleWhen', 'requiredWhen', 'computed'] as const;

function checkField(field: FieldDefinition, path: string, scope: FormScope, locale: Locale): Issue[] {
  const issues: Issue[] = [];
  for (const property of EXPRESSION_PROPERTIES) {
    if (!(property in field)) continue;
    const logic = (field as Record<string, unknown>)[property];
    if (logic === undefined) continue;
    const at = childPointer(path, property);
    const problems = checkExpression(logic, at, locale);
    issues.push(...problems);
    if (problems.length > 0) continue;
    for (const ref of variableReferences({ logic, path: at })) {
      if (!resolveVariable(scope, ref.name))
        issues.push(formDefinitionIssue('unknown-variable', ref.path, { name: ref.name }, locale));
    }
  }
  return issues;
}

function checkList(
  fields: readonly FieldDefinition[],
  listPath: string,
  scope: FormScope,
  locale: Locale,
): Issue[] {
  return fields.flatMap((field, i) => {
    const path = childPointer(listPath, i);
    const issues = checkField(field, path, scope, locale);
    if (field.type === 'section')
      issues.push(...checkList(field.fields, childPointer(path, 'fields'), scope, locale));
    if (field.type === 'group') {
      // The group's own expressions read the enclosing scope; its children read its rows.
      const rows = scope.byKey.get(field.key)?.rows;
      if (rows) issues.push(...checkList(field.fields, childPointer(path, 'fields'), rows, locale));
    }
    return issues;
  });
}

function checkCycles(top: FormScope, locale: Locale): Issue[] {
  const issues: Issue[] = [];
  for (const scope of allScopes(top)) {
    for (const cycle of scopePlan(scope).cycles) {
      const names = [...cycle.nodes.map((n) => n.key), (cycle.nodes[0] as { key: string }).key].join(' → ');
      if (cycle.computed) {
        const node = cycle.nodes.find((n) => n.computed) ?? cycle.nodes[0];
        if (!node) continue;
        const at = node.computed?.path ?? node.definitionPath;
        issues.push(formDefinitionIssue('computed-cycle', at, { key: node.key, cycle: names }, locale));
      } else {
        const node = cycle.nodes[0];
        if (!node) continue;
        const at = node.visibleWhen.at(-1)?.path ?? node.definitionPath;
        issues.push(formDefinitionIssue('visibility-cycle', at, { key: node.key, cycle: names }, locale));
      }
    }
  }
  return issues;
}

export function checkFormExpressions(form: FormDefinition, top: FormScope, locale: Locale): Issue[] {
  const issues = checkList(form.fields, '/fields', top, locale);
  // Ordering over expressions that failed their own checks would only repeat those problems.
  return issues.length > 0 ? issues : checkCycles(top, locale);
}
