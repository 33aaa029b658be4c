/**
 * @module Membership and range operations. They replace json-logic-js's `in`, which throws on a
 * non-array, non-string haystack, and add `between` and `contains`; a bad argument gives false.
 */

/** `{"in": [needle, haystack]}`: element of an array, or substring of a string. */
export function inOperation(needle: unknown, haystack: unknown): boolean {
  if (Array.isArray(haystack)) return haystack.includes(needle);
  if (typeof haystack === 'string' && (typeof needle === 'string' || typeof needle === 'number')) {
    return haystack.includes(String(needle));
  }
  return false;
}

/** `{"contains": [haystack, needle]}`: the reverse argument order of `in`, as form conditions read. */
export function containsOperation(haystack: unknown, needle: unknown): boolean {
  return inOperation(needle, haystack);
}

/**
 * `{"between": [value, low, high]}`: low ≤ value ≤ high, inclusive at both ends. Numbers compare as
 * numbers; strings (ISO dates among them) compare lexically, which orders ISO dates correctly.
 */
export function betweenOperation(value: unknown, low: unknown, high: unknown): boolean {
  const comparable = (v: unknown) => typeof v === 'number' || typeof v === 'string';
  if (!comparable(value) || !comparable(low) || !comparable(high)) return false;
  if (typeof value !== typeof low || typeof value !== typeof high) return false;
  return (low as number) <= (value as number) && (value as number) <= (high as number);
}
