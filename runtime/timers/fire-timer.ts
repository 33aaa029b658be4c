/**
 * @module Fires one due timer inside the sweeper's transaction, by kind: a `rule-tick` timer runs its
 * scheduled rule (`runScheduledRule`); every other timer belongs to a record's flow, whose instance
 * gets the timer's event at `now`, and the step is persisted like any other (`applyFlowStep`). The
 * timer row is deleted first, so a step that schedules a timer of the same id keeps it. A stale timer
 * (its clock stopped or re-targeted since) is just deleted; one the engine refuses is deleted and the
 * refusal kept on the record as `timer.refused`.
 */
import type { Knex } from 'knex';
import type { FlowEvent } from '../../engine';
import { appendEvent } from '../events/append-event';
import { applyFlowStep } from '../flows/apply-flow-step';
import { stepScope } from '../flows/step-scope';
import { loadFlow, type PublishedCalendars } from '../flows/flow-loader';
import { loadInstance, snapshotOf } from '../records/record-rows';
import { runScheduledRule } from '../rules/run-scheduled-rule';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { RULE_TICK_KIND } from './rule-tick-timer';

export const TIMER_ACTOR = 'system:timer';

export interface TimerRow {
  id: string;
  due_at: number | string;
  kind: string;
  /** The record whose flow the timer belongs to; null for a scheduled rule's tick. */
  record_id: string | null;
  payload: unknown;
  attempts: number;
  /** The record's form, when the sweeper read it with the timer (it claims both at once). */
  record_form_key?: string;
}

export type FireOutcome = 'fired' | 'stale' | 'refused' | 'orphan' | 'not-due';

/** How long a timer the engine says is early waits before it is tried again. */
const NOT_DUE_RETRY_MS = 60_000;

/** `calendars`: the published calendars, when the caller has read them in this transaction. */
export async function fireTimer(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  timer: TimerRow,
  now: number,
  calendars?: PublishedCalendars,
): Promise<FireOutcome> {
  if (timer.kind === RULE_TICK_KIND && timer.record_id === null) {
    return runScheduledRule(runtime, trx, timer, now);
  }
  if (timer.record_id === null) {
    // Neither a rule tick nor a record's: nothing could ever fire it.
    await trx('timers').where({ id: timer.id }).delete();
    return 'orphan';
  }
  return fireRecordTimer(runtime, trx, { ...timer, record_id: timer.record_id }, now, calendars);
}

async function fireRecordTimer(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  timer: TimerRow & { record_id: string },
  now: number,
  calendars: PublishedCalendars | undefined,
): Promise<FireOutcome> {
  const instance = await loadInstance(trx, timer.record_id);
  if (!instance) {
    await trx('timers').where({ id: timer.id }).delete();
    return 'orphan';
  }
  const loaded = await loadFlow(runtime, trx, instance.flow_key, Number(instance.flow_version), calendars);
  const event = readJson<FlowEvent>(timer.payload);
  const result = loaded.flow.send(snapshotOf(instance), event, new Date(now));
  if (result.ok && result.ignored === 'timer-not-due') {
    // Our due instant and the engine's disagree (clock skew): try again shortly rather than drop it.
    await trx('timers')
      .where({ id: timer.id })
      .update({ due_at: now + NOT_DUE_RETRY_MS });
    return 'not-due';
  }
  await trx('timers').where({ id: timer.id }).delete();
  if (!result.ok) {
    const record = (await trx('records').where({ id: timer.record_id }).first('form_key')) as
      { form_key: string } | undefined;
    await appendEvent(trx, {
      stream: 'record',
      streamId: timer.record_id,
      type: 'timer.refused',
      actor: TIMER_ACTOR,
      at: now,
      payload: {
        form: record?.form_key ?? null,
        timer: timer.id,
        event,
        reason: result.reason,
        issues: result.issues,
      },
    });
    return 'refused';
  }
  if (result.ignored) return 'stale';
  const formKey =
    timer.record_form_key ??
    ((await trx('records').where({ id: timer.record_id }).first('form_key')) as { form_key: string })
      .form_key;
  await applyFlowStep(
    stepScope(runtime, trx, { recordId: timer.record_id, formKey }, loaded, TIMER_ACTOR, now),
    result,
    false,
  );
  return 'fired';
}
