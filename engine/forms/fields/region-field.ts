/**
 * @module The administrative region field: `{ province, city?, district? }`. `level` (default
 * `district`) says how deep the value must be filled; a deeper part never comes without the ones above.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { dataFieldProperties } from './common-field-schemas';
import type { DataSchema, FieldTypeSpec } from './field-type';

export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const part = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const regionFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...dataFieldProperties,
    type: { const: 'region' },
    level: { enum: REGION_LEVELS },
    default: {
      type: 'object',
      required: ['province'],
      properties: { province: part, city: part, district: part },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export type RegionField = FromSchema<typeof regionFieldSchema>;

function regionData(level: RegionLevel): DataSchema {
  return {
    type: 'object',
    properties: { province: part, city: part, district: part },
    required: REGION_LEVELS.slice(0, REGION_LEVELS.indexOf(level) + 1),
    dependentRequired: { city: ['province'], district: ['city'] },
    additionalProperties: false,
  };
}

export const regionFieldType: FieldTypeSpec<RegionField> = {
  type: 'region',
  schema: regionFieldSchema,
  numeric: false,
  indexable: false,
  dataSchema: (field) => regionData(field.level ?? 'district'),
  refineError: (error, field) =>
    error.keyword === 'required' || error.keyword === 'dependentRequired'
      ? { code: 'region-incomplete', params: { level: field.level ?? 'district' } }
      : undefined,
  isFilled: (value) => typeof value === 'object' && value !== null && Object.keys(value).length > 0,
};
