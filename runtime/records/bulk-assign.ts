/**
 * @module Assigning several records at once (`POST /api/tasks/assign`, managers and admins): to one
 * person (`assignee`: a user id, or null to unassign) or to a role (`role`: each record goes to the
 * role's active holder assigned least recently, so a batch is spread round-robin), with one reason.
 * Each record is its own transaction through `applyAssignment` (`assign-record.ts`) — the timeline
 * says `record.assigned` with the reason and `manual: true`, as for one record — and gets its own
 * outcome: a record the caller may not change, or one that is gone, fails alone.
 */
import { invalid, UserError } from '../http/errors';
import { roundRobinOwner } from '../flows/effects/assign-effect';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { applyAssignment, MAX_REASON_LENGTH, unknownAssignee } from './assign-record';
import { lockRecord, type Actor } from './record-rows';

export const MAX_BULK_RECORDS = 100;

export interface BulkAssignInput {
  records: string[];
  /** A user id, or null to unassign; absent when `role` is given. */
  assignee?: string | null;
  role?: string;
  reason?: string;
}

export type BulkAssignResult =
  | { id: string; ok: true; assignee: string | null }
  | { id: string; ok: false; error: { code: string; message: string } };

const issue = (code: string, path: string, message: string) => ({ code, path, message });

/** The route's body as a `BulkAssignInput`, else 422 naming each bad member. */
export function bulkAssignInputOf(body: Record<string, unknown>): BulkAssignInput {
  const { records, assignee, role, reason } = body;
  const issues = [];
  const ids =
    Array.isArray(records) && records.every((id) => typeof id === 'string' && id !== '') ? records : null;
  if (!ids || ids.length === 0 || ids.length > MAX_BULK_RECORDS) {
    issues.push(
      issue('invalid-records', '/records', `\`records\` must list 1 to ${MAX_BULK_RECORDS} record ids`),
    );
  }
  const hasAssignee = assignee !== undefined;
  const hasRole = role !== undefined;
  if (hasAssignee === hasRole) {
    issues.push(issue('assignee-or-role', '/assignee', 'Give either `assignee` or `role`'));
  } else if (hasAssignee && assignee !== null && (typeof assignee !== 'string' || assignee === '')) {
    issues.push(issue('invalid-assignee', '/assignee', '`assignee` must be a user id or null'));
  } else if (hasRole && (typeof role !== 'string' || role === '')) {
    issues.push(issue('invalid-role', '/role', '`role` must be a role key'));
  }
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH)) {
    issues.push(
      issue(
        'invalid-reason',
        '/reason',
        `\`reason\` must be text of at most ${MAX_REASON_LENGTH} characters`,
      ),
    );
  }
  if (issues.length > 0) throw invalid(issues, 'The bulk assignment is invalid');
  return {
    records: [...new Set(ids as string[])],
    ...(hasAssignee ? { assignee: assignee as string | null } : { role: role as string }),
    ...(typeof reason === 'string' && reason.trim() !== '' ? { reason: reason.trim() } : {}),
  };
}

/** 422 for the whole batch when its assignee is no active user, or no active user holds its role. */
async function checkTarget(runtime: RuntimeContext, input: BulkAssignInput): Promise<void> {
  const users = (await runtime.db.knex('users').where({ active: true }).select('id', 'roles')) as {
    id: string;
    roles: unknown;
  }[];
  if (input.role !== undefined) {
    const role = input.role;
    if (!users.some((u) => (readJson<string[]>(u.roles) ?? []).includes(role))) {
      throw invalid(
        [
          {
            code: 'role-has-no-one',
            path: '/role',
            params: { role },
            message: `No active user has the role "${role}"`,
          },
        ],
        'Nobody can take the records',
      );
    }
  } else if (input.assignee && !users.some((u) => u.id === input.assignee)) {
    throw unknownAssignee(input.assignee);
  }
}

/**
 * Assigns every record of `input`; `mayChange(id)` throws (404 / 403) for a record the caller may not
 * change. Outcomes come back in the order of `input.records`.
 */
export async function bulkAssign(
  runtime: RuntimeContext,
  input: BulkAssignInput,
  actor: Actor,
  mayChange: (id: string) => Promise<unknown>,
): Promise<BulkAssignResult[]> {
  await checkTarget(runtime, input);
  const results: BulkAssignResult[] = [];
  for (const id of input.records) {
    try {
      await mayChange(id);
      const at = runtime.clock.now().getTime();
      const assignee = await runtime.db.knex.transaction(async (trx) => {
        let chosen = input.assignee ?? null;
        if (input.role !== undefined) {
          const row = await lockRecord(trx, runtime.db.dialect, id);
          const scope = { trx, dialect: runtime.db.dialect, recordId: id, formKey: row.form_key };
          chosen = await roundRobinOwner(scope, input.role);
          // Deactivated since the check: the record fails alone.
          if (chosen === null)
            throw new UserError(409, 'role-has-no-one', `No active user has the role "${input.role}"`);
        }
        await applyAssignment(
          runtime,
          trx,
          id,
          { assignee: chosen, ...(input.reason ? { reason: input.reason } : {}) },
          { actor, at },
        );
        return chosen;
      });
      results.push({ id, ok: true, assignee });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      results.push({ id, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return results;
}
