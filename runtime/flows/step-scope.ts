/**
 * @module What carrying out one flow step needs to know besides its result: the transaction, the
 * record and form, the pinned flow, who acted and when. Shared by the effect handlers.
 */
import type { Knex } from 'knex';
import type { FlowDefinition } from '../../engine';

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
