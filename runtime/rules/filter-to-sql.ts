/**
 * @module Translates the JSON-Logic filter of a rule aggregate into SQL over a record's `data`, for
 * the shapes authors write — equality, membership, comparisons with numbers, and / or / not — so the
 * aggregate is computed by the database. Anything else returns `undefined`, and the caller falls
 * back to evaluating the filter with the engine over the rows SQL has narrowed down; the result is
 * the same either way (the engine's `computeAggregate` is the reference both are tested against).
 * Equality is strict (same JSON type), which is what JSON-Logic's `==` means for values of a form's
 * typed fields; a literal whose type differs from the field's is left to the engine.
 */
import type { Knex } from 'knex';
import type { FieldInfo } from '../../engine';
import type { Dialect } from '../config/database-url';

type Literal = string | number | boolean;

export interface SqlCondition {
  sql: string;
  bindings: Knex.Value[];
}

const PLAIN_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function isVar(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'var') return undefined;
  const arg = (node as { var: unknown }).var;
  const name = Array.isArray(arg) ? (arg.length === 1 ? arg[0] : undefined) : arg;
  return typeof name === 'string' && PLAIN_FIELD.test(name) ? name : undefined;
}

const isLiteral = (v: unknown): v is Literal =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The literal suits the field: numbers for numeric fields, strings for text-like ones, booleans for checkboxes. */
function fits(field: FieldInfo | undefined, value: Literal): boolean {
  if (!field || field.multiple) return false;
  if (field.numeric) return typeof value === 'number';
  if (field.type === 'checkbox') return typeof value === 'boolean';
  return typeof value === 'string';
}

/** SQL reading field `name` as its SQL value: a number, text or boolean-as-integer. */
export function fieldValueSql(dialect: Dialect, name: string, field: FieldInfo): string {
  if (dialect === 'sqlite') return `json_extract(data, '$.${name}')`;
  if (field.numeric)
    return `(case when jsonb_typeof(data->'${name}') = 'number' then (data->>'${name}')::float8 end)`;
  if (field.type === 'checkbox')
    return `(case when jsonb_typeof(data->'${name}') = 'boolean' then (data->>'${name}')::boolean end)`;
  return `(case when jsonb_typeof(data->'${name}') = 'string' then data->>'${name}' end)`;
}

function literalBinding(dialect: Dialect, value: Literal): Knex.Value {
  // SQLite's json_extract gives 1 / 0 for JSON true / false.
  if (typeof value === 'boolean' && dialect === 'sqlite') return value ? 1 : 0;
  return value;
}

const COMPARISONS: Record<string, string> = {
  '==': '=',
  '===': '=',
  '!=': '<>',
  '!==': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const MIRRORED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** `undefined` when the filter has a shape this translator does not cover. */
export function filterToSql(
  dialect: Dialect,
  logic: unknown,
  fields: Map<string, FieldInfo>,
): SqlCondition | undefined {
  if (typeof logic !== 'object' || logic === null || Array.isArray(logic)) return undefined;
  const [op, ...rest] = Object.keys(logic);
  if (op === undefined || rest.length > 0) return undefined;
  const args = (logic as Record<string, unknown>)[op];

  if (op === 'and' || op === 'or') {
    if (!Array.isArray(args) || args.length === 0) return undefined;
    const parts = args.map((a) => filterToSql(dialect, a, fields));
    if (parts.some((p) => p === undefined)) return undefined;
    const joiner = op === 'and' ? ' and ' : ' or ';
    return {
      sql: `(${parts.map((p) => p!.sql).join(joiner)})`,
      bindings: parts.flatMap((p) => p!.bindings),
    };
  }
  if (op === '!') {
    const inner = filterToSql(dialect, Array.isArray(args) ? args[0] : args, fields);
    // NULL (a missing field) is "not matching", so NOT must treat it as false first.
    return inner && { sql: `not coalesce(${inner.sql}, false)`, bindings: inner.bindings };
  }
  if (op in COMPARISONS && Array.isArray(args) && args.length === 2) {
    let [left, right] = args as [unknown, unknown];
    let sqlOp = COMPARISONS[op] as string;
    if (isVar(right) && !isVar(left)) {
      [left, right] = [right, left];
      sqlOp = MIRRORED[op] ?? sqlOp;
    }
    const name = isVar(left);
    if (!name || !isLiteral(right)) return undefined;
    const field = fields.get(name);
    if (!field || !fits(field, right)) return undefined;
    if (sqlOp !== '=' && sqlOp !== '<>' && typeof right !== 'number') return undefined;
    const value = fieldValueSql(dialect, name, field);
    // A missing field never equals a value, and "not equal" to it holds (as in JSON-Logic).
    const sql = sqlOp === '<>' ? `(${value} is null or ${value} <> ?)` : `${value} ${sqlOp} ?`;
    return { sql, bindings: [literalBinding(dialect, right)] };
  }
  if (op === 'in' && Array.isArray(args) && args.length === 2 && Array.isArray(args[1])) {
    const name = isVar(args[0]);
    const values = args[1] as unknown[];
    const field = name ? fields.get(name) : undefined;
    if (!name || !field || values.length === 0 || !values.every((v) => isLiteral(v) && fits(field, v)))
      return undefined;
    return {
      sql: `${fieldValueSql(dialect, name, field)} in (${values.map(() => '?').join(', ')})`,
      bindings: values.map((v) => literalBinding(dialect, v as Literal)),
    };
  }
  return undefined;
}
