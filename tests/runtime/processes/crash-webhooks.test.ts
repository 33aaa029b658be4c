/**
 * A real `closedloop serve` killed with SIGKILL while webhook deliveries are in flight, on an SQLite file
 * and on PostgreSQL: a subscription to `record.*` and a rule whose action is a webhook, a steady stream
 * of ticket submissions, and a receiver that holds one delivery open (received, never answered) when
 * the kill comes — while other deliveries wait, queued or not yet queued. After a restart every
 * delivery ends `delivered`, and the receiver's log shows: every committed `record.*` event arrived at
 * least once, under one delivery id of its own, signed; a delivery that arrived twice (the one in
 * flight at the kill) carried the same id and the same body both times; every ticket fired the rule
 * once (one firing per idempotency key) and its webhook arrived under the id made from that key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { createUser } from '../../../runtime/auth/users';
import { systemClock } from '../../../runtime/clock';
import type { Dialect } from '../../../runtime/config/database-url';
import { memoryLogger } from '../../../runtime/logger';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { matchesEventPattern } from '../../../runtime/webhooks/event-patterns';
import { ruleDeliveryId } from '../../../runtime/webhooks/rule-deliveries';
import { verifySignature } from '../../../runtime/webhooks/sign-payload';
import { createWebhook } from '../../../runtime/webhooks/webhook-store';
import {
  startRecordingReceiver,
  type RecordedDelivery,
  type RecordingReceiver,
} from '../../helpers/recording-receiver';
import { spawnClosedloop, type RunningCommand } from '../../helpers/spawn-closedloop';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';
import { ticket, ticketRule, tourWith, whenTicket } from '../rules/rule-actions-app';
import { readJson } from '../../../runtime/storage/json-value';

const RULE = 'screen-to-erp';
const SUBSCRIBED = 'record.*';
/** Deliveries answered before the receiver holds one open and the server is killed. */
const ANSWERED_BEFORE_KILL = 12;
/** Acknowledged submissions before the kill (more are in flight). */
const KILL_AFTER = 15;
const SUBMITTED_AFTER_RESTART = 3;
const CLIENTS = 4;

async function startServer(db: TestDatabase): Promise<{ server: RunningCommand; url: string }> {
  const server = spawnClosedloop(['serve'], {
    PORT: '0',
    DATABASE_URL: db.url,
    CLOSEDLOOP_ADMIN_PASSWORD: 'crash-webhooks-admin',
    // A short receiver timeout keeps the lease on the delivery in flight at the kill short (2 s + 10 s).
    CLOSEDLOOP_WEBHOOK_TIMEOUT_MS: '2000',
    CLOSEDLOOP_WORKER_INTERVAL_MS: '50',
  });
  const [, port] = await server.waitFor(/listening on http:\/\/localhost:(\d+)/);
  return { server, url: `http://127.0.0.1:${port}` };
}

/** The receiver's log by delivery id, in arrival order. */
function byDeliveryId(received: RecordedDelivery[]): Map<string, RecordedDelivery[]> {
  const grouped = new Map<string, RecordedDelivery[]>();
  for (const d of received) grouped.set(d.deliveryId, [...(grouped.get(d.deliveryId) ?? []), d]);
  return grouped;
}

