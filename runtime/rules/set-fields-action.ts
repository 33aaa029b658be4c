/**
 * @module A rule's `set-fields` action: exactly what `PATCH /api/records/:id` does — the values merged
 * into the record's data, re-validated against its pinned form version, stored as the next revision
 * with `record.updated` in the timeline, and given to its flow — but inside the firing's transaction,
 * as the `rules` actor, on the current revision (no If-Match: the row is locked instead). Values that
 * do not fit the form are refused by the caller's savepoint and recorded as `set-fields-refused`.
 */
import type { ResolvedAction } from '../../engine';
import { applyRecordUpdate } from '../records/update-record';
import {
  refusalProblems,
  RULE_ACTOR,
  targetRecord,
  type ActionContext,
  type ActionOutcome,
} from './action-context';

export type SetFieldsAction = Extract<ResolvedAction, { type: 'set-fields' }>;

export async function setFields(context: ActionContext, action: SetFieldsAction): Promise<ActionOutcome> {
  const target = targetRecord(context, action.target);
  if ('missing' in target) return { type: 'set-fields-refused', problems: refusalProblems(target.missing) };
  const { changes } = await applyRecordUpdate(
    context.runtime,
    context.trx,
    target.id,
    { data: action.values },
    { actor: { id: RULE_ACTOR }, now: context.now },
  );
  // Values the record already has store no revision; the firing still says the action ran.
  return { type: changes.length > 0 ? 'set-fields' : 'set-fields-unchanged', id: target.id };
}
