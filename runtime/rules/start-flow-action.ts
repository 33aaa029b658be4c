/**
 * @module A rule's `start-flow` action: the named flow's latest published version starts on the target
 * record the way a submission starts its form's flow — the instance stored with its version pinned,
 * the first stage entered, its owner assigned and its SLA clocks started, all in the firing's
 * transaction. A record keeps one flow instance: one that has an instance already (running or
 * finished) is left alone and the firing records `start-flow-skipped`. A flow made for another form is
 * refused (`start-flow-refused`).
 */
import type { FlowDefinition, ResolvedAction } from '../../engine';
import { DefinitionStore } from '../definitions/definition-store';
import { applyFlowStep } from '../flows/apply-flow-step';
import { loadFlow } from '../flows/flow-loader';
import { stepScope } from '../flows/step-scope';
import { tierAndPriority } from '../records/flow-inputs';
import { loadInstance, lockRecord, type RecordData } from '../records/record-rows';
import { readJson } from '../storage/json-value';
import {
  refusalProblems,
  RULE_ACTOR,
  targetRecord,
  type ActionContext,
  type ActionOutcome,
} from './action-context';

export type StartFlowAction = Extract<ResolvedAction, { type: 'start-flow' }>;

const refused = (why: string): ActionOutcome => ({
  type: 'start-flow-refused',
  problems: refusalProblems(why),
});

export async function startFlow(context: ActionContext, action: StartFlowAction): Promise<ActionOutcome> {
  const { runtime, trx } = context;
  const target = targetRecord(context, action.target);
  if ('missing' in target) return refused(target.missing);
  const row = await lockRecord(trx, runtime.db.dialect, target.id);
  const stored = await new DefinitionStore(runtime).getPublished<FlowDefinition>(
    'flow',
    action.flow,
    undefined,
    trx,
  );
  const form = stored.body.form;
  if (form !== undefined && form !== row.form_key) {
    return refused(`the flow "${action.flow}" moves records of "${form}", not "${row.form_key}"`);
  }
  if (await loadInstance(trx, target.id)) return { type: 'start-flow-skipped', id: target.id };
  const loaded = await loadFlow(runtime, trx, action.flow, stored.version);
  const data = readJson<RecordData>(row.data) ?? {};
  const started = loaded.flow.start({ data, ...tierAndPriority(data) }, context.now);
  await applyFlowStep(
    stepScope(
      runtime,
      trx,
      { recordId: target.id, formKey: row.form_key },
      loaded,
      RULE_ACTOR,
      context.now.getTime(),
    ),
    started,
    true,
  );
  return { type: 'start-flow', id: target.id };
}
