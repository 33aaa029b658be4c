/**
 * @module The checkbox field: a yes / no value. A *required* checkbox must be ticked — that is what a
 * required consent box ("I agree to be contacted") means to the person filling the form.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const checkboxFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'checkbox' },
    default: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

export type CheckboxField = FromSchema<typeof checkboxFieldSchema>;

export const checkboxFieldType: FieldTypeSpec<CheckboxField> = {
  type: 'checkbox',
  schema: checkboxFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: () => ({ type: 'boolean' }),
  isFilled: (value) => value === true,
};
