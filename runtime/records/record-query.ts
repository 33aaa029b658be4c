/**
 * @module The record list's query language, turned into SQL per dialect.
 *
 * `filter` is JSON: `{ "<field>": value | { "<op>": value, … }, … }`, every condition ANDed. A field is
 * a system column (`id`, `stage`, `assignee`, `customer`, `team`, `revision`, `formVersion`,
 * `createdAt`, `updatedAt`, `resolvedAt`, `createdBy`, `updatedBy`) or a top-level data field of the
 * form (`data.<key>` names a data field even when a system column has the same name). Ops: `eq`, `ne`,
 * `in`, `gt`, `gte`, `lt`, `lte`, `contains` (substring, case-insensitive, of a text; an element of a
 * multi-valued field). A bare value means `eq`; `null` with `eq` / `ne` tests presence; `ne` also
 * matches records without the field. Instants take ISO strings or epoch milliseconds.
 *
 * `sort` is a field, `-` in front for descending (`-createdAt`, the default); records without a value
 * come last either way, and the id breaks ties — which makes the keyset cursor exact.
 */
import type { Knex } from 'knex';
import type { FieldInfo, Issue } from '../../engine';
import { UserError } from '../http/errors';

type ValueType = 'text' | 'number' | 'boolean' | 'time' | 'list';

export interface ResolvedField {
  name: string;
  /** SQL over `records` (trusted text: column names and pattern-checked keys only). */
  sql: string;
  type: ValueType;
  /** The data field's key; absent for system columns. */
  key?: string;
}

const SYSTEM: Record<string, { column: string; type: ValueType }> = {
  id: { column: 'id', type: 'text' },
  stage: { column: 'stage', type: 'text' },
  assignee: { column: 'assignee', type: 'text' },
  customer: { column: 'customer', type: 'text' },
  team: { column: 'team', type: 'text' },
  revision: { column: 'revision', type: 'number' },
  formVersion: { column: 'form_version', type: 'number' },
  createdAt: { column: 'created_at', type: 'time' },
  updatedAt: { column: 'updated_at', type: 'time' },
  resolvedAt: { column: 'resolved_at', type: 'time' },
  createdBy: { column: 'created_by', type: 'text' },
  updatedBy: { column: 'updated_by', type: 'text' },
};

const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const OPS = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'contains'] as const;
type Op = (typeof OPS)[number];

export const badRequest = (
  code: string,
  message: string,
  path: string,
  params: Record<string, unknown> = {},
) => new UserError(400, code, message, [{ code, path, params, message } satisfies Issue]);

export class RecordQuery {
  private readonly fields = new Map<string, FieldInfo>();

  constructor(
    private readonly dialect: 'sqlite' | 'postgres',
    fields: readonly FieldInfo[],
  ) {
    for (const f of fields) if (!f.key.includes('.') && FIELD_KEY.test(f.key)) this.fields.set(f.key, f);
  }

  /** The SQL of `name` (a system column or data field); 400 naming it when it is neither. */
  resolve(name: string, path: string): ResolvedField {
    const explicit = name.startsWith('data.');
    const system = !explicit && Object.hasOwn(SYSTEM, name) ? SYSTEM[name] : undefined;
    if (system) return { name, sql: `records.${system.column}`, type: system.type };
    const key = explicit ? name.slice(5) : name;
    const info = this.fields.get(key);
    if (!info) {
      throw badRequest(
        'unknown-field',
        `"${name}" is neither a record column nor a field of the form`,
        path,
        {
          field: name,
        },
      );
    }
    const type: ValueType = info.multiple
      ? 'list'
      : info.numeric
        ? 'number'
        : info.type === 'checkbox'
          ? 'boolean'
          : 'text';
    // `key` matches FIELD_KEY, so inlining it into the JSON path is safe.
    if (this.dialect === 'sqlite') return { name, key, sql: `json_extract(records.data, '$.${key}')`, type };
    if (type === 'number')
      return {
        name,
        key,
        sql: `(CASE WHEN jsonb_typeof(records.data->'${key}') = 'number' THEN (records.data->>'${key}')::numeric END)`,
        type,
      };
    if (type === 'list') return { name, key, sql: `(records.data->'${key}')`, type };
    return { name, key, sql: `(records.data->>'${key}')`, type };
  }

