/**
 * @module Appends to the `events` table — the audit trail and the outbox. Called inside the same
 * transaction as the write it records, so a change and its event are stored together or not at all.
 */
import type { Knex } from 'knex';
import { writeJson } from '../storage/json-value';

export type EventStream = 'record' | 'definition' | 'user' | 'rule' | 'system';

export interface NewEvent {
  stream: EventStream;
  streamId: string;
  type: string;
  actor?: string | null;
  at: number;
  payload: Record<string, unknown>;
}

const eventRow = (event: NewEvent) => ({
  stream: event.stream,
  stream_id: event.streamId,
  type: event.type,
  actor: event.actor ?? null,
  at: event.at,
  payload: writeJson(event.payload),
});

/** Appends several events in one statement (ids ascending in the given order), 100 rows at a time. */
export async function appendEvents(trx: Knex | Knex.Transaction, events: NewEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += 100) {
    await trx('events').insert(events.slice(start, start + 100).map(eventRow));
  }
}

/** Appends one event; returns its id (the outbox sequence number). */
export async function appendEvent(trx: Knex | Knex.Transaction, event: NewEvent): Promise<number> {
  const [row] = await trx('events').insert(eventRow(event)).returning('id');
  return typeof row === 'object' ? Number((row as { id: number }).id) : Number(row);
}
