/**
 * @module JSON columns across dialects: PostgreSQL's JSONB comes back parsed, SQLite's JSON as text.
 * Values are written as JSON text on both, which PostgreSQL casts to JSONB.
 */

export function readJson<T = unknown>(value: unknown): T {
  if (value === null || value === undefined) return value as T;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
