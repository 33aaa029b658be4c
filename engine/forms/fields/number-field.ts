/** @module The decimal number field (hours, kilometres, measurements) with optional bounds. */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, numberBoundProperties } from './common-field-schemas';
import { numberData } from './data-fragments';
import { checkAllBounds } from './field-checks';
import type { FieldTypeSpec } from './field-type';

export const numberFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'number' },
    ...numberBoundProperties,
    unit: { type: 'string', maxLength: 20 },
    default: { type: 'number' },
  },
  additionalProperties: false,
} as const;

export type NumberField = FromSchema<typeof numberFieldSchema>;

export const numberFieldType: FieldTypeSpec<NumberField> = {
  type: 'number',
  schema: numberFieldSchema,
  numeric: true,
  indexable: true,
  dataSchema: (field) => numberData('number', field),
  checkDefinition: (field, path, locale) => checkAllBounds(field, path, locale),
};
