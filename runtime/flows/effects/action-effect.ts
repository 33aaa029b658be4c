/**
 * @module `action` effects (notify, set-field, webhook, … named by the definition): appended as
 * `action.requested` on the record's stream. The outbox workers carry them out, at least once and
 * idempotently, outside the step's transaction.
 */
import type { ActionEffect } from '../../../engine';
import { appendStepEvent, type StepScope } from '../step-scope';

export async function requestAction(scope: StepScope, effect: ActionEffect, stage: string): Promise<void> {
  await appendStepEvent(scope, {
    stream: 'record',
    streamId: scope.recordId,
    type: 'action.requested',
    actor: scope.actor,
    at: scope.now,
    payload: {
      form: scope.formKey,
      flow: scope.flowKey,
      stage,
      name: effect.name,
      kind: effect.kind,
      params: effect.params,
      ...(effect.cause ? { cause: effect.cause } : {}),
    },
  });
}
