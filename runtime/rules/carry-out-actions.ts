/**
 * @module Carries out a firing's resolved actions inside the firing's transaction, so a firing and
 * what it did commit together or not at all. Each action reports what it did (`created` of the
 * firing). Actions that reach outside (notify, webhook) become `action.requested` events that the
 * delivery consumers carry out.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ResolvedAction, RuleDefinition } from '../../engine';
import { appendEvent } from '../events/append-event';
import { loadPublishedForm } from '../records/published-form';
import { storeNewRecord } from '../records/submit-record';
import type { RuntimeContext } from '../runtime-context';

/** The actor rule firings and their actions are recorded under. */
export const RULE_ACTOR = 'rules';

/** What one action did, kept in the firing's `created` list. */
export interface ActionOutcome {
  type: string;
  id?: string;
}

export interface CarryOutInput {
  rule: RuleDefinition;
  firingKey: string;
  actions: ResolvedAction[];
  /** The triggering record; null for schedule ticks. */
  recordId: string | null;
  now: Date;
}

export async function carryOutActions(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  { rule, firingKey, actions, recordId, now }: CarryOutInput,
): Promise<ActionOutcome[]> {
  const done: ActionOutcome[] = [];
  for (const action of actions) {
    if (action.type === 'create-record') {
      const form = await loadPublishedForm(runtime, action.form, undefined, trx);
      const checked = form.compiled.validate(action.data, { now });
      // A mapping that does not fit the target form is the rule's fault: the firing records it
      // (in `created`) instead of failing the whole batch, which would block every later event.
      if (!checked.ok) {
        done.push({
          type: 'create-record-refused',
          id: JSON.stringify(checked.issues.map((i) => `${i.path} ${i.code}`)),
        });
        continue;
      }
      const id = randomUUID();
      await storeNewRecord(runtime, trx, {
        id,
        formKey: action.form,
        form,
        data: checked.value,
        overrides: {},
        actor: { id: RULE_ACTOR },
        now,
      });
      done.push({ type: 'create-record', id });
    } else {
      await appendEvent(trx, {
        stream: 'rule',
        streamId: rule.key,
        type: 'action.requested',
        actor: RULE_ACTOR,
        at: now.getTime(),
        payload: { name: rule.key, kind: action.type, params: action, firing: firingKey, recordId },
      });
      done.push({ type: action.type });
    }
  }
  return done;
}
