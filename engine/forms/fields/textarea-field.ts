/** @module The multi-line text field (fault descriptions, notes): a longer string with optional bounds. */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, lengthBoundProperties } from './common-field-schemas';
import { stringData } from './data-fragments';
import { checkAllBounds } from './field-checks';
import type { FieldTypeSpec } from './field-type';

/** Length limit of a textarea value when the author set none. */
export const TEXTAREA_DEFAULT_MAX_LENGTH = 10000;

export const textareaFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'textarea' },
    ...lengthBoundProperties,
    rows: { type: 'integer', minimum: 1, maximum: 50 },
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type TextareaField = FromSchema<typeof textareaFieldSchema>;

export const textareaFieldType: FieldTypeSpec<TextareaField> = {
  type: 'textarea',
  schema: textareaFieldSchema,
  numeric: false,
  // Long free text makes a poor index key.
  indexable: false,
  dataSchema: (field) => stringData(field, TEXTAREA_DEFAULT_MAX_LENGTH),
  checkDefinition: (field, path, locale) => checkAllBounds(field, path, locale),
};
