/**
 * @module The "which record" choice of a set-fields action as edits of its `record`: none (the
 * triggering record), the record whose id a field holds (`via: [field]`, `form`), or one hop further,
 * the record in a field of that one (`via: [field, next]`, `through` = the first record's form,
 * `form` = the last one's). Changing an earlier step drops the steps after it, whose fields belonged
 * to the form that changed.
 */
import type { LinkedRecord } from '../../engine/rules/rule-definition.schema';

/** The form of the record the first field leads to. */
export function firstForm(record: LinkedRecord): string {
  return record.via.length > 1 ? (record.through ?? '') : record.form;
}

/** The record in field `field` of the triggering record, of form `form`. */
export function linkTo(field: string, form: string): LinkedRecord {
  return { via: [field], form };
}

export function withFirstField(record: LinkedRecord, field: string): LinkedRecord {
  return { ...record, via: [field, ...record.via.slice(1)] as LinkedRecord['via'] };
}

/** A new form for the first record: the hop after it (a field of the old form) goes. */
export function withFirstForm(record: LinkedRecord, form: string): LinkedRecord {
  return linkTo(record.via[0] ?? '', form);
}

/**
 * Goes on to the record in `field` of the first record (of form `form` when the action did not go
 * there already), or, with `''`, stops at the first record.
 */
export function withSecondField(record: LinkedRecord, field: string, form: string): LinkedRecord {
  const first = firstForm(record);
  const [head = ''] = record.via;
  if (field === '') return linkTo(head, first);
  return { via: [head, field], through: first, form: record.via.length > 1 ? record.form : form };
}

export function withSecondForm(record: LinkedRecord, form: string): LinkedRecord {
  return { ...record, form };
}
