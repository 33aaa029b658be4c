/**
 * @module Listing a form's records (`GET /api/forms/:key/records?filter=&sort=&limit=&cursor=`):
 * filtered and sorted as `record-query.ts` describes, paged by keyset — the cursor is an opaque token
 * holding the last row's sort value and id, so pages stay exact while records are added.
 * `limit` is 50 by default and at most 500.
 */
import { listFormFields } from '../../engine';
import type { RuntimeContext } from '../runtime-context';
import { loadPublishedForm } from './published-form';
import { badRequest, RecordQuery, type ResolvedField } from './record-query';
import { recordFromRow, type RecordRow, type RecordView } from './record-rows';

export interface ListParams {
  filter?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  /** Only the records this user created or is assigned to (callers with `read-own` only). */
  onlyFor?: string;
}

export interface RecordPage {
  items: RecordView[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

interface Cursor {
  s: string;
  v: string | number | null;
  id: string;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  if (!/^[0-9]{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT) {
    throw badRequest('bad-limit', `\`limit\` must be a whole number from 1 to ${MAX_LIMIT}`, '/limit');
  }
  return Number(raw);
}

function parseCursor(raw: string, sort: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    const value = cursor.v;
    if (
      cursor.s === sort &&
      typeof cursor.id === 'string' &&
      (value === null || typeof value === 'string' || typeof value === 'number')
    )
      return cursor;
  } catch {
    // fall through: any damage is the same bad cursor
  }
  throw badRequest('bad-cursor', 'The cursor is not one this list gave out (with this sort)', '/cursor');
}

const makeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

export async function listRecords(
  runtime: RuntimeContext,
  formKey: string,
  params: ListParams,
): Promise<RecordPage> {
  const form = await loadPublishedForm(runtime, formKey);
  const q = new RecordQuery(runtime.db.dialect, listFormFields(form.definition));
  const limit = parseLimit(params.limit);
  const sortSpec = params.sort && params.sort !== '' ? params.sort : '-createdAt';
  const descending = sortSpec.startsWith('-');
  const sortField: ResolvedField = q.resolve(descending ? sortSpec.slice(1) : sortSpec, '/sort');
  if (sortField.type === 'list')
    throw badRequest('bad-sort', `Cannot sort by the list field "${sortField.name}"`, '/sort');

  const knex = runtime.db.knex;
  const query = knex('records').where('records.form_key', formKey);
  const onlyFor = params.onlyFor;
  if (onlyFor !== undefined) {
    query.where((own) => own.where('records.created_by', onlyFor).orWhere('records.assignee', onlyFor));
  }
  if (params.filter !== undefined && params.filter !== '') {
    let filter: unknown;
    try {
      filter = JSON.parse(params.filter);
    } catch {
      throw badRequest('bad-filter', '`filter` is not valid JSON', '/filter');
    }
    q.applyFilter(query, filter);
  }
  const expr = sortField.sql;
  if (params.cursor) {
    const cursor = parseCursor(params.cursor, sortSpec);
    const cmp = descending ? '<' : '>';
    if (cursor.v === null) query.whereRaw(`(${expr} IS NULL AND records.id ${cmp} ?)`, [cursor.id]);
    else
      query.whereRaw(`(${expr} ${cmp} ? OR (${expr} = ? AND records.id ${cmp} ?) OR ${expr} IS NULL)`, [
        cursor.v,
        cursor.v,
        cursor.id,
      ]);
  }
  const direction = descending ? 'DESC' : 'ASC';
  const rows = (await query
    .select('records.*', knex.raw(`${expr} AS sort_value`))
    .orderByRaw(`CASE WHEN ${expr} IS NULL THEN 1 ELSE 0 END, ${expr} ${direction}, records.id ${direction}`)
    .limit(limit + 1)) as (RecordRow & { sort_value: unknown })[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const value = last?.sort_value;
  return {
    items: page.map((row) => {
      const { sort_value: _sortValue, ...record } = row;
      return recordFromRow(record);
    }),
    nextCursor:
      rows.length > limit && last
        ? makeCursor({
            s: sortSpec,
            v:
              value === null || value === undefined
                ? null
                : typeof value === 'number'
                  ? value
                  : String(value),
            id: last.id,
          })
        : null,
  };
}
