/**
 * A rule's `webhook` action on both databases: the firing queues one delivery to the rule's URL whose
 * id comes from the action's idempotency key; the webhook worker sends it HMAC-signed with the secret
 * its `secretRef` names (`CLOSEDLOOP_SECRET_<REF>`), retries it with the same id after a 500, and logs
 * each attempt. Without `secretRef` it goes unsigned; with a secret that is not configured it is not
 * sent, and the attempt log says which variable to set. Replaying the outbox queues nothing more, and
 * subscriptions' delivery logs show only their own deliveries.
 */
import { describe, expect, it, vi } from 'vitest';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { deliverDueWebhooks } from '../../../runtime/webhooks/deliver-due-webhooks';
import { ruleDeliveryId } from '../../../runtime/webhooks/rule-deliveries';
import { verifySignature } from '../../../runtime/webhooks/sign-payload';
import { webhooksConsumer } from '../../../runtime/webhooks/webhook-consumer';
import { type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { startReceiver, type LocalReceiver } from '../webhooks/local-receiver';
import {
  drainRules,
  firingsOf,
  replayRules,
  storeCounts,
  submitTicket,
  ticket,
  ticketRule,
  useRuleActionsApp,
  whenTicket,
} from './rule-actions-app';

const SECRET = 'the-erp-shares-this-secret';

function rules(signed: string, unsigned: string, unconfigured: string) {
  return [
    ticketRule('screen-to-erp', whenTicket('category', 'screen'), [
      { type: 'webhook', url: signed, secretRef: 'erp-hook' },
    ]),
    ticketRule('battery-to-crm', whenTicket('category', 'battery'), [{ type: 'webhook', url: unsigned }]),
    ticketRule('noise-to-billing', whenTicket('category', 'noise'), [
      { type: 'webhook', url: unconfigured, secretRef: 'billingKey' },
    ]),
  ];
}

describe.each(DIALECTS)('webhook rule action on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  let erp: LocalReceiver;
  let crm: LocalReceiver;
  let billing: LocalReceiver;

  const delivery = (id: string) => h.db.knex('webhook_deliveries').where({ id }).first();
  const attempts = (id: string) =>
    h.db.knex('webhook_attempts').where({ delivery_id: id }).orderBy('attempt').select('outcome', 'error');
  const webhookOf = async (rule: string) => {
    const [firing] = await firingsOf(h, admin, rule);
    return { firing: firing!, id: firing!.created[0]!.id! };
  };

  useRuleActionsApp(dialect, {
    parts: async () => {
      [erp, crm, billing] = await Promise.all([
        startReceiver([500, 200]),
        startReceiver([200]),
        startReceiver([200]),
      ]);
      return { rules: rules(erp.url, crm.url, billing.url) };
    },
    ready: (harness, login) => {
      h = harness;
      admin = login;
      vi.stubEnv('CLOSEDLOOP_SECRET_ERP_HOOK', SECRET);
    },
    cleanUp: async () => {
      vi.unstubAllEnvs();
      await Promise.all([erp, crm, billing].map((r) => r?.close()));
    },
  });

  it('sends one signed delivery, retried after a 500 under the same id, with every attempt logged', async () => {
    const source = await submitTicket(h, admin, ticket({ category: 'screen' }));
    await drainRules(h);
    const { firing, id } = await webhookOf('screen-to-erp');
    expect(firing.created).toEqual([{ type: 'webhook', id: ruleDeliveryId(`${firing.key}#0`) }]);

    expect(await deliverDueWebhooks(h.runtime)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    // Not due again before its backoff ends.
    expect(await deliverDueWebhooks(h.runtime)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    h.clock.advanceMinutes(1);
    expect(await deliverDueWebhooks(h.runtime)).toEqual({ delivered: 1, retrying: 0, failed: 0 });

    expect(erp.received).toHaveLength(2);
    for (const request of erp.received) {
      expect(request.headers['x-closedloop-delivery']).toBe(id);
      expect(request.headers['x-closedloop-event']).toBe('rule.fired');
      expect(verifySignature(SECRET, request.body, String(request.headers['x-closedloop-signature']))).toBe(
        true,
      );
      expect(JSON.parse(request.body)).toEqual({
        id,
        rule: 'screen-to-erp',
        key: firing.key,
        group: { record: source.id },
        window: null,
        recordId: source.id,
        aggregates: {},
        at: expect.any(String),
      });
    }
    expect(erp.received[1]!.body).toBe(erp.received[0]!.body);
    expect(await delivery(id)).toMatchObject({ status: 'delivered', attempts: 2, response_status: 200 });
    expect(await attempts(id)).toEqual([
      { outcome: 'retrying', error: 'HTTP 500' },
      { outcome: 'delivered', error: null },
    ]);
  });

  it('queues nothing more when the same events are drained again', async () => {
    const before = await storeCounts(h);
    await replayRules(h);
    expect(await storeCounts(h)).toEqual(before);
    expect(await deliverDueWebhooks(h.runtime)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(erp.received).toHaveLength(2);
  });

  it('sends a delivery without secretRef unsigned', async () => {
    await submitTicket(h, admin, ticket({ category: 'battery' }));
    await drainRules(h);
    const { id } = await webhookOf('battery-to-crm');
    expect(await deliverDueWebhooks(h.runtime)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(crm.received).toHaveLength(1);
    expect(crm.received[0]!.headers['x-closedloop-delivery']).toBe(id);
    expect(crm.received[0]!.headers).not.toHaveProperty('x-closedloop-signature');
  });

  it('does not send a delivery whose secret is not configured, and logs why', async () => {
    await submitTicket(h, admin, ticket({ category: 'noise' }));
    await drainRules(h);
    const { id } = await webhookOf('noise-to-billing');
    expect(await deliverDueWebhooks(h.runtime)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(billing.received).toHaveLength(0);
    const why =
      'the signing secret "billingKey" is not configured: set CLOSEDLOOP_SECRET_BILLING_KEY; not sent unsigned';
    expect(await delivery(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: why });
    expect(await attempts(id)).toEqual([{ outcome: 'retrying', error: why }]);

    // Once the secret is configured, the retry goes out signed.
    vi.stubEnv('CLOSEDLOOP_SECRET_BILLING_KEY', 'billing-secret-value');
    h.clock.advanceMinutes(1);
    expect(await deliverDueWebhooks(h.runtime)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const sent = billing.received[0]!;
    expect(
      verifySignature('billing-secret-value', sent.body, String(sent.headers['x-closedloop-signature'])),
    ).toBe(true);
  });

  it('keeps subscriptions’ delivery logs to their own deliveries', async () => {
    const created = await h.request({
      method: 'POST',
      url: '/api/webhooks',
      headers: admin.headers,
      payload: { url: crm.url, events: ['rule.fired'] },
    });
    expect(created.status).toBe(201);
    const hook = created.body.id as string;
    await submitTicket(h, admin, ticket({ category: 'screen', model: 'X300' }));
    await drainRules(h);
    await drainOutboxFully(h.runtime, webhooksConsumer);
    await deliverDueWebhooks(h.runtime);

    const log = await h.request({
      method: 'GET',
      url: `/api/webhooks/${hook}/deliveries`,
      headers: admin.headers,
    });
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({ webhookId: hook, eventType: 'rule.fired', status: 'delivered' }),
    ]);
    const { id } = await webhookOf('screen-to-erp');
    // A rule's delivery is not the subscription's to retry.
    const foreign = await h.request({
      method: 'POST',
      url: `/api/webhooks/${hook}/deliveries/${id}/retry`,
      headers: admin.headers,
    });
    expect(foreign.status).toBe(404);
    expect(await delivery(id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
