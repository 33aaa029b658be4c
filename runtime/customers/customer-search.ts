/**
 * @module The customer picker's search (`GET /api/customers/search?form=&q=&limit=`): records of the
 * customer form the caller may read (all, or only their own with `read-own`) whose text-like top-level
 * fields (name, phone, email, serial, product) or serial numbers inside a repeating group (the products
 * a customer owns) contain `q`, case-insensitively — or whose id is `q`. Newest first; without `q`, the
 * newest customers. Each answer is a card (name, tier, phone) with the data the picker fills from.
 */
import { listFormFields, type FieldInfo } from '../../engine';
import { loadPublishedForm } from '../records/published-form';
import { badRequest, RecordQuery } from '../records/record-query';
import type { RecordData, RecordRow } from '../records/record-rows';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { customerCard, type CustomerCard } from './customer-card';

export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_LIMIT = 50;
const MAX_QUERY_LENGTH = 100;

/** Field types whose text a search looks into. */
const SEARCHED = new Set(['text', 'phone', 'email', 'serial', 'product']);
/** Inside repeating groups only serial numbers and models are searched (the products a customer owns). */
const SEARCHED_IN_GROUPS = new Set(['serial', 'product']);
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export interface CustomerMatch extends CustomerCard {
  /** The customer record's data: the picker copies its `fill` fields from it. */
  data: RecordData;
}

export interface SearchParams {
  q?: string;
  limit?: string;
  /** Only records this user created or is assigned to (callers with `read-own` only). */
  onlyFor?: string;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return SEARCH_DEFAULT_LIMIT;
  if (!/^[0-9]{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > SEARCH_MAX_LIMIT)
    throw badRequest('bad-limit', `\`limit\` must be a whole number from 1 to ${SEARCH_MAX_LIMIT}`, '/limit');
  return Number(raw);
}

/** SQL testing whether any row of group `group` has `field` matching the bound pattern. */
function inGroupSql(dialect: 'sqlite' | 'postgres', group: string, field: string): string {
  if (dialect === 'sqlite')
    return `EXISTS (SELECT 1 FROM json_each(records.data, '$.${group}') AS r WHERE lower(json_extract(r.value, '$.${field}')) LIKE lower(?) ESCAPE '\\')`;
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(records.data->'${group}') = 'array' THEN records.data->'${group}' ELSE '[]'::jsonb END) AS r WHERE lower(r->>'${field}') LIKE lower(?) ESCAPE '\\')`;
}

export async function searchCustomers(
  runtime: RuntimeContext,
  formKey: string,
  params: SearchParams,
): Promise<{ items: CustomerMatch[] }> {
  const limit = parseLimit(params.limit);
  const q = (params.q ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH)
    throw badRequest('bad-query', `\`q\` is longer than ${MAX_QUERY_LENGTH} characters`, '/q');
  const form = await loadPublishedForm(runtime, formKey);
  const fields: FieldInfo[] = listFormFields(form.definition);
  const dialect = runtime.db.dialect;
  const columns = new RecordQuery(dialect, fields);

  const knex = runtime.db.knex;
  const query = knex('records').where('records.form_key', formKey);
  const onlyFor = params.onlyFor;
  if (onlyFor !== undefined)
    query.where((own) => own.where('records.created_by', onlyFor).orWhere('records.assignee', onlyFor));
  if (q !== '') {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.where((match) => {
      match.where('records.id', q);
      for (const field of fields) {
        const [group, inner] = field.key.split('.');
        if (inner === undefined && SEARCHED.has(field.type)) {
          // `data.` names the field even when a system column has the same name (`team`, `stage`).
          const sql = columns.resolve(`data.${field.key}`, '/q').sql;
          match.orWhereRaw(`lower(${sql}) LIKE lower(?) ESCAPE '\\'`, [pattern]);
        } else if (
          inner !== undefined &&
          SEARCHED_IN_GROUPS.has(field.type) &&
          KEY.test(group!) &&
          KEY.test(inner)
        ) {
          // Both keys match KEY, so inlining them into the JSON paths is safe.
          match.orWhereRaw(inGroupSql(dialect, group!, inner), [pattern]);
        }
      }
    });
  }
  const rows = (await query
    .select('records.id', 'records.data')
    .orderBy([
      { column: 'records.created_at', order: 'desc' },
      { column: 'records.id', order: 'desc' },
    ])
    .limit(limit)) as Pick<RecordRow, 'id' | 'data'>[];
  return {
    items: rows.map((row) => {
      const data = readJson<RecordData>(row.data) ?? {};
      return { ...customerCard(row.id, formKey, form.definition, data), data };
    }),
  };
}
