/**
 * @module Storing a change of a record's data: the new revision in `records`, a `record_revisions` row
 * (the history behind the timeline and reopen / recurrence KPIs) and a `record.updated` event naming
 * each changed field with its value before and after.
 */
import type { Knex } from 'knex';
import { appendEvent, type NewEvent } from '../events/append-event';
import { writeJson } from '../storage/json-value';
import type { RecordData, RecordRow } from './record-rows';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ, in the order of `after` then fields only `before` had. */
export function changedFields(before: RecordData, after: RecordData): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys
    .filter((k) => !same(before[k], after[k]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

export interface DataChange {
  row: RecordRow;
  data: RecordData;
  changes: FieldChange[];
  customer: string | null;
  actor: string | null;
  now: number;
  /** Given: the `record.updated` event is added here for the caller to write with its others. */
  events?: NewEvent[];
}

/** Writes the new revision; returns its number. */
export async function storeDataChange(trx: Knex.Transaction, change: DataChange): Promise<number> {
  const revision = Number(change.row.revision) + 1;
  await trx('records')
    .where({ id: change.row.id })
    .update({
      data: writeJson(change.data),
      customer: change.customer,
      revision,
      updated_at: change.now,
      updated_by: change.actor,
    });
  await trx('record_revisions').insert({
    record_id: change.row.id,
    revision,
    stage: change.row.stage,
    data: writeJson(change.data),
    by: change.actor,
    at: change.now,
    resolved_at: change.row.resolved_at,
  });
  const event: NewEvent = {
    stream: 'record',
    streamId: change.row.id,
    type: 'record.updated',
    actor: change.actor,
    at: change.now,
    payload: { form: change.row.form_key, revision, changes: change.changes },
  };
  if (change.events) change.events.push(event);
  else await appendEvent(trx, event);
  return revision;
}
