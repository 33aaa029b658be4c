/**
 * @module `stage-entered` / `stage-exited` effects: the record's `stage` column follows the flow, and
 * each change is appended to the record's stream (`stage.entered`, `stage.exited`) for the timeline,
 * stage-entered rules and per-stage reports.
 */
import type { StageEffect } from '../../../engine';
import { appendStepEvent, setRecordColumns, type StepScope } from '../step-scope';

export async function recordStageChange(scope: StepScope, effect: StageEffect): Promise<void> {
  if (effect.type === 'stage-entered') {
    await setRecordColumns(scope, { stage: effect.stage, updated_at: scope.now, updated_by: scope.actor });
  }
  const label = scope.definition.machine.states[effect.stage]?.meta?.label;
  await appendStepEvent(scope, {
    stream: 'record',
    streamId: scope.recordId,
    type: effect.type === 'stage-entered' ? 'stage.entered' : 'stage.exited',
    actor: scope.actor,
    at: scope.now,
    payload: {
      form: scope.formKey,
      flow: scope.flowKey,
      flowVersion: scope.flowVersion,
      stage: effect.stage,
      ...(label ? { label } : {}),
    },
  });
}
