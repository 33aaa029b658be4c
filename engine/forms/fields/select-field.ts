/**
 * @module The select field: one option, or with `multiple` a list of distinct options (tags, symptoms)
 * bounded by minItems / maxItems.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, itemBoundProperties, optionsSchema } from './common-field-schemas';
import { compact, optionData } from './data-fragments';
import { checkAllBounds, checkOptions, optionValues } from './field-checks';
import type { FieldTypeSpec } from './field-type';

export const selectFieldSchema = {
  type: 'object',
  required: ['key', 'type', 'options'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'select' },
    options: optionsSchema,
    multiple: { type: 'boolean' },
    ...itemBoundProperties,
    // One value or a list depending on `multiple`; checked against the data schema.
    default: {},
  },
  additionalProperties: false,
} as const;

export type SelectField = FromSchema<typeof selectFieldSchema>;

export const selectFieldType: FieldTypeSpec<SelectField> = {
  type: 'select',
  schema: selectFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: (field) =>
    field.multiple
      ? compact({
          type: 'array',
          items: optionData(field.options),
          uniqueItems: true,
          minItems: field.minItems,
          maxItems: field.maxItems,
        })
      : optionData(field.options),
  checkDefinition: (field, path, locale) => [
    ...checkAllBounds(field, path, locale),
    ...checkOptions(field.options, path, locale),
  ],
  info: (field) => ({ options: optionValues(field.options), multiple: field.multiple === true }),
  refineError: (error, field) =>
    error.keyword === 'enum'
      ? { code: 'not-an-option', params: { allowed: optionValues(field.options) } }
      : undefined,
};
