/**
 * @module The money field: an amount in one currency (CNY unless the form says otherwise) with at most
 * two decimals. The currency is a property of the field, not of each value, so amounts stay numbers
 * that reports can sum.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, numberBoundProperties } from './common-field-schemas';
import { compact } from './data-fragments';
import { checkAllBounds } from './field-checks';
import type { FieldTypeSpec } from './field-type';

export const DEFAULT_CURRENCY = 'CNY';

export const moneyFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'money' },
    ...numberBoundProperties,
    /** ISO 4217 code. */
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    default: { type: 'number' },
  },
  additionalProperties: false,
} as const;

export type MoneyField = FromSchema<typeof moneyFieldSchema>;

export const moneyFieldType: FieldTypeSpec<MoneyField> = {
  type: 'money',
  schema: moneyFieldSchema,
  numeric: true,
  indexable: true,
  dataSchema: (field) =>
    compact({
      type: 'number',
      multipleOf: 0.01,
      minimum: field.minimum,
      maximum: field.maximum,
      'x-currency': field.currency ?? DEFAULT_CURRENCY,
    }),
  checkDefinition: (field, path, locale) => checkAllBounds(field, path, locale),
  refineError: (error) =>
    error.keyword === 'multipleOf' ? { code: 'invalid-money', params: {} } : undefined,
  // `qty * price` gives 3.3000000000000003; an amount is stored in cents.
  normalizeComputed: (value) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : value,
};
