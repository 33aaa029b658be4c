/**
 * @module Carries out a firing's resolved actions inside the firing's transaction, so a firing and
 * what it did commit together or not at all (the firing row is unique per idempotency key, so a
 * retried batch does nothing twice). Each action reports what it did in the firing's `created` list:
 * create-record, set-fields, assign and start-flow act on records here; webhook queues a delivery for
 * the webhook worker; notify stays an `action.requested` event the notifications consumer carries out.
 *
 * An action the rule's own definition makes impossible (values the form refuses, a field naming
 * nobody, a flow for another form) is recorded as `<type>-refused` instead of failing the batch, which
 * would block every later event. Record actions run in a savepoint, so a refusal found half-way leaves
 * nothing behind.
 */
import { randomUUID } from 'node:crypto';
import type { ResolvedAction, RuleDefinition } from '../../engine';
import type { Knex } from 'knex';
import { appendEvent } from '../events/append-event';
import { UserError } from '../http/errors';
import { loadPublishedForm } from '../records/published-form';
import { storeNewRecord } from '../records/submit-record';
import type { RuntimeContext } from '../runtime-context';
import { refusalProblems, RULE_ACTOR, type ActionContext, type ActionOutcome } from './action-context';
import { assign } from './assign-action';
import { setFields } from './set-fields-action';
import { startFlow } from './start-flow-action';
import { callWebhook } from './webhook-action';

export { RULE_ACTOR, type ActionOutcome } from './action-context';

export interface CarryOutInput {
  rule: RuleDefinition;
  firingKey: string;
  actions: ResolvedAction[];
  /** The triggering record; null for schedule ticks. */
  recordId: string | null;
  now: Date;
}

type CreateRecordAction = Extract<ResolvedAction, { type: 'create-record' }>;

async function createRecord(context: ActionContext, action: CreateRecordAction): Promise<ActionOutcome> {
  const { runtime, trx, firedAt } = context;
  const form = await loadPublishedForm(runtime, action.form, undefined, trx);
  const checked = form.compiled.validate(action.data, { now: firedAt });
  // A mapping that does not fit the target form is the rule's fault: the firing records it.
  if (!checked.ok) return { type: 'create-record-refused', problems: refusalProblems(checked.issues) };
  const id = randomUUID();
  await storeNewRecord(runtime, trx, {
    id,
    formKey: action.form,
    form,
    data: checked.value,
    overrides: {},
    actor: { id: RULE_ACTOR },
    now: firedAt,
  });
  return { type: 'create-record', id };
}

async function requestNotify(context: ActionContext, action: ResolvedAction): Promise<ActionOutcome> {
  const { rule, firingKey, recordId, firedAt } = context;
  await appendEvent(context.trx, {
    stream: 'rule',
    streamId: rule.key,
    type: 'action.requested',
    actor: RULE_ACTOR,
    at: firedAt.getTime(),
    payload: { name: rule.key, kind: action.type, params: action, firing: firingKey, recordId },
  });
  return { type: action.type };
}

/**
 * Runs a record action in a savepoint of the firing's transaction; a `UserError` (the refusals the
 * record services throw: invalid values, unknown assignee, missing record or flow) rolls the savepoint
 * back and becomes the action's refusal. Anything else fails the batch, which the outbox retries.
 */
async function refusable(
  context: ActionContext,
  type: string,
  run: (context: ActionContext) => Promise<ActionOutcome>,
): Promise<ActionOutcome> {
  try {
    return await context.trx.transaction((savepoint) => run({ ...context, trx: savepoint }));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const issues = err.issues ?? [];
    return {
      type: `${type}-refused`,
      problems: refusalProblems(issues.length > 0 ? issues : `${err.code}: ${err.message}`),
    };
  }
}

function carryOut(context: ActionContext, action: ResolvedAction): Promise<ActionOutcome> {
  switch (action.type) {
    case 'create-record':
      return createRecord(context, action);
    case 'set-fields':
      return refusable(context, action.type, (c) => setFields(c, action));
    case 'assign':
      return refusable(context, action.type, (c) => assign(c, action));
    case 'start-flow':
      return refusable(context, action.type, (c) => startFlow(c, action));
    case 'webhook':
      return callWebhook(context, action);
    default:
      return requestNotify(context, action);
  }
}

export async function carryOutActions(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  { rule, firingKey, actions, recordId, now }: CarryOutInput,
): Promise<ActionOutcome[]> {
  const done: ActionOutcome[] = [];
  const context: ActionContext = {
    runtime,
    trx,
    rule,
    firingKey,
    firedAt: now,
    now: new Date(Math.max(now.getTime(), runtime.clock.now().getTime())),
    recordId,
    done,
  };
  // One outcome per action, in order: a `created` target reads the record at its action's index.
  for (const action of actions) done.push(await carryOut(context, action));
  return done;
}
