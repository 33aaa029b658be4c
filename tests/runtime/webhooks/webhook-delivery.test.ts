/**
 * Webhook deliveries: one per matching event and subscription, signed, retried with backoff on the
 * ManualClock (never before they are due), logged attempt by attempt, and given up as `failed`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../../runtime/events/append-event';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { deliverDueWebhooks } from '../../../runtime/webhooks/deliver-due-webhooks';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../../runtime/webhooks/retry-schedule';
import { verifySignature } from '../../../runtime/webhooks/sign-payload';
import { webhooksConsumer } from '../../../runtime/webhooks/webhook-consumer';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { createTestUser, startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { startReceiver, unreachableUrl, type LocalReceiver } from './local-receiver';

const MINUTE = 60_000;

/** An admin's API token (webhooks:read, webhooks:write): unlike a session, it does not end while the clock moves on. */
async function adminToken(h: Harness) {
  const user = await createTestUser(h, { username: 'admin', roles: ['admin'] });
  const { token } = await createApiToken(h.runtime, user.id, {
    name: 'test',
    scopes: ['webhooks:read', 'webhooks:write'],
  });
  return { headers: { authorization: `Bearer ${token}` } };
}

describe.each(DIALECTS)('webhook deliveries on %s', (dialect) => {
  let h: Harness;
  /** Manages the webhooks. */
  let admin: { headers: { authorization: string } };
  let receiver: LocalReceiver;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await adminToken(h!);
    receiver = await startReceiver([500, 503, 200]);
  });
  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  const subscribe = async (url: string, events: string[], secret?: string) => {
    const res = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: '/api/webhooks',
      payload: { url, events, secret },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };

  const record = (type: string, id: string, payload: Record<string, unknown> = {}) =>
    appendEvent(h.db.knex, {
      stream: 'record',
      streamId: id,
      type,
      at: h.clock.now().getTime(),
      payload,
    });

  it('retries a failing receiver with backoff and delivers the same signed delivery on the third try', async () => {
    const hook = await subscribe(receiver.url, ['record.*'], 'a-shared-secret-of-the-erp');
    const t0 = h.clock.now().getTime();
    const eventId = await record('record.created', 'r1', { form: 'ticket', data: { model: 'X200' } });
    await record('stage.entered', 'r1', { stage: 'accept' }); // not subscribed
    await drainOutboxFully(h.runtime, webhooksConsumer);

    expect(await deliverDueWebhooks(h.runtime, { limit: 10 })).toEqual({
      delivered: 0,
      retrying: 1,
      failed: 0,
    });
    expect(receiver.received).toHaveLength(1);

    // Not due yet: nothing is sent, now or a second before the backoff ends.
    expect(await deliverDueWebhooks(h.runtime, { limit: 10 })).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
    h.clock.set(new Date(t0 + MINUTE - 1000));
    await deliverDueWebhooks(h.runtime, { limit: 10 });
    expect(receiver.received).toHaveLength(1);

    h.clock.set(new Date(t0 + MINUTE));
    expect(await deliverDueWebhooks(h.runtime, { limit: 10 })).toMatchObject({ retrying: 1 });
    h.clock.set(new Date(t0 + MINUTE + 5 * MINUTE - 1000));
    await deliverDueWebhooks(h.runtime, { limit: 10 });
    expect(receiver.received).toHaveLength(2);

    h.clock.set(new Date(t0 + 6 * MINUTE));
    expect(await deliverDueWebhooks(h.runtime, { limit: 10 })).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    });
    expect(receiver.received).toHaveLength(3);

    const ids = new Set(receiver.received.map((r) => r.headers['x-closedloop-delivery']));
    expect(ids.size).toBe(1);
    const deliveryId = [...ids][0] as string;
    for (const req of receiver.received) {
      expect(req.method).toBe('POST');
      expect(req.path).toBe('/hooks/closedloop');
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers['x-closedloop-event']).toBe('record.created');
      expect(verifySignature(hook.secret, req.body, String(req.headers['x-closedloop-signature']))).toBe(
        true,
      );
      expect(
        verifySignature('another-secret-entirely', req.body, String(req.headers['x-closedloop-signature'])),
      ).toBe(false);
      expect(JSON.parse(req.body)).toEqual({
        id: deliveryId,
        event: {
          id: eventId,
          type: 'record.created',
          at: new Date(t0).toISOString(),
          stream: 'record',
          streamId: 'r1',
          payload: { form: 'ticket', data: { model: 'X200' } },
        },
      });
    }
    expect(receiver.received[2]!.body).toBe(receiver.received[0]!.body);

    const log = await h.request({
      headers: admin.headers,
      method: 'GET',
      url: `/api/webhooks/${hook.id}/deliveries`,
    });
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    const delivery = log.body.items[0];
    expect(delivery).toMatchObject({
      id: deliveryId,
      eventId,
      eventType: 'record.created',
      status: 'delivered',
      attempts: 3,
      nextAttemptAt: null,
      responseStatus: 200,
      responseBody: 'ok',
      lastError: null,
    });
    expect(delivery.log).toEqual([
      expect.objectContaining({
        attempt: 1,
        at: new Date(t0).toISOString(),
        outcome: 'retrying',
        responseStatus: 500,
        responseBody: 'receiver says no (500)',
        error: 'HTTP 500',
        nextAttemptAt: new Date(t0 + MINUTE).toISOString(),
      }),
      expect.objectContaining({
        attempt: 2,
        at: new Date(t0 + MINUTE).toISOString(),
        outcome: 'retrying',
        responseStatus: 503,
        nextAttemptAt: new Date(t0 + 6 * MINUTE).toISOString(),
      }),
      expect.objectContaining({
        attempt: 3,
        at: new Date(t0 + 6 * MINUTE).toISOString(),
        outcome: 'delivered',
        responseStatus: 200,
        error: null,
        nextAttemptAt: null,
      }),
    ]);
  });

  it('adds no delivery when a consumer batch is repeated', async () => {
    const count = async () => Number((await h.db.knex('webhook_deliveries').count({ n: '*' }))[0]!.n);
    await record('record.updated', 'r1', { revision: 2 });
    await drainOutboxFully(h.runtime, webhooksConsumer);
    const before = await count();
    const ids = (await h.db.knex('webhook_deliveries').orderBy('id').select('id')).map((r) => r.id);
    // A crash after the batch's rows but before its cursor moved: the same events come round again.
    await h.db
      .knex('outbox_cursors')
      .where({ consumer: 'webhooks' })
      .update({ last_tx_id: 0, last_event_id: 0 });
    await drainOutboxFully(h.runtime, webhooksConsumer);
    expect(await count()).toBe(before);
    expect((await h.db.knex('webhook_deliveries').orderBy('id').select('id')).map((r) => r.id)).toEqual(ids);
  });

  it('gives an unreachable receiver up as failed after the maximum attempts, with the error recorded', async () => {
    // Deliver the first subscription's pending update, so only the unreachable one is left to retry.
    expect(await deliverDueWebhooks(h.runtime, { limit: 10 })).toMatchObject({ delivered: 1 });
    const hook = await subscribe(await unreachableUrl(), ['sla.breached']);
    await record('sla.breached', 'r2', { clock: 'accept-sla' });
    await drainOutboxFully(h.runtime, webhooksConsumer);

    const start = h.clock.now().getTime();
    let at = start;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliverDueWebhooks(h.runtime, { limit: 10, timeoutMs: 5000 });
      expect(result).toEqual(
        attempt < MAX_ATTEMPTS
          ? { delivered: 0, retrying: 1, failed: 0 }
          : { delivered: 0, retrying: 0, failed: 1 },
      );
      at += RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1]!;
      h.clock.set(new Date(at));
    }
    expect(await deliverDueWebhooks(h.runtime, { limit: 10 })).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });

    const log = await h.request({
      headers: admin.headers,
      method: 'GET',
      url: `/api/webhooks/${hook.id}/deliveries?status=failed`,
    });
    const [delivery] = log.body.items;
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      nextAttemptAt: null,
      responseStatus: null,
    });
    expect(delivery.lastError).toMatch(/ECONNREFUSED/);
    expect(delivery.log).toHaveLength(MAX_ATTEMPTS);
    expect(delivery.log.at(-1)).toMatchObject({ outcome: 'failed', nextAttemptAt: null });
    expect(h.logs.some((l) => l.message === 'webhook delivery failed for good')).toBe(true);

    // A manual retry makes it due again: one more attempt, still recorded.
    const retried = await h.request({
      headers: admin.headers,
      method: 'POST',
      url: `/api/webhooks/${hook.id}/deliveries/${delivery.id}/retry`,
    });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'pending', nextAttemptAt: h.clock.now().toISOString() });
    expect(await deliverDueWebhooks(h.runtime, { limit: 10 })).toMatchObject({ failed: 1 });
    const after = await h.request({
      headers: admin.headers,
      method: 'GET',
      url: `/api/webhooks/${hook.id}/deliveries`,
    });
    expect(after.body.items[0].log).toHaveLength(MAX_ATTEMPTS + 1);
  });
});
