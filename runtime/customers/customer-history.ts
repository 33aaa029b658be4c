/**
 * @module A customer's service history (`GET /api/customers/:id/history`): the customer record itself
 * when the id is one the caller may read, and every record whose `customer` column is the id, across
 * the forms the caller may read — all of a form's records with `read-all`, only their own (created by
 * or assigned to them) with `read-own` — newest first, each with its form's title, stage (and the
 * stage's label from its pinned flow), creation instant, assignee and a one-line summary. Paged by a
 * keyset cursor over (created at, id), so a page stays exact while new tickets arrive.
 */
import type { Knex } from 'knex';
import type { FlowDefinition, FormDefinition, LocalizedText } from '../../engine';
import type { AuthUser } from '../auth/access';
import { canReadRecord, formPermissions } from '../auth/form-permissions';
import { DefinitionStore } from '../definitions/definition-store';
import { badRequest } from '../records/record-query';
import type { RecordData, RecordRow } from '../records/record-rows';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { customerCard, recordSummary, type CustomerCard } from './customer-card';

export const HISTORY_DEFAULT_LIMIT = 20;
export const HISTORY_MAX_LIMIT = 100;

export interface HistoryEntry {
  id: string;
  form: string;
  formTitle: LocalizedText | null;
  stage: string | null;
  stageLabel: LocalizedText | null;
  createdAt: string;
  resolvedAt: string | null;
  assignee: string | null;
  summary: string;
}

export interface CustomerHistory {
  /** The customer record (as a card with its form's title), when the id is a record the caller may read. */
  customer: (CustomerCard & { formTitle: LocalizedText | null }) | null;
  items: HistoryEntry[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface HistoryParams {
  limit?: string;
  cursor?: string;
}

/** Published definitions read once per request. */
class Definitions {
  private readonly store: DefinitionStore;
  private readonly cache = new Map<string, Promise<unknown>>();
  constructor(runtime: RuntimeContext) {
    this.store = new DefinitionStore(runtime);
  }
  private get<T>(kind: 'form' | 'flow', key: string, version?: number): Promise<T | null> {
    const id = `${kind}:${key}@${version ?? 'latest'}`;
    if (!this.cache.has(id))
      this.cache.set(
        id,
        this.store.getPublished<T>(kind, key, version).then(
          (d) => d.body,
          () => null,
        ),
      );
    return this.cache.get(id) as Promise<T | null>;
  }
  form = (key: string, version?: number) => this.get<FormDefinition>('form', key, version);
  flow = (key: string, version: number) => this.get<FlowDefinition>('flow', key, version);
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return HISTORY_DEFAULT_LIMIT;
  if (!/^[0-9]{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > HISTORY_MAX_LIMIT)
    throw badRequest(
      'bad-limit',
      `\`limit\` must be a whole number from 1 to ${HISTORY_MAX_LIMIT}`,
      '/limit',
    );
  return Number(raw);
}

function parseCursor(raw: string): { at: number; id: string } {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
      at?: unknown;
      id?: unknown;
    };
    if (typeof cursor.at === 'number' && typeof cursor.id === 'string')
      return { at: cursor.at, id: cursor.id };
  } catch {
    // any damage is the same bad cursor
  }
  throw badRequest('bad-cursor', 'The cursor is not one this history gave out', '/cursor');
}

/** Limits `query` to the records `user` may read: per form, all of them or only their own. */
async function readableOnly(
  runtime: RuntimeContext,
  user: AuthUser,
  customerId: string,
  query: Knex.QueryBuilder,
): Promise<boolean> {
  const forms = (await runtime.db.knex('records').where({ customer: customerId }).distinct('form_key')) as {
    form_key: string;
  }[];
  const all: string[] = [];
  const own: string[] = [];
  for (const { form_key: form } of forms) {
    const permissions = await formPermissions(runtime, user.roles, form);
    if (permissions.has('read-all')) all.push(form);
    else if (permissions.has('read-own')) own.push(form);
  }
  if (all.length === 0 && own.length === 0) return false;
  query.where((scope) => {
    if (all.length > 0) scope.orWhereIn('records.form_key', all);
    if (own.length > 0)
      scope.orWhere((mine) =>
        mine
          .whereIn('records.form_key', own)
          .andWhere((who) => who.where('records.created_by', user.id).orWhere('records.assignee', user.id)),
      );
  });
  return true;
}

async function customerHead(
  runtime: RuntimeContext,
  user: AuthUser,
  id: string,
  definitions: Definitions,
): Promise<CustomerHistory['customer']> {
  const row = (await runtime.db.knex('records').where({ id }).first()) as RecordRow | undefined;
  if (!row || !canReadRecord(await formPermissions(runtime, user.roles, row.form_key), user, row))
    return null;
  const form = await definitions.form(row.form_key, Number(row.form_version));
  if (!form) return null;
  return {
    ...customerCard(row.id, row.form_key, form, readJson<RecordData>(row.data) ?? {}),
    formTitle: form.title ?? null,
  };
}

type HistoryRow = RecordRow & { flow_key: string | null; flow_version: number | string | null };

export async function customerHistory(
  runtime: RuntimeContext,
  user: AuthUser,
  customerId: string,
  params: HistoryParams = {},
): Promise<CustomerHistory> {
  const limit = parseLimit(params.limit);
  const cursor = params.cursor ? parseCursor(params.cursor) : null;
  const definitions = new Definitions(runtime);
  const customer = await customerHead(runtime, user, customerId, definitions);

  const knex = runtime.db.knex;
  const query = knex('records')
    .leftJoin('flow_instances', 'flow_instances.record_id', 'records.id')
    .where('records.customer', customerId);
  if (!(await readableOnly(runtime, user, customerId, query)))
    return { customer, items: [], nextCursor: null };
  if (cursor)
    query.andWhere((page) =>
      page
        .where('records.created_at', '<', cursor.at)
        .orWhere((tie) => tie.where('records.created_at', cursor.at).andWhere('records.id', '<', cursor.id)),
    );
  const rows = (await query
    .select('records.*', 'flow_instances.flow_key', 'flow_instances.flow_version')
    .orderBy([
      { column: 'records.created_at', order: 'desc' },
      { column: 'records.id', order: 'desc' },
    ])
    .limit(limit + 1)) as HistoryRow[];

  const page = rows.slice(0, limit);
  const items: HistoryEntry[] = [];
  for (const row of page) {
    const form = await definitions.form(row.form_key, Number(row.form_version));
    const flow =
      row.flow_key !== null ? await definitions.flow(row.flow_key, Number(row.flow_version)) : null;
    items.push({
      id: row.id,
      form: row.form_key,
      formTitle: form?.title ?? null,
      stage: row.stage,
      stageLabel: (row.stage !== null && flow?.machine.states[row.stage]?.meta?.label) || null,
      createdAt: new Date(Number(row.created_at)).toISOString(),
      resolvedAt: row.resolved_at === null ? null : new Date(Number(row.resolved_at)).toISOString(),
      assignee: row.assignee,
      summary: form ? recordSummary(form, readJson<RecordData>(row.data) ?? {}) : '',
    });
  }
  const last = page[page.length - 1];
  return {
    customer,
    items,
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify({ at: Number(last.created_at), id: last.id }), 'utf8').toString(
            'base64url',
          )
        : null,
  };
}
