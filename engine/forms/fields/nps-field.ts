/**
 * @module The Net Promoter Score question (how likely to recommend): a whole number from 0 to 10.
 * The scale is fixed so KPI formulas over it mean the same on every form.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const NPS_MIN = 0;
export const NPS_MAX = 10;

export const npsFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'nps' },
    default: { type: 'integer', minimum: 0, maximum: 10 },
  },
  additionalProperties: false,
} as const;

export type NpsField = FromSchema<typeof npsFieldSchema>;

export const npsFieldType: FieldTypeSpec<NpsField> = {
  type: 'nps',
  schema: npsFieldSchema,
  numeric: true,
  indexable: true,
  dataSchema: () => ({ type: 'integer', minimum: NPS_MIN, maximum: NPS_MAX }),
};
