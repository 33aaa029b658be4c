/**
 * @module The product field: the product model a ticket is about (the key most threshold rules group
 * by). Free text unless the author lists the models as options.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, optionsSchema } from './common-field-schemas';
import { optionData } from './data-fragments';
import { checkOptions, optionValues } from './field-checks';
import type { FieldTypeSpec } from './field-type';

export const productFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'product' },
    options: optionsSchema,
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type ProductField = FromSchema<typeof productFieldSchema>;

export const productFieldType: FieldTypeSpec<ProductField> = {
  type: 'product',
  schema: productFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: (field) =>
    field.options ? optionData(field.options) : { type: 'string', minLength: 1, maxLength: 128 },
  checkDefinition: (field, path, locale) => checkOptions(field.options, path, locale),
  info: (field) =>
    field.options ? { options: optionValues(field.options), multiple: false } : { multiple: false },
  refineError: (error, field) =>
    error.keyword === 'enum'
      ? { code: 'not-an-option', params: { allowed: optionValues(field.options) } }
      : undefined,
};
