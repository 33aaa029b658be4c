/**
 * @module Turns Ajv's errors about form data into the product's issues: the path is the pointer to the
 * bad value itself, the code is the one a person filling the form understands (a field type may refine
 * it: a phone pattern becomes `invalid-phone`), and the message names the field by its label.
 */
import type { ErrorObject } from 'ajv';
import type { Issue } from '../issues/issue';
import { childPointer, parsePointer, pointer } from '../issues/json-pointer';
import { pickText, type Locale } from '../issues/locale';
import { formDataIssue } from './form-messages';
import type { DataNode, FormScope } from './form-tree';
import { fieldTypeOf } from './fields/field-types';
import type { RefinedError } from './fields/field-type';

/** The field an instance path is about, and the rest of the path inside that field's value. */
export function locateField(
  top: FormScope,
  instancePath: string,
): { node: DataNode; inner: string } | undefined {
  const tokens = parsePointer(instancePath);
  let scope = top;
  let i = 0;
  for (;;) {
    const node = scope.byKey.get(tokens[i] ?? '');
    if (!node) return undefined;
    i += 1;
    // Inside a group: `/parts/<row>/<field>`; stop at the group when the path ends at it or at a row.
    if (node.rows && tokens.length > i + 1) {
      scope = node.rows;
      i += 1;
      continue;
    }
    return { node, inner: pointer(...tokens.slice(i)) };
  }
}

/** Where the error is: a missing property points at that property, anything else at the value. */
function errorPath(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return childPointer(error.instancePath, String(params.missingProperty));
  if (error.keyword === 'dependentRequired')
    return childPointer(error.instancePath, String(params.missingProperty));
  return error.instancePath;
}

/** The generic code for an Ajv keyword. */
function genericError(error: ErrorObject): RefinedError {
  const p = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return { code: 'wrong-type', params: { expected: p.type } };
    case 'minimum':
    case 'maximum':
      return typeof schema.minimum === 'number' && typeof schema.maximum === 'number'
        ? { code: 'out-of-range', params: { min: schema.minimum, max: schema.maximum } }
        : { code: error.keyword === 'minimum' ? 'too-small' : 'too-large', params: { limit: p.limit } };
    case 'minLength':
      return { code: 'too-short', params: { limit: p.limit } };
    case 'maxLength':
      return { code: 'too-long', params: { limit: p.limit } };
    case 'minItems':
      return { code: 'too-few-items', params: { limit: p.limit } };
    case 'maxItems':
      return { code: 'too-many-items', params: { limit: p.limit } };
    case 'uniqueItems':
      return { code: 'duplicate-items', params: {} };
    case 'enum':
      return { code: 'not-an-option', params: { allowed: p.allowedValues } };
    case 'pattern':
      return { code: 'pattern-mismatch', params: { pattern: p.pattern } };
    case 'required':
      return { code: 'required', params: {} };
    default:
      return { code: 'invalid', params: {} };
  }
}

/** Issues for Ajv's errors over data of the form whose top scope is `top`, deduplicated by code and path. */
export function dataIssues(top: FormScope, errors: readonly ErrorObject[], locale: Locale): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const located = locateField(top, error.instancePath);
    const path = errorPath(error);
    let refined: RefinedError | undefined;
    let params: Record<string, unknown> = { label: parsePointer(path).at(-1) ?? '' };
    if (located) {
      const { node, inner } = located;
      const field = node.field;
      if (field.type !== 'group') refined = fieldTypeOf(field).refineError?.(error, field, inner);
      params = { field: node.key, label: pickText(field.label, locale, node.key) };
    }
    const { code, params: specific } = refined ?? genericError(error);
    const id = `${code} ${path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    issues.push(formDataIssue(code, path, { ...params, ...specific }, locale));
  }
  return issues;
}
