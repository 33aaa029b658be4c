/**
 * @module Who a notification goes to, resolved to active users inside the consumer's transaction: a
 * user id, everyone holding a role, the record's assignee, the user in a field, or the user a rule's
 * lookup finds in another form's records. Ids that name no active user are dropped (and logged) rather
 * than failing the batch — a stale assignee must not stop every later notification. A lookup that finds
 * nobody is skipped like a field that names nobody (and said in the log).
 */
import type { Knex } from 'knex';
import type { Dialect } from '../config/database-url';
import { findLookupUser, type ResolvedLookup } from '../rules/lookup-recipient';
import { readJson } from '../storage/json-value';

export interface Recipient {
  id: string;
  email: string | null;
}

/** Who to notify, as the definitions say it. */
export type RecipientSpec =
  { user: string } | { role: string } | { assignee: true } | { field: string } | { lookup: ResolvedLookup };

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A rule's resolved lookup (`{ form, match, field }`) as stored in an event's params, else undefined. */
function lookupOf(value: unknown): ResolvedLookup | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { form, match, field } = value as Record<string, unknown>;
  if (typeof form !== 'string' || typeof field !== 'string') return undefined;
  if (typeof match !== 'object' || match === null || Array.isArray(match)) return undefined;
  if (!Object.values(match).every(isScalar)) return undefined;
  return { form, field, match: match as ResolvedLookup['match'] };
}

export interface RecordFacts {
  id: string | null;
  stage: string | null;
  assignee: string | null;
  data: Record<string, unknown>;
}

/** The record an event is about (stream `record`), for its assignee, stage and fields. */
export async function loadRecordFacts(
  trx: Knex.Transaction,
  stream: string,
  streamId: string,
  payload: Record<string, unknown>,
): Promise<RecordFacts> {
  const recordId =
    typeof payload.recordId === 'string' ? payload.recordId : stream === 'record' ? streamId : null;
  const row = recordId
    ? ((await trx('records').where({ id: recordId }).first('stage', 'assignee', 'data')) as
        { stage: string | null; assignee: string | null; data: unknown } | undefined)
    : undefined;
  return {
    id: recordId,
    stage: typeof payload.stage === 'string' ? payload.stage : (row?.stage ?? null),
    assignee: typeof payload.assignee === 'string' ? payload.assignee : (row?.assignee ?? null),
    data: row ? (readJson<Record<string, unknown>>(row.data) ?? {}) : {},
  };
}

/** Reads `to` / `role` / `user` / `assignee` of a notify action's params into specs. */
export function specsFromParams(params: Record<string, unknown>): RecipientSpec[] {
  const specs: RecipientSpec[] = [];
  const one = (value: unknown) => {
    if (value === 'assignee') specs.push({ assignee: true });
    else if (typeof value === 'object' && value !== null) {
      const v = value as Record<string, unknown>;
      if (typeof v.user === 'string') specs.push({ user: v.user });
      else if (typeof v.role === 'string') specs.push({ role: v.role });
      else if (typeof v.field === 'string') specs.push({ field: v.field });
      else if (lookupOf(v.lookup)) specs.push({ lookup: lookupOf(v.lookup)! });
      else if (v.assignee === true) specs.push({ assignee: true });
    }
  };
  if (Array.isArray(params.to)) params.to.forEach(one);
  else one(params.to);
  if (typeof params.role === 'string') specs.push({ role: params.role });
  if (Array.isArray(params.roles))
    for (const r of params.roles) if (typeof r === 'string') specs.push({ role: r });
  if (typeof params.user === 'string') specs.push({ user: params.user });
  if (typeof params.userId === 'string') specs.push({ user: params.userId });
  if (params.assignee === true) specs.push({ assignee: true });
  return specs;
}

interface UserRow {
  id: string;
  email: string | null;
  roles: unknown;
}

/**
 * The active users the specs name, each once; `unknown` lists ids that are not active users, `unmatched`
 * why each lookup that found nobody did not.
 */
export async function resolveRecipients(
  trx: Knex.Transaction,
  specs: readonly RecipientSpec[],
  record: RecordFacts,
  dialect: Dialect,
): Promise<{ recipients: Recipient[]; unknown: string[]; unmatched: string[] }> {
  const ids = new Set<string>();
  const roles = new Set<string>();
  const unmatched: string[] = [];
  for (const spec of specs) {
    if ('user' in spec) ids.add(spec.user);
    else if ('role' in spec) roles.add(spec.role);
    else if ('assignee' in spec) {
      if (record.assignee) ids.add(record.assignee);
    } else if ('lookup' in spec) {
      const found = await findLookupUser(trx, dialect, spec.lookup);
      if ('user' in found) ids.add(found.user);
      else unmatched.push(found.missing);
    } else {
      const value = record.data[spec.field];
      if (typeof value === 'string' && value.length > 0) ids.add(value);
    }
  }
  const found = new Map<string, Recipient>();
  if (ids.size > 0) {
    const rows = (await trx('users')
      .whereIn('id', [...ids])
      .andWhere({ active: true })
      .select('id', 'email', 'roles')) as UserRow[];
    for (const r of rows) found.set(r.id, { id: r.id, email: r.email ?? null });
  }
  if (roles.size > 0) {
    // Roles are a JSON array per user; the team is small enough to filter here, the same on both dialects.
    const rows = (await trx('users').where({ active: true }).select('id', 'email', 'roles')) as UserRow[];
    for (const r of rows) {
      const held = readJson<string[]>(r.roles) ?? [];
      if (held.some((role) => roles.has(role))) found.set(r.id, { id: r.id, email: r.email ?? null });
    }
  }
  return {
    recipients: [...found.values()].sort((a, b) => a.id.localeCompare(b.id)),
    unknown: [...ids].filter((id) => !found.has(id)),
    unmatched,
  };
}
