/** @module The single-line text field: a string with optional length bounds and a pattern. */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, lengthBoundProperties, patternSchema } from './common-field-schemas';
import { stringData } from './data-fragments';
import { checkAllBounds, checkPattern, checkPatternSubject } from './field-checks';
import type { FieldTypeSpec } from './field-type';

/** Length limit of a text value when the author set none. */
export const TEXT_DEFAULT_MAX_LENGTH = 500;

export const textFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'text' },
    ...lengthBoundProperties,
    pattern: patternSchema,
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type TextField = FromSchema<typeof textFieldSchema>;

export const textFieldType: FieldTypeSpec<TextField> = {
  type: 'text',
  schema: textFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: (field) => stringData(field, TEXT_DEFAULT_MAX_LENGTH),
  checkDefinition: (field, path, locale) => [
    ...checkAllBounds(field, path, locale),
    ...checkPattern(field.pattern, path, locale),
    ...checkPatternSubject(field, path, locale),
  ],
};
