/**
 * @module The star rating of a satisfaction survey (CSAT): a whole number from 1 to 5.
 * The scale is fixed so KPI formulas over it mean the same on every form.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const ratingFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'rating' },
    default: { type: 'integer', minimum: 1, maximum: 5 },
  },
  additionalProperties: false,
} as const;

export type RatingField = FromSchema<typeof ratingFieldSchema>;

export const ratingFieldType: FieldTypeSpec<RatingField> = {
  type: 'rating',
  schema: ratingFieldSchema,
  numeric: true,
  indexable: true,
  dataSchema: () => ({ type: 'integer', minimum: RATING_MIN, maximum: RATING_MAX }),
};