  /** A filter value bound as the column stores it. */
  private bind(field: ResolvedField, value: unknown, path: string): Knex.Value {
    const wrong = (expected: string) =>
      badRequest('bad-filter-value', `"${field.name}" takes ${expected}`, path, {
        field: field.name,
        expected,
      });
    switch (field.type) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
        return value;
      case 'time': {
        const ms =
          typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
        if (!Number.isFinite(ms)) throw wrong('an ISO instant or epoch milliseconds');
        return ms;
      }
      case 'boolean':
        if (typeof value !== 'boolean') throw wrong('true or false');
        return this.dialect === 'postgres' ? String(value) : value ? 1 : 0;
      default:
        if (typeof value !== 'string' && typeof value !== 'number') throw wrong('a string');
        return String(value);
    }
  }

  /** Adds the conditions of the parsed `filter` to `query`. */
  applyFilter(query: Knex.QueryBuilder, filter: unknown): void {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      throw badRequest(
        'bad-filter',
        '`filter` must be a JSON object of field → value or { op: value }',
        '/filter',
      );
    }
    for (const [name, condition] of Object.entries(filter)) {
      const path = `/filter/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const field = this.resolve(name, path);
      const ops: [string, unknown][] =
        typeof condition === 'object' && condition !== null && !Array.isArray(condition)
          ? Object.entries(condition)
          : [['eq', condition]];
      if (ops.length === 0)
        throw badRequest('bad-filter', `The condition on "${name}" names no operator`, path);
      for (const [op, value] of ops) this.condition(query, field, op, value, `${path}/${op}`);
    }
  }

  private condition(
    query: Knex.QueryBuilder,
    field: ResolvedField,
    op: string,
    value: unknown,
    path: string,
  ): void {
    if (!(OPS as readonly string[]).includes(op)) {
      throw badRequest('unknown-operator', `Unknown operator "${op}" (use ${OPS.join(', ')})`, path, { op });
    }
    const sql = field.sql;
    switch (op as Op) {
      case 'eq':
      case 'ne': {
        const negate = op === 'ne';
        if (value === null) return void query.whereRaw(`${sql} IS ${negate ? 'NOT ' : ''}NULL`);
        if (field.type === 'list')
          throw badRequest('bad-filter', `Use "contains" on the list field "${field.name}"`, path);
        const bound = this.bind(field, value, path);
        return void (negate
          ? query.whereRaw(`(${sql} IS NULL OR ${sql} <> ?)`, [bound])
          : query.whereRaw(`${sql} = ?`, [bound]));
      }
      case 'in': {
        if (!Array.isArray(value) || value.length === 0 || value.length > 500) {
          throw badRequest('bad-filter-value', `"in" takes a list of 1 to 500 values`, path);
        }
        if (field.type === 'list')
          throw badRequest('bad-filter', `Use "contains" on the list field "${field.name}"`, path);
        const bound = value.map((v, i) => this.bind(field, v, `${path}/${i}`));
        return void query.whereRaw(`${sql} IN (${bound.map(() => '?').join(', ')})`, bound);
      }
      case 'contains': {
        if (typeof value !== 'string' && typeof value !== 'number') {
          throw badRequest('bad-filter-value', `"contains" takes a string`, path);
        }
        if (field.type === 'list') {
          return void (this.dialect === 'postgres'
            ? query.whereRaw(`${sql} @> ?::jsonb`, [JSON.stringify([value])])
            : query.whereRaw(
                `EXISTS (SELECT 1 FROM json_each(records.data, '$.${field.key}') AS e WHERE e.value = ?)`,
                [value],
              ));
        }
        if (field.type !== 'text')
          throw badRequest('bad-filter', `"contains" applies to text and list fields`, path);
        const pattern = `%${String(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return void query.whereRaw(`lower(${sql}) LIKE lower(?) ESCAPE '\\'`, [pattern]);
      }
      default: {
        if (field.type === 'list')
          throw badRequest('bad-filter', `"${op}" does not apply to the list field "${field.name}"`, path);
        if (value === null) throw badRequest('bad-filter-value', `"${op}" needs a value`, path);
        const symbol = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op as 'gt' | 'gte' | 'lt' | 'lte'];
        return void query.whereRaw(`${sql} ${symbol} ?`, [this.bind(field, value, path)]);
      }
    }
  }
}
