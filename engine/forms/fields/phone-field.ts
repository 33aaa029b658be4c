/**
 * @module The phone field. `region: 'cn'` takes a mainland mobile (1[3-9] + 9 digits) or a landline with
 * its area code (010-12345678, 0755-1234567); `intl` takes E.164 (`+8613812345678`); `any` (the
 * default) takes either.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

const CN_PHONE = '1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}';
const INTL_PHONE = '\\+[1-9]\\d{6,14}';

export const PHONE_PATTERNS = {
  cn: `^(?:${CN_PHONE})$`,
  intl: `^${INTL_PHONE}$`,
  any: `^(?:${CN_PHONE}|${INTL_PHONE})$`,
} as const;

export const phoneFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'phone' },
    region: { enum: ['cn', 'intl', 'any'] },
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type PhoneField = FromSchema<typeof phoneFieldSchema>;

export const phoneFieldType: FieldTypeSpec<PhoneField> = {
  type: 'phone',
  schema: phoneFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: (field) => ({ type: 'string', maxLength: 20, pattern: PHONE_PATTERNS[field.region ?? 'any'] }),
  refineError: (error, field) =>
    error.keyword === 'type'
      ? undefined
      : { code: 'invalid-phone', params: { expected: `phone-${field.region ?? 'any'}` } },
};
