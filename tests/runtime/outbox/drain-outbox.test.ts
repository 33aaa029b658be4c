/** The outbox is consumed at least once, in order, and an event that commits late is never skipped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../../runtime/events/append-event';
import { memoryLogger } from '../../../runtime/logger';
import {
  drainOutbox,
  drainOutboxFully,
  type OutboxConsumer,
  type OutboxEvent,
} from '../../../runtime/outbox/drain-outbox';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { openDatabase } from '../../../runtime/storage/open-database';
import { ManualClock } from '../../helpers/manual-clock';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

function collector(name: string, types: string[] = ['ticket.noted']) {
  const seen: string[] = [];
  const consumer: OutboxConsumer & { seen: string[]; failOn?: string } = {
    name,
    seen,
    accepts: (e: OutboxEvent) => types.includes(e.type),
    async handle(e: OutboxEvent) {
      if (consumer.failOn && e.payload.n === consumer.failOn) throw new Error('receiver down');
      seen.push(String(e.payload.n));
    },
  };
  return consumer;
}

const note = (n: string, type = 'ticket.noted') => ({
  stream: 'record' as const,
  streamId: 'r1',
  type,
  at: 1,
  payload: { n },
});

describe.each(DIALECTS)('outbox on %s', (dialect) => {
  let db: TestDatabase;
  let runtime: RuntimeContext;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    runtime = { db, clock: new ManualClock('2026-11-24T09:00:00Z'), logger: memoryLogger() };
  });
  afterAll(() => db?.drop());

  it('hands every accepted event over once, in order, and nothing on the next drain', async () => {
    for (const n of ['1', '2', '3']) await appendEvent(db.knex, note(n));
    await appendEvent(db.knex, note('x', 'other.type'));
    const consumer = collector('in-order');
    expect(await drainOutboxFully(runtime, consumer, { batchSize: 2 })).toBe(3);
    expect(consumer.seen).toEqual(['1', '2', '3']);
    expect(await drainOutboxFully(runtime, consumer)).toBe(0);
  });

  it('keeps the cursor where it was when a handler fails, so the batch is retried', async () => {
    const consumer = collector('retrying');
    await drainOutboxFully(runtime, consumer);
    await appendEvent(db.knex, note('4'));
    await appendEvent(db.knex, note('5'));
    consumer.failOn = '5';
    consumer.seen.length = 0;
    await expect(drainOutbox(runtime, consumer)).rejects.toThrow('receiver down');
    consumer.failOn = undefined;
    consumer.seen.length = 0;
    await drainOutboxFully(runtime, consumer);
    expect(consumer.seen).toEqual(['4', '5']);
  });

  if (dialect === 'postgres') {
    it('does not skip an event whose transaction commits after a later one', async () => {
      const consumer = collector('late-commit');
      await drainOutboxFully(runtime, consumer);
      consumer.seen.length = 0;
      const other = openDatabase(db.url);
      try {
        const slow = await other.knex.transaction();
        await appendEvent(slow, note('early-but-slow'));
        await appendEvent(db.knex, note('later-but-quick'));
        // While the slow transaction runs, nothing past it may be consumed.
        expect(await drainOutboxFully(runtime, consumer)).toBe(0);
        await slow.commit();
        await drainOutboxFully(runtime, consumer);
        expect(consumer.seen).toEqual(['early-but-slow', 'later-but-quick']);
      } finally {
        await other.close();
      }
    });

    it('lets one process at a time drain a consumer', async () => {
      const other = openDatabase(db.url);
      try {
        const holder = await other.knex.transaction();
        await holder('outbox_cursors').insert({
          consumer: 'shared',
          last_tx_id: 0,
          last_event_id: 0,
          updated_at: 0,
        });
        await holder.commit();
        const lock = await other.knex.transaction();
        await lock('outbox_cursors').where({ consumer: 'shared' }).forUpdate();
        expect(await drainOutbox(runtime, collector('shared'))).toEqual({
          read: 0,
          handled: 0,
          locked: true,
        });
        await lock.rollback();
        expect((await drainOutbox(runtime, collector('shared'))).locked).toBe(false);
      } finally {
        await other.close();
      }
    });
  }
});
