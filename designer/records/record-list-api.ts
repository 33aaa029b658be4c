/**
 * @module The records list's call: one page of a form's records, newest first
 * (`GET /api/forms/:key/records?filter=&limit=&cursor=`), narrowed to a stage and to records whose
 * summary field contains a text — the list's filter ANDs conditions, so the search covers one field.
 */
import { api } from '../api/api-client';

export interface RecordListItem {
  id: string;
  form: string;
  stage: string | null;
  assignee: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  resolvedAt: string | null;
}

export interface RecordListQuery {
  /** A stage key; empty for every stage. */
  stage: string;
  /** Text the search field must contain; empty for no search. */
  text: string;
  /** The data field the text is searched in (null: the form has none, the text is ignored). */
  searchField: string | null;
}

export interface RecordListPage {
  items: RecordListItem[];
  /** Pass back for the next page; null on the last one. */
  nextCursor: string | null;
}

export function loadRecordPage(
  form: string,
  query: RecordListQuery,
  limit: number,
  cursor: string | null,
): Promise<RecordListPage> {
  const filter: Record<string, unknown> = {};
  if (query.stage !== '') filter.stage = query.stage;
  const text = query.text.trim();
  // `data.` names the data field even where a record column has the same name.
  if (text !== '' && query.searchField) filter[`data.${query.searchField}`] = { contains: text };
  const params = new URLSearchParams({ sort: '-createdAt', limit: String(limit) });
  if (Object.keys(filter).length > 0) params.set('filter', JSON.stringify(filter));
  if (cursor) params.set('cursor', cursor);
  return api<RecordListPage>(`/api/forms/${encodeURIComponent(form)}/records?${params}`);
}