describe.each(DIALECTS)('SIGKILL with webhooks in flight on %s', (dialect: Dialect) => {
  let db: TestDatabase;
  let receiver: RecordingReceiver;
  let token: string;
  let secret: string;
  let subscribedAt: number;
  const servers: RunningCommand[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    receiver = await startRecordingReceiver();
    const runtime: RuntimeContext = { db, clock: systemClock, logger: memoryLogger() };
    const rule = ticketRule(RULE, whenTicket('category', 'screen'), [
      { type: 'webhook', url: receiver.url('/rule') },
    ]);
    await importApp(runtime, tourWith({ rules: [rule] }), null);
    const hook = await createWebhook(
      runtime,
      { url: receiver.url('/subscription'), events: [SUBSCRIBED] },
      null,
    );
    secret = hook.secret;
    subscribedAt = Date.parse(hook.createdAt);
    const user = await createUser(runtime, {
      username: 'load',
      password: 'load-client-pass',
      roles: ['admin'],
    });
    token = (await createApiToken(runtime, user.id, { name: 'load', scopes: ['records:write'] })).token;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await receiver?.close();
    await db?.drop();
  });

  const submit = (url: string, detail: string) =>
    fetch(`${url}/api/forms/ticket/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ data: ticket({ category: 'screen', detail }) }),
    });

  /** What the database says must have reached the receiver, and what is still to do. */
  async function expected() {
    const events = (await db.knex('events').select('id', 'type', 'at')) as {
      id: unknown;
      type: string;
      at: unknown;
    }[];
    const subscribedEvents = events
      .filter((e) => Number(e.at) >= subscribedAt && matchesEventPattern(SUBSCRIBED, e.type))
      .map((e) => Number(e.id));
    const tickets = Number((await db.knex('records').where({ form_key: 'ticket' }).count({ n: '*' }))[0]!.n);
    const firings = (await db
      .knex('rule_firings')
      .where({ rule_key: RULE })
      .pluck('idempotency_key')) as string[];
    const unfinished = Number(
      (await db.knex('webhook_deliveries').whereNot({ status: 'delivered' }).count({ n: '*' }))[0]!.n,
    );
    return { subscribedEvents, tickets, firings, unfinished };
  }

  it(
    'delivers every subscribed event and every rule firing at least once, under stable ids',
    { timeout: 120_000 },
    async () => {
      // Answered until ANSWERED_BEFORE_KILL deliveries are in; the next one is held open: in flight.
      receiver.answer((_, index) => (index < ANSWERED_BEFORE_KILL ? 200 : 'hold'));
      const first = await startServer(db);
      servers.push(first.server);

      const acknowledged = new Set<string>();
      let next = 0;
      let dead = false;
      const client = async () => {
        while (!dead) {
          const detail = `Load ${next++}`;
          let status: number;
          try {
            status = (await submit(first.url, detail)).status;
          } catch {
            return; // The server died under this request: it was never acknowledged.
          }
          expect(status).toBe(201);
          acknowledged.add(detail);
        }
      };
      const killer = async () => {
        const inFlight = await receiver.whenReceived((_, index) => index === ANSWERED_BEFORE_KILL);
        await new Promise<void>((resolve) => {
          const check = () => (acknowledged.size >= KILL_AFTER ? resolve() : setTimeout(check, 5));
          check();
        });
        const code = await first.server.stop('SIGKILL');
        dead = true;
        return { code, inFlight };
      };
      const [{ code, inFlight }] = await Promise.all([killer(), ...Array.from({ length: CLIENTS }, client)]);
      expect(code).toBeNull(); // killed by the signal, not exited
      const atKill = await expected();
      // Some deliveries had arrived, others had not: queued, or their events not even read yet.
      expect(receiver.received.length).toBe(ANSWERED_BEFORE_KILL + 1);
      expect(atKill.subscribedEvents.length + atKill.firings.length).toBeGreaterThan(
        receiver.received.length,
      );

      receiver.answer(() => 200);
      const restarted = Date.now();
      const second = await startServer(db);
      servers.push(second.server);
      for (let i = 0; i < SUBMITTED_AFTER_RESTART; i++)
        expect((await submit(second.url, `After restart ${i}`)).status).toBe(201);

      const deadline = Date.now() + 60_000;
      const arrived = () => new Set(receiver.received.map((d) => d.deliveryId));
      const subscriptionIds = () =>
        new Set(
          receiver.received
            .filter((d) => d.path === '/subscription')
            .map((d) => (JSON.parse(d.body) as { event: { id: number } }).event.id),
        );
      for (;;) {
        const now = await expected();
        const events = subscriptionIds();
        const ids = arrived();
        const done =
          now.unfinished === 0 &&
          now.firings.length === now.tickets &&
          now.subscribedEvents.every((id) => events.has(id)) &&
          now.firings.every((key) => ids.has(ruleDeliveryId(`${key}#0`)));
        if (done) break;
        if (Date.now() > deadline)
          throw new Error(
            `not every delivery was done ${Math.round((Date.now() - restarted) / 1000)} s after the restart: ` +
              JSON.stringify({
                unfinished: now.unfinished,
                tickets: now.tickets,
                firings: now.firings.length,
              }),
          );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const recoveredInMs = Date.now() - restarted;
      expect(await second.server.stop()).toBe(0);

      const final = await expected();
      const stored = (
        (await db.knex('records').where({ form_key: 'ticket' }).pluck('data')) as unknown[]
      ).map((d) => String(readJson<Record<string, unknown>>(d).detail));
      expect([...acknowledged].filter((t) => !stored.includes(t))).toEqual([]);

      const grouped = byDeliveryId(receiver.received);
      // A delivery that arrived more than once came with the same body (and so the same event) each time.
      for (const [id, copies] of grouped) {
        expect(id).not.toBe('');
        expect(new Set(copies.map((c) => c.body)).size, `delivery ${id}`).toBe(1);
        expect(new Set(copies.map((c) => c.path)).size, `delivery ${id}`).toBe(1);
      }
      // The one in flight at the kill was sent again after the restart, under its id.
      expect(grouped.get(inFlight.deliveryId)!.length).toBeGreaterThanOrEqual(2);

      // Subscription deliveries: one id per event, every committed event arrived, signed.
      const subscription = receiver.received.filter((d) => d.path === '/subscription');
      const idsPerEvent = new Map<number, Set<string>>();
      for (const d of subscription) {
        const body = JSON.parse(d.body) as { id: string; event: { id: number; type: string } };
        expect(body.id).toBe(d.deliveryId);
        expect(d.event).toBe(body.event.type);
        expect(verifySignature(secret, d.body, d.signature ?? '')).toBe(true);
        idsPerEvent.set(body.event.id, (idsPerEvent.get(body.event.id) ?? new Set()).add(d.deliveryId));
      }
      expect([...idsPerEvent].filter(([, ids]) => ids.size !== 1)).toEqual([]);
      expect(final.subscribedEvents.filter((id) => !idsPerEvent.has(id))).toEqual([]);
      expect([...idsPerEvent.keys()].filter((id) => !final.subscribedEvents.includes(id))).toEqual([]);

      // Rule firings: one per ticket and idempotency key, each delivered under the id made from its key.
      expect(new Set(final.firings).size).toBe(final.firings.length);
      expect(final.firings).toHaveLength(final.tickets);
      const ruleDeliveries = receiver.received.filter((d) => d.path === '/rule');
      for (const d of ruleDeliveries) {
        const body = JSON.parse(d.body) as { id: string; key: string; rule: string };
        expect(body).toMatchObject({ id: d.deliveryId, rule: RULE });
        expect(d.deliveryId).toBe(ruleDeliveryId(`${body.key}#0`));
      }
      const ruleIds = new Set(ruleDeliveries.map((d) => d.deliveryId));
      expect(final.firings.filter((key) => !ruleIds.has(ruleDeliveryId(`${key}#0`)))).toEqual([]);
      expect(ruleIds.size).toBe(final.firings.length);

      const twice = [...grouped.values()].filter((copies) => copies.length > 1).length;
      console.info(
        `${dialect}: ${acknowledged.size} acknowledged of ${next} sent; ${atKill.subscribedEvents.length} subscribed ` +
          `events and ${atKill.firings.length} firings at the kill, ${ANSWERED_BEFORE_KILL} answered and one in flight; ` +
          `all ${grouped.size} deliveries done ${recoveredInMs} ms after the restart, ${twice} of them received twice`,
      );
    },
  );
});
