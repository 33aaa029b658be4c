/**
 * @module A rule's `assign` action: the target record (the triggering one, or the one an earlier
 * create-record action made) goes to a fixed user, to the user a field names, to the user a lookup
 * finds in another form's records (`lookup-recipient.ts`: "the owner of the product line"), or to a
 * role's next person by the flows' default strategy (round-robin among the role's active users). It
 * is stored like a manual assignment — `record.assigned` with a reason naming the rule,
 * `{ manual: false, rule }` — so the timeline shows it and the assignee gets the usual notification.
 * An empty field, a lookup that finds nobody, a role nobody holds, or a user who is not active is
 * refused (`assign-refused`; for a lookup the problem names its form and match), and the record stays
 * as it was.
 */
import type { ResolvedAction } from '../../engine';
import { roundRobinOwner } from '../flows/effects/assign-effect';
import { applyAssignment } from '../records/assign-record';
import { lockRecord } from '../records/record-rows';
import { describeLookup, findLookupUser } from './lookup-recipient';
import {
  refusalProblems,
  RULE_ACTOR,
  targetRecord,
  type ActionContext,
  type ActionOutcome,
} from './action-context';

export type AssignAction = Extract<ResolvedAction, { type: 'assign' }>;

const refused = (why: string): ActionOutcome => ({ type: 'assign-refused', problems: refusalProblems(why) });

/** The person and the reason the timeline shows, or why nobody can be assigned. */
async function chooseAssignee(
  context: ActionContext,
  recordId: string,
  to: AssignAction['assignee'],
): Promise<{ assignee: string; reason: string } | { refused: string }> {
  const byRule = `Assigned by rule "${context.rule.key}"`;
  if ('role' in to) {
    const row = await lockRecord(context.trx, context.runtime.db.dialect, recordId);
    const assignee = await roundRobinOwner(
      { trx: context.trx, dialect: context.runtime.db.dialect, recordId, formKey: row.form_key },
      to.role,
    );
    if (assignee === null) return { refused: `no active user has the role "${to.role}"` };
    return { assignee, reason: `${byRule}: role "${to.role}" (round-robin)` };
  }
  if ('lookup' in to) {
    const found = await findLookupUser(context.trx, context.runtime.db.dialect, to.lookup);
    if ('missing' in found) return { refused: found.missing };
    const where = `the user in field "${to.lookup.field}" of ${describeLookup(to.lookup)}`;
    // Checked here, not left to applyAssignment's 422, so the refusal says which lookup found whom.
    const user = (await context.trx('users').where({ id: found.user }).first('active')) as
      { active: boolean | number } | undefined;
    if (!user || !user.active) return { refused: `${where} is "${found.user}", not an active user` };
    return { assignee: found.user, reason: `${byRule}: ${where}` };
  }
  if (to.user === null) return { refused: `the field "${to.field ?? ''}" names no user` };
  return {
    assignee: to.user,
    reason: to.field ? `${byRule}: the user in field "${to.field}"` : byRule,
  };
}

export async function assign(context: ActionContext, action: AssignAction): Promise<ActionOutcome> {
  const target = targetRecord(context, action.target);
  if ('missing' in target) return refused(target.missing);
  const chosen = await chooseAssignee(context, target.id, action.assignee);
  if ('refused' in chosen) return refused(chosen.refused);
  await applyAssignment(
    context.runtime,
    context.trx,
    target.id,
    { assignee: chosen.assignee, reason: chosen.reason },
    {
      actor: { id: RULE_ACTOR },
      at: context.now.getTime(),
      origin: { manual: false, rule: context.rule.key },
    },
  );
  return { type: 'assign', id: target.id };
}
