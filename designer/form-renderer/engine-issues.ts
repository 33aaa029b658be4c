/**
 * @module Engine issues as react-hook-form errors and back: each issue goes under the field its path
 * names (a group's own issues under `<group>.root`, the field-array convention), every message of a
 * field kept in `types`; issues about no field go to `root.form`. The same mapping serves the
 * browser's validation and the issues of a server 422.
 */
import { get, set, type FieldError, type FieldErrors } from 'react-hook-form';
import type { FormDefinition } from '../../engine';
import { locateField, nameOf } from './field-pointers';

export interface IssueLike {
  code: string;
  path: string;
  message: string;
}

/** Where the messages of the field at `pointer` live in the errors: `parts.0.qty`, `parts.root`. */
export function errorName(pointer: string, isGroup: boolean): string {
  const name = nameOf(pointer);
  return isGroup ? `${name}.root` : name;
}

export const FORM_ERROR = 'root.form';

/** The error name of each issue: its field's, or the form's. */
export function issueErrorName(form: FormDefinition, issue: IssueLike): string {
  const located = locateField(form, issue.path);
  return located ? errorName(located.pointer, located.field.type === 'group') : FORM_ERROR;
}

/** The errors react-hook-form keeps, one entry per field, its messages in `types` by code. */
export function issuesToErrors(form: FormDefinition, issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, error] of groupIssues(form, issues)) set(errors, name, error);
  return errors;
}

/** The issues grouped into one error per name (in the order first met). */
export function groupIssues(form: FormDefinition, issues: readonly IssueLike[]): Map<string, FieldError> {
  const byName = new Map<string, FieldError>();
  for (const issue of issues) {
    const name = issueErrorName(form, issue);
    const error = byName.get(name);
    if (!error) {
      byName.set(name, { type: issue.code, message: issue.message, types: { [issue.code]: issue.message } });
      continue;
    }
    const types = error.types ?? {};
    if (types[issue.code] === undefined) types[issue.code] = issue.message;
    else if (types[issue.code] !== issue.message) types[`${issue.code} ${issue.path}`] = issue.message;
    error.types = types;
  }
  return byName;
}

/** The messages stored under `name`, each once. */
export function messagesAt(errors: FieldErrors, name: string): string[] {
  const error = get(errors, name) as FieldError | undefined;
  if (!error || typeof error !== 'object') return [];
  const all = error.types
    ? Object.values(error.types).flatMap((m) => (typeof m === 'string' ? [m] : Array.isArray(m) ? m : []))
    : typeof error.message === 'string'
      ? [error.message]
      : [];
  return [...new Set(all.filter((m): m is string => typeof m === 'string' && m !== ''))];
}
