/**
 * @module The Customer Effort Score question (how easy was it): a whole number from 1 to 7.
 * The scale is fixed so KPI formulas over it mean the same on every form.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const CES_MIN = 1;
export const CES_MAX = 7;

export const cesFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'ces' },
    default: { type: 'integer', minimum: 1, maximum: 7 },
  },
  additionalProperties: false,
} as const;

export type CesField = FromSchema<typeof cesFieldSchema>;

export const cesFieldType: FieldTypeSpec<CesField> = {
  type: 'ces',
  schema: cesFieldSchema,
  numeric: true,
  indexable: true,
  dataSchema: () => ({ type: 'integer', minimum: CES_MIN, maximum: CES_MAX }),
};
