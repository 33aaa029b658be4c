/**
 * @module `schedule-timer` and `cancel-timer` effects as rows of the durable `timers` table. A row's id
 * is `<recordId>:<effect id>`; the engine's ids are deterministic, so inserting with "ignore on
 * conflict" makes a retried step schedule nothing twice. Every timer is treated alike — SLA warnings
 * and breaches, delayed transitions, any kind added later: when due, its `event` is sent back.
 */
import type { CancelTimerEffect, ScheduleTimerEffect } from '../../../engine';
import { writeJson } from '../../storage/json-value';
import type { StepScope } from '../step-scope';

export const timerRowId = (recordId: string, effectId: string) => `${recordId}:${effectId}`;

const timerRow = (scope: StepScope, effect: ScheduleTimerEffect) => {
  const dueAt = Date.parse(effect.due);
  if (Number.isNaN(dueAt)) throw new Error(`timer "${effect.id}" has no valid due instant: ${effect.due}`);
  return {
    id: timerRowId(scope.recordId, effect.id),
    due_at: dueAt,
    kind: String(effect.event.type).slice(0, 40),
    record_id: scope.recordId,
    payload: writeJson(effect.event),
    attempts: 0,
    created_at: scope.now,
  };
};

/** Schedules several timers in one statement (a step usually schedules a clock's warnings and breach). */
export async function scheduleTimers(scope: StepScope, effects: ScheduleTimerEffect[]): Promise<void> {
  if (effects.length === 0) return;
  const rows = effects.map((effect) => timerRow(scope, effect));
  await scope.trx('timers').insert(rows).onConflict('id').ignore();
}

export async function scheduleTimer(scope: StepScope, effect: ScheduleTimerEffect): Promise<void> {
  await scheduleTimers(scope, [effect]);
}

/** Cancels several timers in one statement. */
export async function cancelTimers(scope: StepScope, effects: CancelTimerEffect[]): Promise<void> {
  if (effects.length === 0) return;
  const ids = effects.map((effect) => timerRowId(scope.recordId, effect.id));
  await scope.trx('timers').whereIn('id', ids).delete();
}

export async function cancelTimer(scope: StepScope, effect: CancelTimerEffect): Promise<void> {
  await cancelTimers(scope, [effect]);
}
