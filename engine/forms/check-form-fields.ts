/**
 * @module Per-field checks of a form definition: each type's own constraints (bounds, options,
 * patterns), defaults that fit their field, storage hints that storage can honour, and the customer
 * field's place (one per form, at the top level, naming a known customer form) and what it fills.
 */
import type { DefinitionContext } from '../definitions/definition-context';
import type { Issue } from '../issues/issue';
import { childPointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { compileDataSchema } from './form-ajv';
import { formDefinitionIssue } from './form-messages';
import { allNodes, type DataNode, type FormScope } from './form-tree';
import { fieldTypeOf, type LeafField } from './fields/field-types';
import { checkAllBounds } from './fields/field-checks';
import { checkCustomerFill } from './check-customer-fill';

function checkDefault(node: DataNode, field: LeafField, locale: Locale): Issue[] {
  if (!('default' in field) || field.default === undefined) return [];
  const at = childPointer(node.definitionPath, 'default');
  if (node.computed) return [formDefinitionIssue('default-on-computed', at, {}, locale)];
  let validate;
  try {
    validate = compileDataSchema(fieldTypeOf(field).dataSchema(field));
  } catch {
    return []; // an unusable pattern: reported by the field's own checks
  }
  if (validate(field.default)) return [];
  const error = validate.errors?.[0];
  const detail = `${error?.instancePath ?? ''} ${error?.message ?? ''}`.trim();
  return [formDefinitionIssue('invalid-default', at, { detail }, locale)];
}

function checkIndexed(node: DataNode, locale: Locale): Issue[] {
  const field = node.field;
  if (!('indexed' in field) || field.indexed !== true) return [];
  const scalar = fieldTypeOf(field).indexable && !(field.type === 'select' && field.multiple === true);
  if (scalar && !node.scope.group) return [];
  return [formDefinitionIssue('not-indexable', childPointer(node.definitionPath, 'indexed'), {}, locale)];
}

function checkCustomers(nodes: DataNode[], context: DefinitionContext | undefined, locale: Locale): Issue[] {
  const issues: Issue[] = [];
  let first: DataNode | undefined;
  for (const node of nodes) {
    const field = node.field;
    if (field.type !== 'customer') continue;
    const at = childPointer(node.definitionPath, 'type');
    if (node.scope.group) issues.push(formDefinitionIssue('customer-in-group', at, {}, locale));
    else if (first)
      issues.push(formDefinitionIssue('duplicate-customer-field', at, { other: first.key }, locale));
    else first = node;
    if (field.source !== undefined && context && !context.has('form', field.source)) {
      issues.push(
        formDefinitionIssue(
          'unknown-form',
          childPointer(node.definitionPath, 'source'),
          { form: field.source },
          locale,
        ),
      );
    }
  }
  if (first) issues.push(...checkCustomerFill(first, first.scope, context, locale));
  return issues;
}

export function checkFormFields(
  top: FormScope,
  context: DefinitionContext | undefined,
  locale: Locale,
): Issue[] {
  const nodes = allNodes(top);
  const issues: Issue[] = [];
  for (const node of nodes) {
    const field = node.field;
    if (field.type === 'group') {
      issues.push(...checkAllBounds(field, node.definitionPath, locale));
    } else {
      const own = fieldTypeOf(field).checkDefinition?.(field, node.definitionPath, locale) ?? [];
      issues.push(...own);
      if (own.length === 0) issues.push(...checkDefault(node, field, locale));
    }
    issues.push(...checkIndexed(node, locale));
  }
  return [...issues, ...checkCustomers(nodes, context, locale)];
}
