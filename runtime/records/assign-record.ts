/**
 * @module Assigning a record by hand (`POST /api/records/:id/assign`): a dispatcher sets
 * `records.assignee` to an active user, or clears it, and the record's stream gets `record.assigned`
 * (or `record.unassigned`) with `{ assignee, previous, reason, by, manual: true }` in the same
 * transaction — the inbox, the timeline and the assignment notification read it like an automatic one.
 * An unknown or inactive user is 422 naming `/assignee`; assigning the current assignee again is still
 * recorded (the reason may be new). `applyAssignment` is the same inside a caller's transaction: a
 * rule's `assign` action records `{ manual: false, rule }` instead of `manual: true`.
 */
import type { Knex } from 'knex';
import { appendEvent } from '../events/append-event';
import { invalid } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { assignmentColumns } from './handling-team';
import { readRecord, type RecordDetail } from './read-record';
import { lockRecord, type Actor } from './record-rows';

export const MAX_REASON_LENGTH = 500;

/** 422 at `/assignee`: the named user does not exist or is not active. */
export function unknownAssignee(assignee: string): Error {
  return invalid(
    [
      {
        code: 'unknown-assignee',
        path: '/assignee',
        params: { assignee },
        message: `"${assignee}" is not an active user`,
      },
    ],
    'The assignee must be an active user',
  );
}

export interface AssignInput {
  assignee: string | null;
  reason?: string;
}

/** The body of the route as an `AssignInput`, else 422 naming the member. */
export function assignInputOf(body: Record<string, unknown>): AssignInput {
  const { assignee, reason } = body;
  if (assignee !== null && (typeof assignee !== 'string' || assignee === '')) {
    throw invalid([
      { code: 'invalid-assignee', path: '/assignee', message: '`assignee` must be a user id or null' },
    ]);
  }
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH)) {
    throw invalid([
      {
        code: 'invalid-reason',
        path: '/reason',
        message: `\`reason\` must be text of at most ${MAX_REASON_LENGTH} characters`,
      },
    ]);
  }
  return { assignee, ...(reason ? { reason } : {}) };
}

/** Who asked for an assignment: a person by hand, or a rule (named in the event). */
export type AssignmentOrigin = { manual: true } | { manual: false; rule: string };

export interface AssignmentOptions {
  actor: Actor;
  /** Epoch ms of the assignment. */
  at: number;
  origin?: AssignmentOrigin;
}

/**
 * Assigns record `id` inside `trx` (its row locked first): 404 for a missing record and 422 for an
 * unknown or inactive assignee, both thrown before anything is written.
 */
export async function applyAssignment(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  id: string,
  input: AssignInput,
  { actor, at, origin = { manual: true } }: AssignmentOptions,
): Promise<void> {
  const row = await lockRecord(trx, runtime.db.dialect, id);
  let team: string | null = null;
  if (input.assignee !== null) {
    const user = (await trx('users').where({ id: input.assignee }).first('active', 'team')) as
      { active: boolean | number; team: string | null } | undefined;
    if (!user || !user.active) throw unknownAssignee(input.assignee);
    team = user.team;
  }
  const previous = row.assignee ?? null;
  await trx('records')
    .where({ id })
    .update({ ...assignmentColumns(input.assignee, team), updated_at: at });
  await appendEvent(trx, {
    stream: 'record',
    streamId: id,
    type: input.assignee === null ? 'record.unassigned' : 'record.assigned',
    actor: actor.id,
    at,
    payload: {
      form: row.form_key,
      stage: row.stage ?? null,
      assignee: input.assignee,
      previous,
      reason: input.reason ?? null,
      by: actor.id,
      ...origin,
    },
  });
}

export async function assignRecord(
  runtime: RuntimeContext,
  id: string,
  input: AssignInput,
  actor: Actor,
): Promise<RecordDetail> {
  const at = runtime.clock.now().getTime();
  await runtime.db.knex.transaction((trx) => applyAssignment(runtime, trx, id, input, { actor, at }));
  return readRecord(runtime, id);
}
