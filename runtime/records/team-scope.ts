/**
 * @module The caller's team queue (`GET /api/tasks?assignee=team`): open records of the forms whose
 * records the caller may all read (`read-all`; admins every form), not assigned to the caller, that
 * are unassigned, or sit in a stage whose owner role (`meta.owner.role` of the flow) the caller holds,
 * or belong to the caller's team (the record's `team`, or an assignee in that team). A manager or
 * admin who belongs to no team sees every open record of those forms: a dispatcher's overview.
 *
 * Forms the caller reads only their own records of (`read-own`) add nothing: the queue lists what the
 * caller can open.
 */
import type { FlowDefinition } from '../../engine';
import { hasRole, type AuthUser } from '../auth/access';
import { formPermissions } from '../auth/form-permissions';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';

export interface TeamScope {
  /** The caller: their own records are their inbox, not the queue. */
  userId: string;
  /** Forms whose records the caller may read; null for every form (admins). */
  forms: string[] | null;
  /** Per form, the stages owned by a role the caller holds (any published flow version). */
  ownedStages: Record<string, string[]>;
  /** The caller's team, if any. */
  team: string | null;
  /** Every open record of `forms` (a manager or admin in no team). */
  everything: boolean;
}

/** Per form, the stages of its published flows whose owner role is one of `roles`. */
async function stagesOwnedBy(
  runtime: RuntimeContext,
  roles: readonly string[],
): Promise<Record<string, string[]>> {
  const rows = (await runtime.db
    .knex('definitions')
    .where({ kind: 'flow' })
    .andWhere('version', '>', 0)
    .select('body')) as { body: unknown }[];
  const owned: Record<string, Set<string>> = {};
  for (const row of rows) {
    const flow = readJson<FlowDefinition>(row.body);
    if (typeof flow?.form !== 'string') continue;
    for (const [stage, config] of Object.entries(flow.machine?.states ?? {})) {
      const role = config.meta?.owner?.role;
      if (role && roles.includes(role)) (owned[flow.form] ??= new Set()).add(stage);
    }
  }
  return Object.fromEntries(Object.entries(owned).map(([form, stages]) => [form, [...stages].sort()]));
}

/** The forms with open records whose records `user` may all read. */
async function readableForms(runtime: RuntimeContext, user: AuthUser): Promise<string[]> {
  const rows = (await runtime.db.knex('records').whereNull('resolved_at').distinct('form_key')) as {
    form_key: string;
  }[];
  const readable: string[] = [];
  for (const { form_key: form } of rows) {
    if ((await formPermissions(runtime, user.roles, form)).has('read-all')) readable.push(form);
  }
  return readable;
}

export async function teamScopeOf(runtime: RuntimeContext, user: AuthUser): Promise<TeamScope> {
  const admin = user.roles.includes('admin');
  return {
    userId: user.id,
    forms: admin ? null : await readableForms(runtime, user),
    ownedStages: await stagesOwnedBy(runtime, user.roles),
    team: user.team,
    everything: user.team === null && hasRole(user, 'manager'),
  };
}
