/**
 * @module The filter condition of a report (and of a measure's `where`): a field, an operator and a
 * value. A `oneOf` + `discriminator` on `op`, so a wrong value shape names the operator it broke.
 */
import type { FromSchema } from 'json-schema-to-ts';

/**
 * A field a report reads: a system column (`createdAt`, `stage`, …), a data field (`category`,
 * `group.field`, or explicitly `data.stage` when a data key collides with a system column), or a
 * field of the joined form prefixed with the join's alias (`survey.rating`).
 */
export const reportFieldSchema = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63}){0,3}$',
} as const;

const scalarSchema = {
  anyOf: [{ type: 'string', maxLength: 500 }, { type: 'number' }, { type: 'boolean' }],
} as const;

export const FILTER_OPS = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'empty',
  'notEmpty',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const reportFilterSchema = {
  type: 'object',
  discriminator: { propertyName: 'op' },
  required: ['op'],
  properties: { op: { type: 'string' } },
  oneOf: [
    {
      type: 'object',
      properties: {
        field: reportFieldSchema,
        op: { enum: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] },
        value: scalarSchema,
      },
      required: ['field', 'op', 'value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        field: reportFieldSchema,
        op: { enum: ['in', 'nin'] },
        value: { type: 'array', items: scalarSchema, minItems: 1, maxItems: 500 },
      },
      required: ['field', 'op', 'value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        field: reportFieldSchema,
        op: { const: 'between' },
        /** Inclusive bounds; a date-only bound on a timestamp covers that whole local day. */
        value: { type: 'array', items: scalarSchema, minItems: 2, maxItems: 2 },
      },
      required: ['field', 'op', 'value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        field: reportFieldSchema,
        op: { const: 'contains' },
        value: { anyOf: [{ type: 'string', minLength: 1, maxLength: 500 }, { type: 'number' }] },
      },
      required: ['field', 'op', 'value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { field: reportFieldSchema, op: { enum: ['empty', 'notEmpty'] } },
      required: ['field', 'op'],
      additionalProperties: false,
    },
  ],
} as const;

export type ReportFilter = FromSchema<typeof reportFilterSchema>;
/** A filter value: a literal, or a list for `in` / `nin` / `between`. */
export type FilterScalar = string | number | boolean;
