/**
 * @module `assign` effects: the stage's owner role becomes a person in `records.assignee`, appended as
 * `record.assigned` with the reason (the inbox and the assignment notification read it). Candidates
 * are the active users holding the role. Strategies: `round-robin` (the default) picks the one assigned
 * least recently (never-assigned first, then by id); `least-loaded` the one with the fewest open
 * records (ties by round-robin); `previous-owner` keeps the current assignee when they hold the role
 * (else round-robin); `manual` leaves the record unassigned for a dispatcher. Nobody holding the role:
 * the record is unassigned and `record.unassigned` says why.
 */
import type { AssignEffect } from '../../../engine';
import { appendEvent } from '../../events/append-event';
import { readJson } from '../../storage/json-value';
import type { StepScope } from '../step-scope';

async function candidates(scope: StepScope, role: string): Promise<string[]> {
  const rows = (await scope.trx('users').where({ active: true }).orderBy('id').select('id', 'roles')) as {
    id: string;
    roles: unknown;
  }[];
  return rows
    .filter((row) => {
      const roles = readJson<unknown>(row.roles);
      return Array.isArray(roles) && roles.includes(role);
    })
    .map((row) => row.id);
}

/** The candidate assigned least recently (never first), by the `record.assigned` events. */
async function leastRecentlyAssigned(scope: StepScope, users: string[]): Promise<string> {
  const expr = scope.dialect === 'postgres' ? "payload->>'assignee'" : "json_extract(payload, '$.assignee')";
  const rows = (await scope
    .trx('events')
    .where({ type: 'record.assigned' })
    .whereRaw(`${expr} in (${users.map(() => '?').join(', ')})`, users)
    .groupByRaw(expr)
    .select(scope.trx.raw(`${expr} as assignee`), scope.trx.raw('max(id) as last'))) as {
    assignee: string;
    last: number | string;
  }[];
  const last = new Map(rows.map((r) => [r.assignee, Number(r.last)]));
  return [...users].sort((a, b) => (last.get(a) ?? -1) - (last.get(b) ?? -1) || a.localeCompare(b))[0]!;
}

async function leastLoaded(scope: StepScope, users: string[]): Promise<string> {
  const rows = (await scope
    .trx('records')
    .whereIn('assignee', users)
    .whereNull('resolved_at')
    .whereNot({ id: scope.recordId })
    .groupBy('assignee')
    .select('assignee', scope.trx.raw('count(*) as n'))) as { assignee: string; n: number | string }[];
  const load = new Map(rows.map((r) => [r.assignee, Number(r.n)]));
  const least = Math.min(...users.map((u) => load.get(u) ?? 0));
  return leastRecentlyAssigned(
    scope,
    users.filter((u) => (load.get(u) ?? 0) === least),
  );
}

export async function assignOwner(scope: StepScope, effect: AssignEffect): Promise<void> {
  const { trx } = scope;
  const { role } = effect.owner;
  const strategy = effect.owner.strategy ?? 'round-robin';
  const record = (await trx('records').where({ id: scope.recordId }).first('assignee')) as
    { assignee: string | null } | undefined;
  const previous = record?.assignee ?? null;
  const users = strategy === 'manual' ? [] : await candidates(scope, role);
  let assignee: string | null = null;
  if (users.length > 0) {
    if (strategy === 'previous-owner' && previous && users.includes(previous)) assignee = previous;
    else if (strategy === 'least-loaded') assignee = await leastLoaded(scope, users);
    else assignee = await leastRecentlyAssigned(scope, users);
  }
  await trx('records').where({ id: scope.recordId }).update({ assignee });
  const base = { form: scope.formKey, stage: effect.stage, role, strategy, previous };
  if (assignee === null) {
    const reason =
      strategy === 'manual'
        ? `Stage "${effect.stage}" is assigned by hand (role "${role}")`
        : `No active user has the role "${role}" that owns stage "${effect.stage}"`;
    await appendEvent(trx, {
      stream: 'record',
      streamId: scope.recordId,
      type: 'record.unassigned',
      actor: scope.actor,
      at: scope.now,
      payload: { ...base, assignee: null, reason },
    });
    return;
  }
  await appendEvent(trx, {
    stream: 'record',
    streamId: scope.recordId,
    type: 'record.assigned',
    actor: scope.actor,
    at: scope.now,
    payload: {
      ...base,
      assignee,
      reason: `Stage "${effect.stage}" is owned by role "${role}" (${strategy})`,
    },
  });
}
