/**
 * @module Consumes the outbox (the `events` table) for one consumer, at least once and in order. Each
 * batch runs in one transaction that locks the consumer's cursor row, hands the events to the
 * consumer, and advances the cursor — so a crash repeats a batch, never skips one (consumers are
 * idempotent). On PostgreSQL several processes may drain at once: the cursor row lock (SKIP LOCKED)
 * lets one of them work a consumer at a time, and events are read in (tx_id, id) order below the
 * oldest running transaction, so an event whose transaction commits late is still read.
 */
import type { Knex } from 'knex';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';

export interface OutboxEvent {
  id: number;
  /** The writing transaction's id (PostgreSQL; 0 on SQLite): with `id`, the event's place in the outbox. */
  txId: number;
  stream: string;
  streamId: string;
  type: string;
  actor: string | null;
  at: number;
  payload: Record<string, unknown>;
}

export interface OutboxConsumer {
  /** Stable name: the cursor is kept under it. */
  name: string;
  /** Whether the consumer wants this event; others are passed over (the cursor still moves on). */
  accepts(event: OutboxEvent): boolean;
  /**
   * Handles one event inside the batch's transaction. Must be idempotent (a batch can be repeated
   * after a crash) and should only write rows: IO such as HTTP belongs to workers that read them.
   */
  handle(event: OutboxEvent, trx: Knex.Transaction, runtime: RuntimeContext): Promise<void>;
}

export interface DrainResult {
  /** Events read in this call. */
  read: number;
  /** Events the consumer accepted and handled. */
  handled: number;
  /** False when another process holds the consumer (PostgreSQL). */
  locked: boolean;
}

interface EventRow {
  id: number;
  tx_id: number;
  stream: string;
  stream_id: string;
  type: string;
  actor: string | null;
  at: number;
  payload: unknown;
}

async function lockCursor(trx: Knex.Transaction, runtime: RuntimeContext, consumer: string) {
  const now = runtime.clock.now().getTime();
  await trx('outbox_cursors')
    .insert({ consumer, last_tx_id: 0, last_event_id: 0, updated_at: now })
    .onConflict('consumer')
    .ignore();
  const query = trx('outbox_cursors').where({ consumer }).first();
  const row = (await (runtime.db.dialect === 'postgres' ? query.forUpdate().skipLocked() : query)) as
    { last_tx_id: number; last_event_id: number } | undefined;
  return row;
}

function nextEvents(
  trx: Knex.Transaction,
  runtime: RuntimeContext,
  after: { tx: number; id: number },
  limit: number,
) {
  const query = trx('events')
    .select('id', 'tx_id', 'stream', 'stream_id', 'type', 'actor', 'at', 'payload')
    .where((q) =>
      q
        .where('tx_id', '>', after.tx)
        .orWhere((q2) => q2.where('tx_id', after.tx).andWhere('id', '>', after.id)),
    )
    .orderBy([{ column: 'tx_id' }, { column: 'id' }])
    .limit(limit);
  // Only transactions older than the oldest one still running are final: nothing can appear below them.
  if (runtime.db.dialect === 'postgres') {
    query.andWhereRaw('tx_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint');
  }
  return query as unknown as Promise<EventRow[]>;
}

/** Drains up to `batchSize` events for `consumer`; call repeatedly (a worker loop) until `read` is 0. */
export async function drainOutbox(
  runtime: RuntimeContext,
  consumer: OutboxConsumer,
  { batchSize = 200 }: { batchSize?: number } = {},
): Promise<DrainResult> {
  return runtime.db.knex.transaction(async (trx) => {
    const cursor = await lockCursor(trx, runtime, consumer.name);
    if (!cursor) return { read: 0, handled: 0, locked: true };
    const rows = await nextEvents(
      trx,
      runtime,
      { tx: Number(cursor.last_tx_id), id: Number(cursor.last_event_id) },
      batchSize,
    );
    let handled = 0;
    for (const row of rows) {
      const event: OutboxEvent = {
        id: Number(row.id),
        txId: Number(row.tx_id),
        stream: row.stream,
        streamId: row.stream_id,
        type: row.type,
        actor: row.actor,
        at: Number(row.at),
        payload: readJson<Record<string, unknown>>(row.payload),
      };
      if (!consumer.accepts(event)) continue;
      await consumer.handle(event, trx, runtime);
      handled += 1;
    }
    const last = rows.at(-1);
    if (last) {
      await trx('outbox_cursors')
        .where({ consumer: consumer.name })
        .update({
          last_tx_id: Number(last.tx_id),
          last_event_id: Number(last.id),
          updated_at: runtime.clock.now().getTime(),
        });
    }
    return { read: rows.length, handled, locked: false };
  });
}

/** Drains until the consumer has caught up (or `maxBatches` is reached); returns the events handled. */
export async function drainOutboxFully(
  runtime: RuntimeContext,
  consumer: OutboxConsumer,
  { batchSize = 200, maxBatches = 1000 }: { batchSize?: number; maxBatches?: number } = {},
): Promise<number> {
  let handled = 0;
  for (let i = 0; i < maxBatches; i++) {
    const result = await drainOutbox(runtime, consumer, { batchSize });
    handled += result.handled;
    if (result.read === 0 || result.locked) break;
  }
  return handled;
}
