/**
 * @module Key checks of a form definition: keys are unique within a data scope (a section shares its
 * parent's scope, a group opens its own), and never a name expressions treat as absent.
 */
import type { Issue } from '../issues/issue';
import { childPointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { formDefinitionIssue } from './form-messages';
import { allScopes, type FormScope } from './form-tree';

/** Names the safe `var` never reads: a field with one of these keys could not be used in an expression. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function checkFormKeys(top: FormScope, locale: Locale): Issue[] {
  const issues: Issue[] = [];
  for (const scope of allScopes(top)) {
    const first = new Map<string, string>();
    for (const entry of scope.entries) {
      const at = childPointer(entry.definitionPath, 'key');
      if (RESERVED_KEYS.has(entry.key))
        issues.push(formDefinitionIssue('reserved-key', at, { key: entry.key }, locale));
      const other = first.get(entry.key);
      if (other !== undefined)
        issues.push(formDefinitionIssue('duplicate-key', at, { key: entry.key, other }, locale));
      else first.set(entry.key, entry.definitionPath);
    }
  }
  return issues;
}
