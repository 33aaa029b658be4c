/** @module The email field: an address as ajv-formats' `email` format accepts it, at most 254 characters. */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const emailFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'email' },
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type EmailField = FromSchema<typeof emailFieldSchema>;

export const emailFieldType: FieldTypeSpec<EmailField> = {
  type: 'email',
  schema: emailFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: () => ({ type: 'string', format: 'email', maxLength: 254 }),
  refineError: (error) => (error.keyword === 'type' ? undefined : { code: 'invalid-email', params: {} }),
};
