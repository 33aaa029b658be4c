/**
 * @module The values a form starts with: each field's default from the definition (also for the
 * rows of a repeating group, and for rows a group must have from the start), then the data given
 * (a record being edited, fields prefilled from a link) over them.
 */
import type { FieldDefinition, FormDefinition } from '../../engine';
import { scopeFields } from './field-pointers';

type Data = Record<string, unknown>;

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** The defaults of one scope (the form or a group row). */
export function scopeDefaults(fields: readonly FieldDefinition[]): Data {
  const values: Data = {};
  for (const [key, field] of scopeFields(fields)) {
    if (field.type === 'group') {
      const rows = Math.max(field.minItems ?? 0, field.required ? 1 : 0);
      if (rows > 0) values[key] = Array.from({ length: rows }, () => scopeDefaults(field.fields));
    } else if (
      'default' in field &&
      field.default !== undefined &&
      !('computed' in field && field.computed)
    ) {
      values[key] = copy(field.default);
    }
  }
  return values;
}

/** A new row of `group`, with its fields' defaults. */
export const newRow = (group: Extract<FieldDefinition, { type: 'group' }>): Data =>
  scopeDefaults(group.fields);

export function initialValues(form: FormDefinition, data: Data | undefined): Data {
  return { ...scopeDefaults(form.fields), ...copy(data ?? {}) };
}
