/**
 * @module The date-and-time field (fault occurred at, visit booked for): ISO 8601 / RFC 3339 with a
 * UTC offset, so an instant is never ambiguous across the time zones of a service network.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const datetimeFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'datetime' },
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type DatetimeField = FromSchema<typeof datetimeFieldSchema>;

export const datetimeFieldType: FieldTypeSpec<DatetimeField> = {
  type: 'datetime',
  schema: datetimeFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: () => ({ type: 'string', format: 'date-time' }),
  refineError: (error) =>
    error.keyword === 'format' || error.keyword === 'type'
      ? { code: 'invalid-datetime', params: {} }
      : undefined,
};
