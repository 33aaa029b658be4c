/**
 * @module What carrying out one flow step needs to know besides its result: the transaction, the
 * record and form, the pinned flow, who acted and when. Shared by the effect handlers.
 */
import type { Knex } from 'knex';
import type { FlowDefinition } from '../../engine';
import { appendEvent, appendEvents, type NewEvent } from '../events/append-event';
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
  /**
   * The step's events not written yet: `applyFlowStep` collects its effects' events and writes them in
   * one statement (in order) — before anything reads events, and at the step's end. Absent: at once.
   */
  pendingEvents?: NewEvent[];
  /**
   * The record's assignee as the step starts, when the caller has read the record (undefined: read
   * when an assignment needs it); kept current by the step's assignments.
   */
  assignee?: string | null;
  /**
   * Columns of the record the step's effects set (stage, assignee, team …): `applyFlowStep` collects
   * them and writes them in one update at its end — nothing in a step reads them back. Absent: at once.
   */
  recordColumns?: Record<string, unknown>;
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

/** Appends an event of the step: kept with the step's others when it collects them, else written now. */
export async function appendStepEvent(scope: StepScope, event: NewEvent): Promise<void> {
  if (scope.pendingEvents) scope.pendingEvents.push(event);
  else await appendEvent(scope.trx, event);
}

/** Writes the events the step has collected so far (before reading events, and at its end). */
export async function writeStepEvents(scope: StepScope): Promise<void> {
  const pending = scope.pendingEvents?.splice(0);
  if (pending && pending.length > 0) await appendEvents(scope.trx, pending);
}

/** Sets columns of the step's record: kept with the step's others when it collects them, else written now. */
export async function setRecordColumns(scope: StepScope, columns: Record<string, unknown>): Promise<void> {
  if (scope.recordColumns) Object.assign(scope.recordColumns, columns);
  else await scope.trx('records').where({ id: scope.recordId }).update(columns);
}
