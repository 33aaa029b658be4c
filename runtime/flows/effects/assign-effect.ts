/**
 * @module `assign` effects: the stage's owner role becomes a person in `records.assignee`, appended as
 * `record.assigned` with the reason (the inbox and the assignment notification read it). Candidates
 * are the active users holding the role. Strategies: `round-robin` (the default) picks the one assigned
 * least recently (never-assigned first, then by id); `least-loaded` the one with the fewest open
 * records (ties by round-robin); `previous-owner` keeps the current assignee when they hold the role
 * (else round-robin); `skills` matches the record to people (below); `manual` leaves the record
 * unassigned for a dispatcher. Nobody holding the role: the record is unassigned and
 * `record.unassigned` says why.
 *
 * `skills`: the record's skill tags are the values of its `category` field (a string) and its `skills`
 * field (a string or a list), compared without case with each candidate's `users.skills`; its region is
 * the `province` of the first `region` field of its form version, compared without case with each
 * candidate's `users.region` (or the part of it before a `/`, so `广东省/深圳市` serves 广东省). Candidates
 * matching the most tags win; among those, the ones in the record's region. Ties go to the least open
 * work (as `least-loaded`, then round-robin). The event's `reason` and `matched` say what matched.
 */
import type { AssignEffect } from '../../../engine';
import { assignmentColumns } from '../../records/handling-team';
import { readJson } from '../../storage/json-value';
import { appendStepEvent, setRecordColumns, writeStepEvents, type StepScope } from '../step-scope';

/** What choosing among a role's people reads: the record (for its load and needs) in a transaction. */
export type OwnerScope = Pick<StepScope, 'trx' | 'dialect' | 'recordId' | 'formKey'>;

interface Candidate {
  id: string;
  skills: string[];
  region: string | null;
  team: string | null;
}

async function candidateRows(scope: OwnerScope, role: string): Promise<Candidate[]> {
  const rows = (await scope
    .trx('users')
    .where({ active: true })
    .orderBy('id')
    .select('id', 'roles', 'skills', 'region', 'team')) as {
    id: string;
    roles: unknown;
    skills: unknown;
    region: string | null;
    team: string | null;
  }[];
  return rows
    .filter((row) => {
      const roles = readJson<unknown>(row.roles);
      return Array.isArray(roles) && roles.includes(role);
    })
    .map((row) => {
      const skills = readJson<unknown>(row.skills);
      return {
        id: row.id,
        skills: Array.isArray(skills) ? skills.filter((x): x is string => typeof x === 'string') : [],
        region: row.region ?? null,
        team: row.team ?? null,
      };
    });
}

const fold = (text: string) => text.trim().toLowerCase();

/** The record's skill tags and its region's province (see the module comment). */
async function recordNeeds(scope: OwnerScope): Promise<{ tags: string[]; province: string | null }> {
  const row = (await scope.trx('records').where({ id: scope.recordId }).first('data', 'form_version')) as
    { data: unknown; form_version: number } | undefined;
  const data = readJson<Record<string, unknown>>(row?.data) ?? {};
  const tags = new Set<string>();
  for (const value of [data.category, data.skills].flat()) {
    if (typeof value === 'string' && value.trim() !== '') tags.add(value.trim());
  }
  let province: string | null = null;
  const form = (await scope
    .trx('definitions')
    .where({ kind: 'form', key: scope.formKey, version: row?.form_version ?? -1 })
    .first('body')) as { body: unknown } | undefined;
  const regionKey = firstRegionField(readJson<{ fields?: unknown }>(form?.body)?.fields);
  const region = regionKey ? data[regionKey] : undefined;
  if (typeof region === 'object' && region !== null) {
    const value = (region as { province?: unknown }).province;
    if (typeof value === 'string' && value.trim() !== '') province = value.trim();
  }
  return { tags: [...tags], province };
}

/** The key of the first `region` field, looking into sections (their data is flat). */
function firstRegionField(fields: unknown): string | null {
  if (!Array.isArray(fields)) return null;
  for (const field of fields as { key?: unknown; type?: unknown; fields?: unknown }[]) {
    if (field.type === 'region' && typeof field.key === 'string') return field.key;
    const inner = firstRegionField(field.fields);
    if (inner) return inner;
  }
  return null;
}

interface SkillsChoice {
  assignee: string;
  reason: string;
  matched: { skills: string[]; region: string | null };
}

async function bySkills(
  scope: OwnerScope,
  users: Candidate[],
  stage: string,
  role: string,
): Promise<SkillsChoice> {
  const { tags, province } = await recordNeeds(scope);
  const scored = users.map((user) => {
    const own = new Set(user.skills.map(fold));
    const skills = tags.filter((tag) => own.has(fold(tag)));
    const home = user.region === null ? null : fold(user.region.split('/')[0]!);
    const region = province !== null && home !== null && home === fold(province);
    return { id: user.id, skills, region };
  });
  const most = Math.max(...scored.map((s) => s.skills.length));
  const bySkill = scored.filter((s) => s.skills.length === most);
  const best = bySkill.some((s) => s.region) ? bySkill.filter((s) => s.region) : bySkill;
  const assignee = await leastLoaded(
    scope,
    best.map((s) => s.id),
  );
  const chosen = best.find((s) => s.id === assignee)!;
  const parts: string[] = [];
  if (chosen.skills.length > 0) parts.push(`skills ${chosen.skills.join(', ')}`);
  if (chosen.region) parts.push(`region ${province!}`);
  const needs = [
    tags.length > 0 ? `skills ${tags.join(', ')}` : 'no skill tags',
    province !== null ? `region ${province}` : 'no region',
  ].join(' and ');
  const matched =
    parts.length > 0
      ? `matched ${parts.join(' and ')}`
      : `nobody matched the record's ${needs}; least open work`;
  return {
    assignee,
    reason: `Stage "${stage}" is owned by role "${role}" (skills: ${matched})`,
    matched: { skills: chosen.skills, region: chosen.region ? province : null },
  };
}

