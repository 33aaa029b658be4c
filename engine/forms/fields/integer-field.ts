/** @module The whole-number field (quantities, counts) with optional bounds. */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, numberBoundProperties } from './common-field-schemas';
import { numberData } from './data-fragments';
import { checkAllBounds } from './field-checks';
import type { FieldTypeSpec } from './field-type';

export const integerFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'integer' },
    ...numberBoundProperties,
    unit: { type: 'string', maxLength: 20 },
    default: { type: 'integer' },
  },
  additionalProperties: false,
} as const;

export type IntegerField = FromSchema<typeof integerFieldSchema>;

export const integerFieldType: FieldTypeSpec<IntegerField> = {
  type: 'integer',
  schema: integerFieldSchema,
  numeric: true,
  indexable: true,
  dataSchema: (field) => numberData('integer', field),
  checkDefinition: (field, path, locale) => checkAllBounds(field, path, locale),
};
