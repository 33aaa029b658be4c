/**
 * @module Property access for expressions that never reaches prototypes. json-logic-js's own `var`
 * walks the prototype chain (`{"var":"__proto__.constructor.name"}` gives "Object"); this one reads
 * own properties only and treats `__proto__`, `constructor` and `prototype` as absent.
 */

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads a dotted path (`customer.tier`, `items.0.qty`) from `data`; absent → `undefined`. */
export function readPath(data: unknown, path: string | number): unknown {
  if (path === '' || path === null || path === undefined) return data;
  const segments = String(path).split('.');
  let current: unknown = data;
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) return undefined;
    if (current === null || current === undefined) return undefined;
    if (typeof current !== 'object' && typeof current !== 'string') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The `var` operation: `{"var": "path"}` or `{"var": ["path", default]}`; absent values give the default or null. */
export function safeVar(this: unknown, path: unknown, fallback?: unknown): unknown {
  const value = readPath(this, path as string);
  if (value === undefined) return fallback === undefined ? null : fallback;
  return value;
}
