/**
 * @module What carrying out one of a firing's actions needs (the firing's transaction, the rule, when,
 * the records earlier actions created) and what each reports: an `ActionOutcome` in the firing's
 * `created` list, which firing history shows — `{ type: 'set-fields', id }`, or a refusal such as
 * `{ type: 'set-fields-refused', problems: ['/priority enum'] }` when the rule's own values do not fit.
 */
import type { Knex } from 'knex';
import type { Issue, ResolvedAction, RuleDefinition } from '../../engine';
import type { RuntimeContext } from '../runtime-context';

/** The actor rule firings and their actions are recorded under. */
export const RULE_ACTOR = 'rules';

/** What one action did, kept in the firing's `created` list. */
export interface ActionOutcome {
  type: string;
  /** The record or delivery the action made or acted on. */
  id?: string;
  /** Why a `*-refused` action was not carried out: `"<path> <code>"` per issue, or a sentence. */
  problems?: string[];
}

/** The record an action acts on (the engine's `ActionTarget`). */
export type ActionTarget = Extract<ResolvedAction, { type: 'assign' }>['target'];

export interface ActionContext {
  runtime: RuntimeContext;
  trx: Knex.Transaction;
  rule: RuleDefinition;
  firingKey: string;
  /** When the rule fired (the event's time). */
  firedAt: Date;
  /**
   * When the action acts on a stored record: now, never before the firing. A record may have changed
   * after the triggering event; its flow must not be stepped back in time.
   */
  now: Date;
  /** The triggering record; null for schedule ticks. */
  recordId: string | null;
  /** The outcomes so far, by action index: a `created` target reads its record id here. */
  done: readonly ActionOutcome[];
}

/** A refusal's `problems`: `"<path> <code>"` per issue (or the message when there are no issues). */
export function refusalProblems(problems: readonly Pick<Issue, 'path' | 'code'>[] | string): string[] {
  return typeof problems === 'string' ? [problems] : problems.map((i) => `${i.path} ${i.code}`);
}

/** The record id a target names, or a refusal text when a created target has no record. */
export function targetRecord(
  context: ActionContext,
  target: ActionTarget,
): { id: string } | { missing: string } {
  if (target.kind === 'record') return { id: target.id };
  const created = context.done[target.action];
  return created?.type === 'create-record' && created.id
    ? { id: created.id }
    : { missing: `action ${target.action} created no record` };
}
