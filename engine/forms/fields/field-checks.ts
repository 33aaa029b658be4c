/**
 * @module Definition checks several field types share: lower bound above upper bound, duplicate
 * option values, unusable regex patterns. Each returns issues pointing at the offending property.
 */
import type { Issue } from '../../issues/issue';
import { childPointer } from '../../issues/json-pointer';
import type { Locale } from '../../issues/locale';
import { formDefinitionIssue } from '../form-messages';
import { MAX_PATTERN_SUBJECT } from '../bounded-regexp';
import { patternProblem } from '../pattern-safety';

/** `field[maxName] < field[minName]` → an issue at the upper bound. */
export function checkBounds(
  field: Record<string, unknown>,
  minName: string,
  maxName: string,
  path: string,
  locale: Locale,
): Issue[] {
  const min = field[minName];
  const max = field[maxName];
  if (typeof min !== 'number' || typeof max !== 'number' || min <= max) return [];
  return [
    formDefinitionIssue('min-above-max', childPointer(path, maxName), { min, max, minName, maxName }, locale),
  ];
}

/** All of min/max, minLength/maxLength and minItems/maxItems that a field has. */
export function checkAllBounds(field: object, path: string, locale: Locale): Issue[] {
  const f = field as Record<string, unknown>;
  return [
    ...checkBounds(f, 'minimum', 'maximum', path, locale),
    ...checkBounds(f, 'minLength', 'maxLength', path, locale),
    ...checkBounds(f, 'minItems', 'maxItems', path, locale),
  ];
}

/** Option values must be unique: the second occurrence is the bad one. */
export function checkOptions(
  options: readonly { value: string }[] | undefined,
  path: string,
  locale: Locale,
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  options?.forEach((option, i) => {
    if (seen.has(option.value)) {
      issues.push(
        formDefinitionIssue(
          'duplicate-option',
          childPointer(path, 'options', i, 'value'),
          { value: option.value },
          locale,
        ),
      );
    }
    seen.add(option.value);
  });
  return issues;
}

/** A pattern must compile, stay short and be safe from catastrophic backtracking. */
export function checkPattern(pattern: string | undefined, path: string, locale: Locale): Issue[] {
  if (pattern === undefined) return [];
  const problem = patternProblem(pattern);
  const at = childPointer(path, 'pattern');
  if (problem === null) return [];
  if (problem.kind === 'invalid')
    return [formDefinitionIssue('invalid-pattern', at, { detail: problem.detail }, locale)];
  if (problem.kind === 'too-long')
    return [formDefinitionIssue('pattern-too-long', at, { max: problem.max }, locale)];
  return [formDefinitionIssue('unsafe-pattern', at, { reason: problem.reason }, locale)];
}

/** A field with a pattern may not allow values longer than the pattern is ever run over. */
export function checkPatternSubject(
  field: { pattern?: string; maxLength?: number },
  path: string,
  locale: Locale,
): Issue[] {
  if (field.pattern === undefined || (field.maxLength ?? 0) <= MAX_PATTERN_SUBJECT) return [];
  const at = childPointer(path, 'maxLength');
  return [formDefinitionIssue('pattern-subject-too-long', at, { max: MAX_PATTERN_SUBJECT }, locale)];
}

/** Option values as FieldInfo lists them. */
export function optionValues(options: readonly { value: string }[] | undefined): string[] | undefined {
  return options?.map((o) => o.value);
}
