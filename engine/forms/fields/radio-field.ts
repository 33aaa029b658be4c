/** @module The radio field: exactly one of a few options, all shown at once (channel, yes / no / unsure). */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, optionsSchema } from './common-field-schemas';
import { optionData } from './data-fragments';
import { checkOptions, optionValues } from './field-checks';
import type { FieldTypeSpec } from './field-type';

export const radioFieldSchema = {
  type: 'object',
  required: ['key', 'type', 'options'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'radio' },
    options: optionsSchema,
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type RadioField = FromSchema<typeof radioFieldSchema>;

export const radioFieldType: FieldTypeSpec<RadioField> = {
  type: 'radio',
  schema: radioFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: (field) => optionData(field.options),
  checkDefinition: (field, path, locale) => checkOptions(field.options, path, locale),
  info: (field) => ({ options: optionValues(field.options), multiple: false }),
  refineError: (error, field) =>
    error.keyword === 'enum'
      ? { code: 'not-an-option', params: { allowed: optionValues(field.options) } }
      : undefined,
};
