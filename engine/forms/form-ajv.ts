/**
 * @module The Ajv instance for form *data* (not for definitions): JSON Schema 2020-12, strict, all
 * errors, `email` / `date` / `date-time` formats, and the `x-` annotations the data schema carries for
 * integrations. `verbose` keeps each error's schema so a bounded range reads "between 1 and 5".
 * Patterns run through `boundedRegExp`, which caps the text they see.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { boundedRegExp } from './bounded-regexp';

/** Annotations of the derived data schema; they describe, never constrain. */
export const DATA_SCHEMA_ANNOTATIONS = ['x-field-type', 'x-label', 'x-currency'] as const;

const ajv = new Ajv2020({
  strict: true,
  allErrors: true,
  verbose: true,
  // Money is `multipleOf: 0.01`; 1.15 / 0.01 is 114.99999999999999 in floating point.
  multipleOfPrecision: 6,
  // Field patterns are authored: never let one run over a text long enough to hang the server.
  code: { regExp: boundedRegExp },
});
addFormats(ajv, ['email', 'date', 'date-time']);
ajv.addVocabulary([...DATA_SCHEMA_ANNOTATIONS]);

/**
 * Compiles a data schema. The schema is dropped from Ajv's own cache straight away: callers keep the
 * function (compiled forms are cached per definition), and drafts validated once must not pile up.
 */
export function compileDataSchema(schema: object): ValidateFunction {
  const validate = ajv.compile(schema);
  ajv.removeSchema(schema);
  return validate;
}
