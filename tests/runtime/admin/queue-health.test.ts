/**
 * `GET /api/admin/queues`: the queues' health for admins (DESIGN 8). An empty store answers zeros;
 * records' SLA timers and a scheduled rule's tick are counted apart, due and overdue as the ManualClock
 * moves, a timer whose firing failed shows as failing; a webhook to a failing receiver shows as failing
 * and then failed; each outbox consumer's lag counts the events it has not drained and drops to 0 after
 * draining; e-mails and import jobs are counted by state; the same numbers are Prometheus gauges; and
 * only admins (tokens with `admin:read`) may read them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  readQueuesHealth,
  type DeliveryQueueHealth,
  type ImportQueueHealth,
  type QueueHealth,
} from '../../../runtime/admin/queue-health';
import { importApp } from '../../../runtime/apps/import-app';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { appendEvent } from '../../../runtime/events/append-event';
import { createNotificationsConsumer } from '../../../runtime/notifications/notifications-consumer';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import { sweepDueTimers } from '../../../runtime/timers/timer-sweeper';
import { deliverDueWebhooks } from '../../../runtime/webhooks/deliver-due-webhooks';
import { webhooksConsumer } from '../../../runtime/webhooks/webhook-consumer';
import {
  createTestUser,
  createUserAndLogin,
  startHarness,
  type Harness,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { publishSlaTicket } from '../records/record-fixtures';
import { bundle as scheduledRuleApp } from '../rules/scheduled-rule-fixtures';

const shanghai = (local: string) => `${local}+08:00`;
const iso = (local: string) => new Date(shanghai(local)).toISOString();
const MINUTE = 60_000;

const idle: QueueHealth = { pending: 0, due: 0, failing: 0, oldestDueAt: null, oldestAgeSeconds: 0 };
const idleDeliveries: DeliveryQueueHealth = { ...idle, failed: 0 };
const idleImports: ImportQueueHealth = {
  pending: 0,
  due: 0,
  queued: 0,
  running: 0,
  stalled: 0,
  failedLast24h: 0,
  oldestDueAt: null,
  oldestAgeSeconds: 0,
};
const CONSUMERS = ['notifications', 'rules', 'webhooks'];
const caughtUp = (consumer: string) => ({ consumer, pending: 0, oldestDueAt: null, oldestAgeSeconds: 0 });

describe.each(DIALECTS)('queue health on %s', (dialect) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** An admin's API token: unlike a session, it does not end while the clock moves on. */
  async function adminToken(harness: Harness, scopes = ['admin:read', 'webhooks:write']) {
    const user = await createTestUser(harness, { username: `admin-${scopes.length}`, roles: ['admin'] });
    const { token } = await createApiToken(harness.runtime, user.id, { name: 'ops', scopes });
    return { user, headers: { authorization: `Bearer ${token}` } };
  }

  const drainAll = async (harness: Harness) => {
    await drainOutboxFully(harness.runtime, createRulesConsumer());
    await drainOutboxFully(harness.runtime, webhooksConsumer);
    await drainOutboxFully(harness.runtime, createNotificationsConsumer({ email: false }));
  };

  async function queues(harness: Harness, headers: Record<string, string>) {
    const res = await harness.request({ method: 'GET', url: '/api/admin/queues', headers });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }

  it('answers zeros for an empty store', async () => {
    h = await startHarness(dialect);
    const empty = {
      at: h.clock.now().toISOString(),
      timers: { records: idle, ruleTicks: idle },
      outbox: CONSUMERS.map(caughtUp),
      webhookDeliveries: idleDeliveries,
      notificationEmails: idleDeliveries,
      importJobs: idleImports,
    };
    expect(await readQueuesHealth(h.runtime)).toEqual(empty);
    // Signing the admin up appends events (the audit trail); once drained, the API reads the same zeros.
    const admin = await adminToken(h);
    await drainAll(h);
    expect(await queues(h, admin.headers)).toEqual(empty);
  });

  it('refuses signed-out callers (401), non-admins (403) and tokens without admin:read (403)', async () => {
    h = await startHarness(dialect);
    expect((await h.request({ method: 'GET', url: '/api/admin/queues' })).status).toBe(401);
    const agent = await createUserAndLogin(h, { username: 'agent1', roles: ['agent'] });
    const refused = await h.request({ method: 'GET', url: '/api/admin/queues', headers: agent.headers });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const manager = await createUserAndLogin(h, { username: 'max', roles: ['manager', 'designer'] });
    expect(
      (await h.request({ method: 'GET', url: '/api/admin/queues', headers: manager.headers })).status,
    ).toBe(403);

    const narrow = await adminToken(h, ['metrics:read']);
    const scoped = await h.request({ method: 'GET', url: '/api/admin/queues', headers: narrow.headers });
    expect(scoped.status).toBe(403);
    expect(scoped.body.error.code).toBe('insufficient-scope');

    const session = await createUserAndLogin(h, { username: 'ada', roles: ['admin'] });
    expect((await queues(h, session.headers)).timers.records).toEqual(idle);
    const token = await adminToken(h);
    expect((await queues(h, token.headers)).importJobs).toEqual(idleImports);
  });

  it('counts records’ timers and a scheduled rule’s tick apart: due, overdue and failing', async () => {
    h = await startHarness(dialect, shanghai('2026-11-24T09:00:00'));
    const admin = await adminToken(h);
    await publishSlaTicket(h.runtime);
    await importApp(h.runtime, scheduledRuleApp, 'admin'); // A daily 18:00 tick.
    const submit = async (title: string) => {
      const res = await h!.request({
        method: 'POST',
        url: '/api/forms/sla-ticket/records',
        payload: { data: { title } },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    // Each ticket gets three timers: the 50 % and 75 % warnings and the breach of its 4-hour SLA.
    const first = await submit('No picture');
    h.clock.set(shanghai('2026-11-24T09:30:00'));
    await submit('No sound');
    const ruleTick = { ...idle, pending: 1 };
    expect((await queues(h, admin.headers)).timers).toEqual({
      records: { ...idle, pending: 6 },
      ruleTicks: ruleTick,
    });

    // 11:45: the first ticket's 50 % warning is 45 minutes overdue, the second's 15.
    h.clock.set(shanghai('2026-11-24T11:45:00'));
    expect((await queues(h, admin.headers)).timers).toEqual({
      records: {
        pending: 6,
        due: 2,
        failing: 0,
        oldestDueAt: iso('2026-11-24T11:00:00'),
        oldestAgeSeconds: 45 * 60,
      },
      ruleTicks: ruleTick,
    });

    // The first ticket's flow cannot be stepped: its firing fails and is pushed back a minute.
    await h.db.knex('flow_instances').where({ record_id: first }).update({ flow_version: 99 });
    expect(await sweepDueTimers(h.runtime, { workerId: 'test' })).toMatchObject({ fired: 1, failed: 1 });
    expect((await queues(h, admin.headers)).timers.records).toEqual({ ...idle, pending: 5, failing: 1 });
    h.clock.advanceMinutes(3);
    expect((await queues(h, admin.headers)).timers.records).toEqual({
      pending: 5,
      due: 1,
      failing: 1,
      oldestDueAt: iso('2026-11-24T11:46:00'),
      oldestAgeSeconds: 120,
    });

    // 18:30: the rule's tick is half an hour overdue (nothing swept it).
    await h.db.knex('flow_instances').where({ record_id: first }).update({ flow_version: 1 });
    h.clock.set(shanghai('2026-11-24T18:30:00'));
    const evening = await queues(h, admin.headers);
    expect(evening.timers.ruleTicks).toEqual({
      pending: 1,
      due: 1,
      failing: 0,
      oldestDueAt: iso('2026-11-24T18:00:00'),
      oldestAgeSeconds: 30 * 60,
    });
    expect(evening.timers.records).toMatchObject({ pending: 5, due: 5, failing: 1 });
    await sweepDueTimers(h.runtime, { workerId: 'test' });
    const swept = await queues(h, admin.headers);
    expect(swept.timers.ruleTicks).toEqual(ruleTick); // Moved on to tomorrow's tick.
    expect(swept.timers.records).toEqual(idle);
  });

  it('shows an undelivered webhook to a failing receiver as failing, then failed', async () => {
    h = await startHarness(dialect);
    const admin = await adminToken(h);
    const hook = await h.request({
      method: 'POST',
      url: '/api/webhooks',
      headers: admin.headers,
      payload: { url: 'https://erp.example.com/hooks', events: ['record.*'] },
    });
    expect(hook.status).toBe(201);
    const queued = h.clock.now().toISOString();
    await appendEvent(h.db.knex, {
      stream: 'record',
      streamId: 'r1',
      type: 'record.created',
      at: h.clock.now().getTime(),
      payload: {},
    });
    await drainOutboxFully(h.runtime, webhooksConsumer);
    expect((await queues(h, admin.headers)).webhookDeliveries).toEqual({
      ...idleDeliveries,
      pending: 1,
      due: 1,
      oldestDueAt: queued,
    });

    const receiver = async () => new Response('down for maintenance', { status: 503 });
    expect(await deliverDueWebhooks(h.runtime, { fetch: receiver })).toMatchObject({ retrying: 1 });
    // Waiting for its retry a minute later: pending and failing, not due.
    expect((await queues(h, admin.headers)).webhookDeliveries).toEqual({
      ...idleDeliveries,
      pending: 1,
      failing: 1,
      oldestDueAt: queued,
    });
    h.clock.advanceMinutes(10);
    expect((await queues(h, admin.headers)).webhookDeliveries).toEqual({
      pending: 1,
      due: 1,
      failing: 1,
      failed: 0,
      oldestDueAt: queued,
      oldestAgeSeconds: 600,
    });
    expect(await deliverDueWebhooks(h.runtime, { fetch: receiver, maxAttempts: 2 })).toMatchObject({
      failed: 1,
    });
    expect((await queues(h, admin.headers)).webhookDeliveries).toEqual({ ...idleDeliveries, failed: 1 });
  });

  it('counts each outbox consumer’s lag until it drains', async () => {
    h = await startHarness(dialect);
    const admin = await adminToken(h);
    await drainAll(h);
    const started = h.clock.now();
    h.clock.advanceMinutes(5);
    for (const type of ['record.created', 'record.updated', 'stage.entered']) {
      await appendEvent(h.db.knex, {
        stream: 'record',
        streamId: 'r1',
        type,
        at: h.clock.now().getTime(),
        payload: {},
      });
    }
    h.clock.advanceMinutes(2);
    const lagging = (consumer: string) => ({
      consumer,
      pending: 3,
      oldestDueAt: new Date(started.getTime() + 5 * MINUTE).toISOString(),
      oldestAgeSeconds: 120,
    });
    expect((await queues(h, admin.headers)).outbox).toEqual(CONSUMERS.map(lagging));

    await drainOutboxFully(h.runtime, createRulesConsumer());
    expect((await queues(h, admin.headers)).outbox).toEqual([
      lagging('notifications'),
      caughtUp('rules'),
      lagging('webhooks'),
    ]);
    await drainAll(h);
    expect((await queues(h, admin.headers)).outbox).toEqual(CONSUMERS.map(caughtUp));
  });

  it('counts notification e-mails and import jobs by state', async () => {
    h = await startHarness(dialect);
    const admin = await adminToken(h);
    const now = h.clock.now().getTime();
    const at = (offsetMs: number) => now + offsetMs;
    const notifications = await h.db.knex('notifications').insert(
      [1, 2, 3, 4].map((n) => ({
        user_id: admin.user.id,
        type: 'assigned',
        body: '{}',
        dedupe_key: `n${n}`,
        created_at: now,
      })),
      ['id'],
    );
    const [n1, n2, n3, n4] = notifications.map((r: number | { id: number }) =>
      typeof r === 'object' ? Number(r.id) : Number(r),
    );
    const email = (id: string, notification: number, row: Record<string, unknown>) => ({
      id,
      notification_id: notification,
      to_address: 'ada@example.com',
      subject: 'Assigned',
      text: 'x',
      attempts: 0,
      ...row,
    });
    await h.db.knex('notification_emails').insert([
      email('fresh', n1!, { status: 'pending', next_attempt_at: at(-MINUTE), created_at: at(-5 * MINUTE) }),
      email('retrying', n2!, {
        status: 'pending',
        attempts: 2,
        next_attempt_at: at(5 * MINUTE),
        created_at: at(-30 * MINUTE),
      }),
      email('given-up', n3!, { status: 'failed', attempts: 6, created_at: at(-90 * MINUTE) }),
      email('sent', n4!, { status: 'sent', attempts: 1, sent_at: now, created_at: at(-120 * MINUTE) }),
    ]);

    const job = (id: string, row: Record<string, unknown>) => ({
      id,
      kind: 'import',
      done: 0,
      issues: '[]',
      created_at: at(-10 * MINUTE),
      updated_at: now,
      attempts: 1,
      ...row,
    });
    await h.db.knex('jobs').insert([
      job('queued', { status: 'queued', attempts: 0 }),
      job('queued-held', {
        status: 'queued',
        claimed_by: 'w1',
        claimed_until: at(MINUTE),
        created_at: at(-20 * MINUTE),
      }),
      job('running', { status: 'running', claimed_by: 'w1', claimed_until: at(MINUTE) }),
      job('stalled', {
        status: 'running',
        claimed_by: 'w2',
        claimed_until: at(-1000),
        created_at: at(-60 * MINUTE),
      }),
      job('failed-today', { status: 'failed', updated_at: at(-120 * MINUTE) }),
      job('failed-long-ago', { status: 'failed', updated_at: at(-25 * 60 * MINUTE) }),
      job('done', { status: 'done' }),
      job('an-export', { kind: 'export', status: 'queued', created_at: at(-600 * MINUTE) }),
    ]);

    const body = await queues(h, admin.headers);
    expect(body.notificationEmails).toEqual({
      pending: 2,
      due: 1,
      failing: 1,
      failed: 1,
      oldestDueAt: new Date(at(-30 * MINUTE)).toISOString(),
      oldestAgeSeconds: 1800,
    });
    expect(body.importJobs).toEqual({
      pending: 4,
      due: 2,
      queued: 2,
      running: 2,
      stalled: 1,
      failedLast24h: 1,
      oldestDueAt: new Date(at(-60 * MINUTE)).toISOString(),
      oldestAgeSeconds: 3600,
    });

    // The same numbers as Prometheus gauges.
    const session = await createUserAndLogin(h, { username: 'ops', roles: ['admin'] });
    const metrics = await h.request({ method: 'GET', url: '/metrics', headers: session.headers });
    expect(metrics.status).toBe(200);
    for (const line of [
      'closedloop_notification_emails_pending 2',
      'closedloop_notification_emails_due 1',
      'closedloop_notification_emails_failing 1',
      'closedloop_notification_emails_failed 1',
      'closedloop_notification_emails_oldest_age_seconds 1800',
      'closedloop_webhook_deliveries_pending 0',
      'closedloop_import_jobs_queued 2',
      'closedloop_import_jobs_running 2',
      'closedloop_import_jobs_stalled 1',
      'closedloop_import_jobs_failed_last_24h 1',
      'closedloop_import_jobs_oldest_age_seconds 3600',
      'closedloop_timers_pending{kind="record"} 0',
      'closedloop_timers_pending{kind="rule-tick"} 0',
      'closedloop_timers_failing{kind="record"} 0',
    ]) {
      expect(metrics.text.split('\n')).toContain(line);
    }
    expect(metrics.text).toMatch(/^closedloop_outbox_lag_events\{consumer="rules"\} [1-9]\d*$/m);
  });
});
