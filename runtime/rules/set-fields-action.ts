/**
 * @module A rule's `set-fields` action: exactly what `PATCH /api/records/:id` does — the values merged
 * into the record's data, re-validated against its pinned form version, stored as the next revision
 * with `record.updated` in the timeline, and given to its flow — but inside the firing's transaction,
 * as the `rules` actor, on the current revision (no If-Match: the row is locked instead). Values that
 * do not fit the form are refused by the caller's savepoint and recorded as `set-fields-refused`.
 *
 * The record is the triggering one, or another record it links to by id (a survey's ticket, that
 * ticket's customer: `linked-record.ts`); a missing id, an unknown record or one of another form is
 * refused the same way. A `rule.set-fields` entry beside the update names the rule (and the record the
 * values came from) in the written record's timeline.
 */
import type { ResolvedAction } from '../../engine';
import { appendEvent } from '../events/append-event';
import { applyRecordUpdate } from '../records/update-record';
import {
  refusalProblems,
  RULE_ACTOR,
  targetRecord,
  type ActionContext,
  type ActionOutcome,
} from './action-context';
import { findLinkedRecord } from './linked-record';

export type SetFieldsAction = Extract<ResolvedAction, { type: 'set-fields' }>;

async function recordToWrite(
  context: ActionContext,
  target: SetFieldsAction['target'],
): Promise<{ id: string } | { missing: string }> {
  return target.kind === 'linked' ? findLinkedRecord(context.trx, target) : targetRecord(context, target);
}

export async function setFields(context: ActionContext, action: SetFieldsAction): Promise<ActionOutcome> {
  const target = await recordToWrite(context, action.target);
  if ('missing' in target) return { type: 'set-fields-refused', problems: refusalProblems(target.missing) };
  const { changes } = await applyRecordUpdate(
    context.runtime,
    context.trx,
    target.id,
    { data: action.values },
    { actor: { id: RULE_ACTOR }, now: context.now },
  );
  // Values the record already has store no revision; the firing still says the action ran.
  if (changes.length === 0) return { type: 'set-fields-unchanged', id: target.id };
  await appendEvent(context.trx, {
    stream: 'record',
    streamId: target.id,
    type: 'rule.set-fields',
    actor: RULE_ACTOR,
    at: context.now.getTime(),
    payload: {
      rule: context.rule.key,
      firing: context.firingKey,
      fields: changes.map((c) => c.field),
      ...(context.recordId !== null && context.recordId !== target.id ? { from: context.recordId } : {}),
    },
  });
  return { type: 'set-fields', id: target.id };
}
