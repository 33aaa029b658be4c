/** @module The serial number field: the unit's serial, optionally constrained by the maker's pattern. */
import type { FromSchema } from 'json-schema-to-ts';
import { computableFieldProperties, patternSchema } from './common-field-schemas';
import { compact } from './data-fragments';
import { checkPattern } from './field-checks';
import type { FieldTypeSpec } from './field-type';

export const serialFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...computableFieldProperties,
    type: { const: 'serial' },
    pattern: patternSchema,
    default: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export type SerialField = FromSchema<typeof serialFieldSchema>;

export const serialFieldType: FieldTypeSpec<SerialField> = {
  type: 'serial',
  schema: serialFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: (field) => compact({ type: 'string', minLength: 1, maxLength: 64, pattern: field.pattern }),
  checkDefinition: (field, path, locale) => checkPattern(field.pattern, path, locale),
};
