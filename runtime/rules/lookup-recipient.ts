/**
 * @module Finds the user a rule's lookup recipient names ("the owner of the product line"): among the
 * records of the lookup form whose fields equal the match values, the most recently updated one, and
 * the user id in its `field`. Done in SQL on both dialects inside the caller's transaction. Equality is
 * strict (same JSON type), as in the rule filters; a match value that is empty (`null`) matches no
 * record rather than every record lacking the field. Callers get the user or a sentence saying why
 * there is none, naming the form and the match, for firing history and logs.
 */
import type { Knex } from 'knex';
import type { ResolvedAction } from '../../engine';
import type { Dialect } from '../config/database-url';
import { pgPath, sqlitePath } from '../reports/json-paths';

type Recipient = Extract<ResolvedAction, { type: 'assign' }>['assignee'];
export type ResolvedLookup = Extract<Recipient, { lookup: unknown }>['lookup'];
type MatchValue = ResolvedLookup['match'][string];

export type LookupResult = { user: string; record: string } | { missing: string };

/** The keys the schema allows (field keys); anything else never reaches SQL. */
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function checkedKey(key: string): string {
  if (!FIELD_KEY.test(key)) throw new Error(`lookup field key is not a plain field key: ${key}`);
  return key;
}

/** `line = "TV-55" and region = "EU"`; an empty value shows as `(empty)`. */
export function describeMatch(match: ResolvedLookup['match']): string {
  return Object.entries(match)
    .map(([key, value]) => `${key} = ${value === null ? '(empty)' : JSON.stringify(value)}`)
    .join(' and ');
}

/** `the "product-line" record with line = "TV-55"`. */
export function describeLookup(lookup: ResolvedLookup): string {
  return `the "${lookup.form}" record with ${describeMatch(lookup.match)}`;
}

/** SQL true when field `key` of `data` holds exactly `value` (same JSON type). */
function equalsSql(dialect: Dialect, key: string, value: Exclude<MatchValue, null>): [string, Knex.Value] {
  if (dialect === 'postgres') return [`${pgPath('data', [key], false)} = ?::jsonb`, JSON.stringify(value)];
  const path = sqlitePath([key]);
  // json_type tells JSON true/false apart from the numbers 1/0 json_extract gives for them.
  if (typeof value === 'boolean') return [`json_type(data, ${path}) = ?`, value ? 'true' : 'false'];
  const types = typeof value === 'number' ? `('integer', 'real')` : `('text')`;
  return [`(json_type(data, ${path}) in ${types} and json_extract(data, ${path}) = ?)`, value];
}

/** SQL reading field `key` as text when it holds a string, else NULL. */
function userSql(dialect: Dialect, key: string): string {
  if (dialect === 'postgres')
    return `case when jsonb_typeof(${pgPath('data', [key], false)}) = 'string' then ${pgPath('data', [key], true)} end`;
  const path = sqlitePath([key]);
  return `case when json_type(data, ${path}) = 'text' then json_extract(data, ${path}) end`;
}

/** The user the lookup finds, or why there is none. */
export async function findLookupUser(
  trx: Knex.Transaction,
  dialect: Dialect,
  lookup: ResolvedLookup,
): Promise<LookupResult> {
  const entries = Object.entries(lookup.match);
  if (entries.length === 0 || entries.some(([, value]) => value === null))
    return { missing: `no "${lookup.form}" record has ${describeMatch(lookup.match)}` };
  let query = trx('records').where('form_key', lookup.form);
  for (const [key, value] of entries) {
    const [sql, binding] = equalsSql(dialect, checkedKey(key), value as Exclude<MatchValue, null>);
    query = query.whereRaw(sql, [binding]);
  }
  const row = (await query
    .orderBy([
      { column: 'updated_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first('id', trx.raw(`${userSql(dialect, checkedKey(lookup.field))} as ??`, ['lookup_user']))) as
    { id: string; lookup_user: string | null } | undefined;
  if (!row) return { missing: `no "${lookup.form}" record has ${describeMatch(lookup.match)}` };
  if (!row.lookup_user)
    return { missing: `${describeLookup(lookup)} names no user in field "${lookup.field}"` };
  return { user: row.lookup_user, record: row.id };
}