/**
 * The candidate assigned least recently (never first), by the `record.assigned` events: the newest
 * such event per candidate, each one an index lookup (migration 0008 indexes this very expression), so
 * the cost stays flat however many assignments the store holds. One statement asks for all candidates
 * at once — one scalar subquery each, as `max(id)` per value of an `in (…)` list would read every
 * matching index entry instead of the last one.
 */
async function leastRecentlyAssigned(scope: OwnerScope, users: string[]): Promise<string> {
  const last = new Map<string, number>();
  for (let start = 0; start < users.length; start += CANDIDATES_PER_STATEMENT) {
    const some = users.slice(start, start + CANDIDATES_PER_STATEMENT);
    const newest = await newestAssignments(scope, some);
    some.forEach((user, i) => {
      if (newest[i] !== null) last.set(user, newest[i]!);
    });
  }
  return [...users].sort((a, b) => (last.get(a) ?? -1) - (last.get(b) ?? -1) || a.localeCompare(b))[0]!;
}

/** Keeps a statement's bound values well below SQLite's limit however many people hold a role. */
const CANDIDATES_PER_STATEMENT = 200;

/** The id of each user's newest `record.assigned` event (null: never assigned), in `users`' order. */
async function newestAssignments(scope: OwnerScope, users: string[]): Promise<(number | null)[]> {
  const expr =
    scope.dialect === 'postgres' ? "(payload->>'assignee')" : "json_extract(payload, '$.assignee')";
  const columns = users.map(
    (_, i) => `(select max(id) from events where type = 'record.assigned' and ${expr} = ?) as c${i}`,
  );
  const result = (await scope.trx.raw(`select ${columns.join(', ')}`, users)) as unknown;
  // SQLite answers with the rows, PostgreSQL with a result holding them.
  const row = (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as Record<
    string,
    number | string | null
  >;
  return users.map((_, i) => {
    const id = row[`c${i}`];
    return id === null || id === undefined ? null : Number(id);
  });
}

async function leastLoaded(scope: OwnerScope, users: string[]): Promise<string> {
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

/**
 * The person a role's work goes to by the default strategy (`round-robin`): the active holder of
 * `role` assigned least recently; null when nobody holds it. Rules assigning to a role use it too.
 */
export async function roundRobinOwner(scope: OwnerScope, role: string): Promise<string | null> {
  const users = (await candidateRows(scope, role)).map((row) => row.id);
  return users.length > 0 ? leastRecentlyAssigned(scope, users) : null;
}

export async function assignOwner(scope: StepScope, effect: AssignEffect): Promise<void> {
  const { trx } = scope;
  // Round-robin reads the `record.assigned` events: this step's own must be among them (its other
  // events wait, to be written in one statement at the step's end).
  if (scope.pendingEvents?.some((event) => event.type === 'record.assigned')) await writeStepEvents(scope);
  const { role } = effect.owner;
  const strategy = effect.owner.strategy ?? 'round-robin';
  const previous =
    scope.assignee !== undefined
      ? scope.assignee
      : ((
          (await trx('records').where({ id: scope.recordId }).first('assignee')) as
            { assignee: string | null } | undefined
        )?.assignee ?? null);
  const rows = strategy === 'manual' ? [] : await candidateRows(scope, role);
  const users = rows.map((row) => row.id);
  let assignee: string | null = null;
  let skills: SkillsChoice | null = null;
  if (users.length > 0) {
    if (strategy === 'previous-owner' && previous && users.includes(previous)) assignee = previous;
    else if (strategy === 'least-loaded') assignee = await leastLoaded(scope, users);
    else if (strategy === 'skills') {
      skills = await bySkills(scope, rows, effect.stage, role);
      assignee = skills.assignee;
    } else assignee = await leastRecentlyAssigned(scope, users);
  }
  await setRecordColumns(scope, assignmentColumns(assignee, rows.find((row) => row.id === assignee)?.team));
  scope.assignee = assignee;
  const base = { form: scope.formKey, stage: effect.stage, role, strategy, previous };
  if (assignee === null) {
    const reason =
      strategy === 'manual'
        ? `Stage "${effect.stage}" is assigned by hand (role "${role}")`
        : `No active user has the role "${role}" that owns stage "${effect.stage}"`;
    await appendStepEvent(scope, {
      stream: 'record',
      streamId: scope.recordId,
      type: 'record.unassigned',
      actor: scope.actor,
      at: scope.now,
      payload: { ...base, assignee: null, reason },
    });
    return;
  }
  await appendStepEvent(scope, {
    stream: 'record',
    streamId: scope.recordId,
    type: 'record.assigned',
    actor: scope.actor,
    at: scope.now,
    payload: skills
      ? { ...base, assignee, reason: skills.reason, matched: skills.matched }
      : { ...base, assignee, reason: `Stage "${effect.stage}" is owned by role "${role}" (${strategy})` },
  });
}
