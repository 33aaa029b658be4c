/**
 * @module Checks the record a `set-fields` action writes to when it is not the triggering one: each
 * field on the way holds one record id (a field of the triggering form, then of `through`), `through`
 * is given exactly when there is a second hop, and the target `form` exists — so the mapped values
 * can be checked against the form they will be written to, as a bundle import resolves other forms.
 */
import { childPointer } from '../issues/json-pointer';
import type { RuleCheck } from './rule-check-context';
import type { LinkedRecord } from './rule-definition.schema';

/** A field holding a record id: it must exist on `form` and hold one value, not a list. */
function checkIdField(check: RuleCheck, form: string, field: string, path: string): void {
  const before = check.issues.length;
  const info = check.checkField(form, field, path);
  if (check.issues.length === before && info?.multiple)
    check.add('record-id-field-multiple', path, { form, field });
}

/**
 * Reports what is wrong with `linked` (at `path`) and returns the form its values are written to, or
 * `undefined` when that form is unknown (its fields then cannot be checked).
 */
export function checkLinkedRecord(check: RuleCheck, linked: LinkedRecord, path: string): string | undefined {
  const [first, second] = linked.via;
  const viaPath = childPointer(path, 'via');
  if (first !== undefined && !check.isScheduled)
    checkIdField(check, check.rule.trigger.form, first, childPointer(viaPath, 0));
  if (second !== undefined) {
    if (linked.through === undefined) check.add('through-required', path, { field: second });
    else if (check.checkForm(linked.through, childPointer(path, 'through')))
      checkIdField(check, linked.through, second, childPointer(viaPath, 1));
  } else if (linked.through !== undefined) {
    check.add('through-unused', childPointer(path, 'through'), { form: linked.through });
  }
  return check.checkForm(linked.form, childPointer(path, 'form')) ? linked.form : undefined;
}
