/** @module The calendar date field (purchase date, visit date): `YYYY-MM-DD`, no time, no zone. */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const dateFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'date' },
    // The format is checked against the data schema, which knows formats; the meta-schema does not.
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type DateField = FromSchema<typeof dateFieldSchema>;

export const dateFieldType: FieldTypeSpec<DateField> = {
  type: 'date',
  schema: dateFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: () => ({ type: 'string', format: 'date' }),
  refineError: (error) =>
    error.keyword === 'format' || error.keyword === 'type' ? { code: 'invalid-date', params: {} } : undefined,
};
