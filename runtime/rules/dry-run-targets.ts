/**
 * @module What a dry run adds to a `set-fields` action that writes to another record: the record it
 * would write to as the store holds it now (`writesTo`), or why it would be refused (`refused`: no id
 * in the field, no such record, a record of another form) — so an admin sees where a survey's answers
 * would land before enabling the rule. Nothing is written.
 */
import type { Knex } from 'knex';
import type { DryRunResult, ResolvedAction } from '../../engine';
import { findLinkedRecord } from './linked-record';

/** A dry run's action, a linked set-fields target carrying what the lookup found. */
type ShownAction = ResolvedAction & { target?: { writesTo?: string; refused?: string } };

async function showTarget(knex: Knex | Knex.Transaction, action: ResolvedAction): Promise<ShownAction> {
  if (action.type !== 'set-fields' || action.target.kind !== 'linked') return action;
  const found = await findLinkedRecord(knex, action.target);
  const shown = 'id' in found ? { writesTo: found.id } : { refused: found.missing };
  return { ...action, target: { ...action.target, ...shown } };
}

export async function withLinkedTargets(
  knex: Knex | Knex.Transaction,
  result: DryRunResult,
): Promise<DryRunResult> {
  const firings = [];
  for (const firing of result.firings) {
    const actions: ShownAction[] = [];
    for (const action of firing.actions) actions.push(await showTarget(knex, action));
    firings.push({ ...firing, actions });
  }
  return { ...result, firings };
}
