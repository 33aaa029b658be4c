/**
 * @module What carrying out one flow step needs to know besides its result: the transaction, the
 * record and form, the pinned flow, who acted and when. Shared by the effect handlers.
 */
import type { Knex } from 'knex';
import type { FlowDefinition } from '../../engine';
import type { RuntimeContext } from '../runtime-context';
import type { LoadedFlow } from './flow-loader';

export interface StepScope {
  trx: Knex.Transaction;
  dialect: 'sqlite' | 'postgres';
  recordId: string;
  formKey: string;
  flowKey: string;
  flowVersion: number;
  definition: FlowDefinition;
  /** The user who caused the step, `system:timer` for a fired timer, or null. */
  actor: string | null;
  /** Epoch ms of the step. */
  now: number;
}

/** The scope of a step of `loaded`'s instance on record `recordId` of form `formKey`. */
export function stepScope(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  record: { recordId: string; formKey: string },
  loaded: Pick<LoadedFlow, 'key' | 'version' | 'definition'>,
  actor: string | null,
  now: number,
): StepScope {
  return {
    trx,
    dialect: runtime.db.dialect,
    recordId: record.recordId,
    formKey: record.formKey,
    flowKey: loaded.key,
    flowVersion: loaded.version,
    definition: loaded.definition,
    actor,
    now,
  };
}
