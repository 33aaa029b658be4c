/**
 * @module Moving a record through its flow (`POST /api/records/:id/events`): the event goes to the
 * pinned flow with the sender's roles (none given: not restricted); a refusal becomes 409 / 403 / 422
 * with the engine's issues (see `flow-inputs.ts`). Data sent with the event is merged into the record
 * and validated against its form version first (422, nothing stored, when invalid) — it is how the
 * fields a stage requires are filled on the way out. Accepted: the data change (a new revision), a
 * `flow.event` line for the timeline, the new snapshot and every effect, in one transaction.
 * Timer events (`sla.warning`, `sla.breach`, `flow.after`) are the timer sweeper's alone.
 */
import { TIMER_EVENT_TYPES, type Locale } from '../../engine';
import type { NewEvent } from '../events/append-event';
import { applyFlowStep } from '../flows/apply-flow-step';
import { stepScope } from '../flows/step-scope';
import { loadFlow } from '../flows/flow-loader';
import { invalid, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { refusalError, tierAndPriority, type ContextOverrides } from './flow-inputs';
import { customerOf, loadPublishedForm } from './published-form';
import { readRecord, type RecordDetail } from './read-record';
import { changedFields, storeDataChange } from './record-revisions';
import { loadInstance, lockRecord, snapshotOf, type Actor, type RecordData } from './record-rows';

export interface RecordEventInput extends ContextOverrides {
  type: string;
  data?: RecordData;
}

export async function sendRecordEvent(
  runtime: RuntimeContext,
  id: string,
  input: RecordEventInput,
  actor: Actor,
  locale: Locale = 'en',
): Promise<RecordDetail> {
  if (TIMER_EVENT_TYPES.includes(input.type)) {
    throw new UserError(400, 'reserved-event', `"${input.type}" events come from timers only`, [
      {
        code: 'reserved-event',
        path: '/type',
        params: { event: input.type },
        message: 'Sent by timers only',
      },
    ]);
  }
  const now = runtime.clock.now();
  const at = now.getTime();
  await runtime.db.knex.transaction(async (trx) => {
    const row = await lockRecord(trx, runtime.db.dialect, id);
    const instance = await loadInstance(trx, id);
    if (!instance) throw new UserError(409, 'no-flow', `Record "${id}" is not moved by a flow`);
    const snapshot = snapshotOf(instance);
    const loaded = await loadFlow(runtime, trx, instance.flow_key, Number(instance.flow_version));

    const before = readJson<RecordData>(row.data) ?? {};
    let after = before;
    const form = await loadPublishedForm(runtime, row.form_key, Number(row.form_version), trx);
    if (input.data && Object.keys(input.data).length > 0) {
      const checked = form.compiled.validate({ ...before, ...input.data }, { now, locale });
      if (!checked.ok) throw invalid(checked.issues, 'The data sent with the event is invalid');
      after = checked.value;
    }
    const changes = changedFields(before, after);
    const changed = Object.fromEntries(changes.map((c) => [c.field, c.after]));
    const context = tierAndPriority(changed, input);
    const event = { type: input.type, ...(changes.length > 0 ? { data: changed } : {}), ...context };
    const result = loaded.flow.send(snapshot, event, now, {
      locale,
      ...(actor.roles ? { roles: actor.roles } : {}),
    });
    if (!result.ok) throw refusalError(result.reason, result.issues);

    // The data change's and the event's own lines are written with the step's, in one statement.
    const pendingEvents: NewEvent[] = [];
    if (changes.length > 0) {
      await storeDataChange(trx, {
        row,
        data: after,
        changes,
        customer: customerOf(form, after),
        actor: actor.id,
        now: at,
        events: pendingEvents,
      });
    }
    pendingEvents.push({
      stream: 'record',
      streamId: id,
      type: 'flow.event',
      actor: actor.id,
      at,
      payload: {
        form: row.form_key,
        flow: loaded.key,
        event: input.type,
        from: snapshot.stage,
        to: result.snapshot.stage,
        ...(changes.length > 0 ? { fields: changes.map((c) => c.field) } : {}),
        ...context,
      },
    });
    await applyFlowStep(
      {
        ...stepScope(runtime, trx, { recordId: id, formKey: row.form_key }, loaded, actor.id, at),
        pendingEvents,
        assignee: row.assignee,
      },
      result,
      false,
    );
  });
  return readRecord(runtime, id);
}
