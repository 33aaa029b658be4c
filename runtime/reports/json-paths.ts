/**
 * @module Reading values inside JSON columns per dialect: PostgreSQL `doc->'a'->>'b'`, SQLite
 * `json_extract(doc, '$.a."b c"')`, and ISO-8601 text → epoch ms, guarded so a value that is not an
 * ISO instant reads as NULL (as in the engine) instead of failing the whole query.
 */
import type { Dialect } from '../config/database-url';
import { stringLiteral } from './sql-fragment';

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** SQLite JSON path `$.a."b c"`; keys that cannot be quoted safely are refused. */
export function sqlitePath(path: readonly string[]): string {
  const parts = path.map((key) => {
    if (PLAIN_KEY.test(key)) return `.${key}`;
    if (/["\\?']/.test(key) || key === '') throw new Error(`Unsupported JSON key in report: ${key}`);
    return `."${key}"`;
  });
  return stringLiteral(`$${parts.join('')}`);
}

/** PostgreSQL `doc->'a'->'b'` (json) or `doc->'a'->>'b'` (text). */
export function pgPath(doc: string, path: readonly string[], asText: boolean): string {
  if (path.length === 0) return doc;
  const keys = path.map((k) => stringLiteral(k));
  const last = keys.pop()!;
  return `${doc}${keys.map((k) => `->${k}`).join('')}${asText ? '->>' : '->'}${last}`;
}

const PG_ISO = `'^\\d{4}-\\d{2}-\\d{2}T'`;
const SQLITE_ISO = `'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'`;

/** An ISO-8601 text value → epoch ms (NULL unless it looks like the engine's ISO instants). */
export function isoToMillis(dialect: Dialect, text: string): string {
  return dialect === 'postgres'
    ? `CASE WHEN ${text} ~ ${PG_ISO} THEN floor(extract(epoch from (${text})::timestamptz) * 1000)::bigint END`
    : `CASE WHEN ${text} GLOB ${SQLITE_ISO} THEN CAST(round(unixepoch(${text}, 'subsec') * 1000) AS INTEGER) END`;
}
