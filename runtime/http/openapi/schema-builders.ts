/**
 * @module Builders for the response schemas, typed against the TypeScript types the services return:
 * `closedObject<T>()` must be given a schema for every key of `T` and nothing else, and told which keys
 * are optional, so a field added to a view without being documented (or documented and then removed)
 * fails to compile; `enumOf<T>()` must list every member of a string union. What the compiler cannot
 * see — `null`, number vs integer — is held to real answers by `tests/runtime/http/openapi-responses`.
 */
import type { JsonObject } from './openapi-parts';

/** The keys of `T` that may be absent. */
export type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** A schema for each key of `T`. */
export type PropertiesOf<T> = { [K in keyof T]-?: JsonObject };

/**
 * `{ type: 'object', required, properties, additionalProperties: false }` for the view type `T`; every
 * key is required except those in `optional` (exactly the optional keys of `T`).
 */
export function closedObject<T>(
  properties: PropertiesOf<T>,
  optional: { [K in OptionalKeys<T>]-?: true },
  description?: string,
): JsonObject {
  const required = Object.keys(properties).filter((key) => !(key in optional));
  return {
    type: 'object',
    ...(description ? { description } : {}),
    ...(required.length > 0 ? { required } : {}),
    properties,
    additionalProperties: false,
  };
}

type Exhaustive<T extends string, V extends readonly string[]> = [T] extends [V[number]]
  ? unknown
  : { missing: Exclude<T, V[number]> };

/** `{ enum }` of every member of the string union `T` (a missing one fails to compile), optionally with null. */
export const enumOf =
  <T extends string>() =>
  <const V extends readonly T[]>(values: V & Exhaustive<T, V>, options: { nullable?: boolean } = {}) => ({
    enum: options.nullable ? [...values, null] : [...values],
  });

export const nullable = (type: string): JsonObject => ({ type: [type, 'null'] });
export const isoInstant: JsonObject = { type: 'string', format: 'date-time' };
export const nullableInstant: JsonObject = { type: ['string', 'null'], format: 'date-time' };
export const stringList: JsonObject = { type: 'array', items: { type: 'string' } };
export const arrayOf = (items: JsonObject, description?: string): JsonObject => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
/** An object whose keys are user data (field keys, output names), each value of `values`. */
export const mapOf = (values: JsonObject | true, description?: string): JsonObject => ({
  type: 'object',
  additionalProperties: values,
  ...(description ? { description } : {}),
});
/** Field values or event data: open by nature. */
export const userData = (description: string): JsonObject => ({ type: 'object', description });
export const nullableOf = (schema: JsonObject): JsonObject => ({ oneOf: [schema, { type: 'null' }] });
