/**
 * @module The one Ajv instance for the engine's own meta-schemas: JSON Schema 2020-12, strict, all
 * errors, discriminated unions. Compiled validators are cached by schema object.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

// strictRequired is off because a discriminated union requires its tag at the union's level, where
// the tag's schema lives in the branches (Ajv's documented discriminator pattern).
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, discriminator: true });

const compiled = new WeakMap<object, ValidateFunction>();

/** The compiled validator of a meta-schema (compiled on first use). */
export function metaValidator(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
