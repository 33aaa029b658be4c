/**
 * @module The customer field: a reference (string id) to the customer a record is about. The record
 * keeps it in its `customer` column, so a form has at most one, at its top level. `source` optionally
 * names the form whose records are the customers; `fill` then maps fields of this form to fields of
 * the source form, whose values are copied from the chosen customer record (`../customer-fill.ts`).
 */
import type { FromSchema } from 'json-schema-to-ts';
import { definitionKeySchema, fieldKeySchema } from '../../definitions/common-schemas';
import { dataFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const customerFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...dataFieldProperties,
    type: { const: 'customer' },
    source: definitionKeySchema,
    /** `{ "<top-level field of this form>": "<top-level field of the source form>" }`. */
    fill: {
      type: 'object',
      propertyNames: fieldKeySchema,
      additionalProperties: fieldKeySchema,
      minProperties: 1,
      maxProperties: 50,
    },
  },
  additionalProperties: false,
} as const;

export type CustomerField = FromSchema<typeof customerFieldSchema>;

export const customerFieldType: FieldTypeSpec<CustomerField> = {
  type: 'customer',
  schema: customerFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: () => ({ type: 'string', minLength: 1, maxLength: 64 }),
};
