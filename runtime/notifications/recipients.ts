/**
 * @module Who a notification goes to, resolved to active users inside the consumer's transaction: a
 * user id, everyone holding a role, or the record's assignee. Ids that name no active user are dropped
 * (and logged) rather than failing the batch — a stale assignee must not stop every later notification.
 */
import type { Knex } from 'knex';
import { readJson } from '../storage/json-value';

export interface Recipient {
  id: string;
  email: string | null;
}

/** Who to notify, as the definitions say it. */
export type RecipientSpec = { user: string } | { role: string } | { assignee: true } | { field: string };

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

/** The active users the specs name, each once. */
export async function resolveRecipients(
  trx: Knex.Transaction,
  specs: readonly RecipientSpec[],
  record: RecordFacts,
): Promise<{ recipients: Recipient[]; unknown: string[] }> {
  const ids = new Set<string>();
  const roles = new Set<string>();
  for (const spec of specs) {
    if ('user' in spec) ids.add(spec.user);
    else if ('role' in spec) roles.add(spec.role);
    else if ('assignee' in spec) {
      if (record.assignee) ids.add(record.assignee);
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
  };
}
