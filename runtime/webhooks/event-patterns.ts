/**
 * @module Which events a subscription wants: exact types (`sla.breached`), a family (`record.*` — every
 * type under `record.`), or `*` for all.
 */

const PATTERN = /^(\*|[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*(\.\*)?)$/;

export function isEventPattern(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 80 && PATTERN.test(value);
}

export function matchesEventPattern(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function matchesAnyPattern(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => matchesEventPattern(p, type));
}
