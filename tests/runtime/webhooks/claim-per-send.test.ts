/**
 * A delivery worker holds only the delivery it is sending, on both databases: while one send hangs at a
 * slow receiver, another worker (another process, or the same one restarted after a crash) sends the
 * deliveries queued behind it at once; the hanging one is sent again, under its id, only once the
 * claim's lease (the send timeout plus a short margin) has run out, and it is recorded once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../../runtime/events/append-event';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { deliverDueWebhooks } from '../../../runtime/webhooks/deliver-due-webhooks';
import { webhooksConsumer } from '../../../runtime/webhooks/webhook-consumer';
import { createWebhook } from '../../../runtime/webhooks/webhook-store';
import { startRecordingReceiver, type RecordingReceiver } from '../../helpers/recording-receiver';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

const QUEUED = 5;
/** The send timeout both workers use. */
const TIMEOUT_MS = 30_000;

describe.each(DIALECTS)('one claim per send on %s', (dialect) => {
  let h: Harness;
  let receiver: RecordingReceiver;
  beforeAll(async () => {
    h = await startHarness(dialect);
    receiver = await startRecordingReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  const advanceMs = (ms: number) => h.clock.set(new Date(h.clock.now().getTime() + ms));
  const statuses = async () =>
    (await h.db.knex('webhook_deliveries').orderBy('event_id').pluck('status')) as string[];

  it('sends the deliveries behind a hanging one at once, and the hanging one again after its lease', async () => {
    await createWebhook(h.runtime, { url: receiver.url('/erp'), events: ['record.*'] }, null);
    for (let i = 0; i < QUEUED; i++)
      await appendEvent(h.db.knex, {
        stream: 'record',
        streamId: `r${i}`,
        type: 'record.created',
        at: h.clock.now().getTime(),
        payload: { n: i },
      });
    await drainOutboxFully(h.runtime, webhooksConsumer);

    // The first worker's first send hangs: the receiver got it and does not answer.
    receiver.answer((_, index) => (index === 0 ? 'hold' : 200));
    const hanging = deliverDueWebhooks(h.runtime, { timeoutMs: TIMEOUT_MS });
    const inFlight = await receiver.whenReceived(() => true);

    // Another worker meanwhile sends every other delivery, not the one in flight.
    expect(await deliverDueWebhooks(h.runtime, { timeoutMs: TIMEOUT_MS })).toEqual({
      delivered: QUEUED - 1,
      retrying: 0,
      failed: 0,
    });
    expect(
      receiver.received.map((d) => d.deliveryId).filter((id) => id === inFlight.deliveryId),
    ).toHaveLength(1);
    expect((await statuses()).filter((s) => s === 'delivered')).toHaveLength(QUEUED - 1);

    // Just before the lease ends it is still held; once it has ended, it is sent again under its id.
    advanceMs(TIMEOUT_MS + 9_000);
    expect(await deliverDueWebhooks(h.runtime, { timeoutMs: TIMEOUT_MS })).toMatchObject({ delivered: 0 });
    advanceMs(1_000);
    expect(await deliverDueWebhooks(h.runtime, { timeoutMs: TIMEOUT_MS })).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    });
    const copies = receiver.received.filter((d) => d.deliveryId === inFlight.deliveryId);
    expect(copies).toHaveLength(2);
    expect(copies[1]!.body).toBe(copies[0]!.body);

    // The first worker's late answer records nothing: the delivery is delivered once, with one attempt.
    receiver.releaseHeld(200);
    expect(await hanging).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await statuses()).toEqual(Array(QUEUED).fill('delivered'));
    expect(
      await h.db.knex('webhook_attempts').where({ delivery_id: inFlight.deliveryId }).pluck('outcome'),
    ).toEqual(['delivered']);
  });
});
