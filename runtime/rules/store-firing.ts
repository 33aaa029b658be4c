/**
 * @module Stores one rule firing under its idempotency key (rule, group, window — a unique index) and
 * carries out its actions in the caller's transaction, then appends `rule.fired`. When the key has
 * fired before, nothing happens: a threshold fires once per group and window however many records
 * cross it, however often a batch or a schedule tick is retried.
 */
import type { Knex } from 'knex';
import { groupKey, type RuleDefinition, type RuleEvaluation } from '../../engine';
import { appendEvent } from '../events/append-event';
import type { RuntimeContext } from '../runtime-context';
import { writeJson } from '../storage/json-value';
import { carryOutActions, RULE_ACTOR } from './carry-out-actions';

export interface FiringInput {
  rule: RuleDefinition;
  outcome: RuleEvaluation;
  /** Ids of the records behind the firing (those the first aggregate counted, or the trigger). */
  records: string[];
  /** The triggering record; null for schedule ticks. */
  recordId: string | null;
  /** When it fired (the event's or the tick's time), epoch ms. */
  at: number;
}

/** True when this call stored the firing; false when its key had fired before. */
export async function storeFiring(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  { rule, outcome, records, recordId, at }: FiringInput,
): Promise<boolean> {
  const inserted = (await trx('rule_firings')
    .insert({
      rule_key: rule.key,
      rule_version: rule.version ?? 0,
      idempotency_key: outcome.key,
      group_key: groupKey(outcome.group),
      group_values: writeJson(outcome.group),
      window_key: outcome.window?.key ?? null,
      window: outcome.window ? writeJson(outcome.window) : null,
      at,
      records: writeJson(records),
      created: writeJson([]),
    })
    .onConflict('idempotency_key')
    .ignore()
    .returning('id')) as unknown[];
  if (inserted.length === 0) return false;
  const created = await carryOutActions(runtime, trx, {
    rule,
    firingKey: outcome.key,
    actions: outcome.actions,
    recordId,
    now: new Date(at),
  });
  await trx('rule_firings')
    .where({ idempotency_key: outcome.key })
    .update({ created: writeJson(created) });
  await appendEvent(trx, {
    stream: 'rule',
    streamId: rule.key,
    type: 'rule.fired',
    actor: RULE_ACTOR,
    at,
    payload: {
      rule: rule.key,
      key: outcome.key,
      group: outcome.group,
      window: outcome.window,
      recordId,
      created,
    },
  });
  return true;
}
