/**
 * @module SQL fragments for the report query builder: text with `?` placeholders plus its bindings,
 * combined in order so the bindings always line up with the placeholders. Also identifier quoting
 * and the literals that are safe to inline (finite numbers, booleans, NULL); strings are always bound.
 */
import type { Knex } from 'knex';
import type { Dialect } from '../config/database-url';

export type Binding = Knex.Value;

export interface Sql {
  text: string;
  bindings: Binding[];
}

export const sql = (text: string, bindings: Binding[] = []): Sql => ({ text, bindings });

/** Joins fragments with a separator, keeping their bindings in order. */
export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return {
    text: parts.map((p) => p.text).join(separator),
    bindings: parts.flatMap((p) => p.bindings),
  };
}

/**
 * A tagged template over fragments: `fmt\`count(${arg})\`` splices `arg`'s text and bindings; plain
 * strings and numbers in the holes are spliced as text (callers pass only identifiers or literals they
 * built with the helpers below).
 */
export function fmt(strings: TemplateStringsArray, ...holes: (Sql | string | number)[]): Sql {
  let text = strings[0] ?? '';
  const bindings: Binding[] = [];
  holes.forEach((hole, i) => {
    if (typeof hole === 'object') {
      text += hole.text;
      bindings.push(...hole.bindings);
    } else text += String(hole);
    text += strings[i + 1] ?? '';
  });
  return { text, bindings };
}

const SAFE_ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Quotes an identifier the way knex does for the dialect (`"x"` / `` `x` ``). */
export function quoteId(dialect: Dialect, name: string): string {
  const q = dialect === 'postgres' ? '"' : '`';
  return q + name.split(q).join(q + q) + q;
}

/** A table alias from the plan: only plain identifiers are accepted. */
export function alias(dialect: Dialect, name: string): string {
  if (!SAFE_ALIAS.test(name)) throw new Error(`Unsafe table alias in query plan: ${JSON.stringify(name)}`);
  return quoteId(dialect, name);
}

/** A string literal inlined into SQL text (only for values the builder itself controls). */
export function stringLiteral(value: string): string {
  if (value.includes('?')) throw new Error(`A "?" cannot be inlined into report SQL: ${value}`);
  return `'${value.split("'").join("''")}'`;
}

/** A finite number inlined as text (it cannot carry SQL). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number in query plan: ${value}`);
  return String(value);
}

export const booleanLiteral = (dialect: Dialect, value: boolean) =>
  dialect === 'postgres' ? (value ? 'TRUE' : 'FALSE') : value ? '1' : '0';
