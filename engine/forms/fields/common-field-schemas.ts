/**
 * @module Meta-schema fragments shared by the field types: the properties every data field has, choice
 * options, numeric and length bounds, regex patterns. Plain `as const` objects so each field type's
 * branch can derive its TypeScript type with json-schema-to-ts.
 */
import { fieldKeySchema, localizedTextSchema, logicSchema } from '../../definitions/common-schemas';

/** Upper bound on an author-written regex; longer patterns are refused (see pattern-safety). */
export const MAX_PATTERN_LENGTH = 500;

/** Properties of every field, data or layout. */
export const baseFieldProperties = {
  key: fieldKeySchema,
  label: localizedTextSchema,
  help: localizedTextSchema,
  visibleWhen: logicSchema,
} as const;

/** Properties of every field that holds data. Each type adds its own `default` where one makes sense. */
export const dataFieldProperties = {
  ...baseFieldProperties,
  placeholder: localizedTextSchema,
  required: { type: 'boolean' },
  requiredWhen: logicSchema,
  readOnly: { type: 'boolean' },
  /** Storage hint: the runtime builds an expression index on this field. */
  indexed: { type: 'boolean' },
} as const;

/** Fields whose value can be derived by an expression (scalars) also accept `computed`. */
export const computableFieldProperties = {
  ...dataFieldProperties,
  /** JSON-Logic over the form's data; the result replaces whatever was submitted. */
  computed: logicSchema,
} as const;

/** A choice of select / radio / product. Values are strings so they read the same in SQL and JSON. */
export const optionSchema = {
  type: 'object',
  required: ['value'],
  properties: {
    value: { type: 'string', minLength: 1, maxLength: 100 },
    label: localizedTextSchema,
  },
  additionalProperties: false,
} as const;

export const optionsSchema = { type: 'array', minItems: 1, maxItems: 500, items: optionSchema } as const;

export const lengthBoundProperties = {
  minLength: { type: 'integer', minimum: 0, maximum: 100000 },
  maxLength: { type: 'integer', minimum: 1, maximum: 100000 },
} as const;

export const itemBoundProperties = {
  minItems: { type: 'integer', minimum: 0, maximum: 1000 },
  maxItems: { type: 'integer', minimum: 1, maximum: 1000 },
} as const;

export const numberBoundProperties = {
  minimum: { type: 'number' },
  maximum: { type: 'number' },
} as const;

/**
 * An author-written regex. The meta-schema only bounds the document; validity, the {@link
 * MAX_PATTERN_LENGTH} limit and backtracking safety are semantic checks with their own codes.
 */
export const patternSchema = { type: 'string', minLength: 1, maxLength: 4 * MAX_PATTERN_LENGTH } as const;
