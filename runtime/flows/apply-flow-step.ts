/**
 * @module The one place a flow step is persisted — by submit, update, events and the timer sweeper
 * alike: the instance's snapshot, then every effect in the order the engine returned them (timers,
 * SLA clock rows and events, stage changes, assignments, requested actions), then the record's
 * resolution. It runs inside the caller's transaction, so a step is stored whole or not at all.
 */
import type { FlowEffect, FlowSnapshot } from '../../engine';
import { writeJson } from '../storage/json-value';
import { requestAction } from './effects/action-effect';
import { assignOwner } from './effects/assign-effect';
import { recordSla } from './effects/sla-effect';
import { recordStageChange } from './effects/stage-effects';
import { cancelTimer, scheduleTimer } from './effects/timer-effects';
import { appendStepEvent, writeStepEvents, type StepScope } from './step-scope';

export interface FlowStep {
  snapshot: FlowSnapshot;
  effects: FlowEffect[];
}

async function carryOut(scope: StepScope, effect: FlowEffect, snapshot: FlowSnapshot): Promise<void> {
  switch (effect.type) {
    case 'schedule-timer':
      return scheduleTimer(scope, effect);
    case 'cancel-timer':
      return cancelTimer(scope, effect);
    case 'sla':
      return recordSla(scope, effect, snapshot);
    case 'stage-entered':
    case 'stage-exited':
      return recordStageChange(scope, effect);
    case 'assign':
      return assignOwner(scope, effect);
    case 'action':
      return requestAction(scope, effect, snapshot.stage);
    default: {
      // An effect kind this runtime does not know yet is kept on the record, not dropped.
      const unknown = effect as { type: string };
      await appendStepEvent(scope, {
        stream: 'record',
        streamId: scope.recordId,
        type: 'flow.effect',
        actor: scope.actor,
        at: scope.now,
        payload: { ...unknown, form: scope.formKey },
      });
    }
  }
}

/** Saves `step.snapshot` (inserting the instance when `isNew`) and carries out its effects. */
export async function applyFlowStep(given: StepScope, step: FlowStep, isNew: boolean): Promise<void> {
  // The effects' events are written together, in their order (see `StepScope.pendingEvents`).
  const scope: StepScope = { ...given, pendingEvents: [] };
  const { trx } = scope;
  const { snapshot } = step;
  const row = { snapshot: writeJson(snapshot), status: snapshot.status, updated_at: scope.now };
  if (isNew) {
    await trx('flow_instances').insert({
      record_id: scope.recordId,
      flow_key: scope.flowKey,
      flow_version: scope.flowVersion,
      ...row,
    });
  } else {
    await trx('flow_instances').where({ record_id: scope.recordId }).update(row);
  }
  for (const effect of step.effects) await carryOut(scope, effect, snapshot);
  await writeStepEvents(scope);
  const outcome = scope.definition.machine.states[snapshot.stage]?.meta?.outcome;
  if (snapshot.status === 'done' && outcome !== 'cancelled') {
    await trx('records')
      .where({ id: scope.recordId })
      .whereNull('resolved_at')
      .update({ resolved_at: scope.now });
  }
}
