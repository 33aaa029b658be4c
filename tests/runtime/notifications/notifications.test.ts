/**
 * In-app notifications: assignment, SLA warning and breach, and `notify` actions become one row per
 * event and recipient (a repeated batch adds nothing), listed for the caller and marked read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createNotificationsConsumer } from '../../../runtime/notifications/notifications-consumer';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { callerOf, recordEvent, seedTeam } from './notification-fixtures';

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let h: Harness;
  let call: ReturnType<typeof callerOf>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await seedTeam(h.db.knex, h.clock.now().getTime());
    call = callerOf(h);
  });
  afterAll(() => h?.close());

  const rows = async () =>
    (await h.db.knex('notifications').orderBy('id').select('user_id', 'type', 'record_id', 'dedupe_key')) as {
      user_id: string;
      type: string;
      record_id: string;
      dedupe_key: string;
    }[];

  it('creates one notification per event and recipient, and none when the batch comes round again', async () => {
    const at = h.clock.now().getTime();
    const assigned = await recordEvent(h.db.knex, at, 'record.assigned', {
      assignee: 'agent-li',
      reason: 'round-robin',
      stage: 'diagnose',
    });
    await recordEvent(h.db.knex, at, 'sla.warning', {
      clock: 'diagnose-sla',
      fraction: 0.8,
      due: '2026-11-24T05:00:00.000Z',
    });
    const breached = await recordEvent(h.db.knex, at, 'sla.breached', {
      clock: 'diagnose-sla',
      due: '2026-11-24T05:00:00.000Z',
      businessElapsedMinutes: 241,
      wallElapsedMinutes: 1200,
    });
    await recordEvent(h.db.knex, at, 'action.requested', {
      name: 'notifyManager',
      kind: 'notify',
      params: { role: 'manager', template: 'sla-alert' },
      cause: { clock: 'diagnose-sla', event: 'breached' },
    });
    await recordEvent(h.db.knex, at, 'action.requested', {
      name: 'tellEngineer',
      kind: 'notify',
      params: {
        to: [{ field: 'engineer' }, { user: 'nobody-here' }],
        template: { 'zh-CN': '请复核 X200 屏幕故障', en: 'Please review the X200 screen failures' },
      },
    });
    await recordEvent(h.db.knex, at, 'action.requested', { name: 'callErp', kind: 'webhook', params: {} });
    await recordEvent(h.db.knex, at, 'record.updated', { revision: 2 });

    const consumer = createNotificationsConsumer({ email: false, logger: h.runtime.logger });
    expect(await drainOutboxFully(h.runtime, consumer)).toBe(6);
    const first = await rows();
    expect(first.map((r) => `${r.user_id} ${r.type}`)).toEqual([
      'agent-li assigned',
      'agent-li sla.warning',
      'agent-li sla.breached',
      'manager-wang sla.breached',
      'manager-wang escalation',
      'lead-zhao notify',
    ]);
    expect(first.every((r) => r.record_id === 'T-1001')).toBe(true);
    expect(first[0]!.dedupe_key).toBe(`notifications:${assigned}:agent-li`);
    expect(first[3]!.dedupe_key).toBe(`notifications:${breached}:manager-wang`);
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('recipients are not active users'),
        users: ['nobody-here'],
      }),
    );

    await h.db
      .knex('outbox_cursors')
      .where({ consumer: 'notifications' })
      .update({ last_tx_id: 0, last_event_id: 0 });
    expect(await drainOutboxFully(h.runtime, consumer)).toBe(6);
    expect(await rows()).toEqual(first);
    // No SMTP configured: nothing queued, and the log says so once.
    expect(await h.db.knex('notification_emails').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(h.logs.filter((l) => String(l.message).startsWith('SMTP is not configured'))).toHaveLength(1);
  });

  it('writes bilingual bodies with the record and its stage', async () => {
    const list = await call('GET', '/api/notifications', 'agent-li');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(3);
    const [breach, warning, assigned] = list.body.items;
    expect(assigned).toMatchObject({
      type: 'assigned',
      recordId: 'T-1001',
      readAt: null,
      createdAt: h.clock.now().toISOString(),
      body: {
        title: { 'zh-CN': '有工单分配给您', en: 'A record was assigned to you' },
        recordId: 'T-1001',
        stage: 'diagnose',
      },
    });
    expect(assigned.body.text['zh-CN']).toContain('原因：round-robin');
    expect(assigned.body.text.en).toContain('Reason: round-robin');
    expect(warning.body.text).toEqual({
      'zh-CN':
        '工单 T-1001 的时效「diagnose-sla」已用 80%（阶段：diagnose），截止 2026-11-24T05:00:00.000Z。',
      en: 'Record T-1001: SLA clock "diagnose-sla" is 80% used (stage: diagnose); due 2026-11-24T05:00:00.000Z.',
    });
    expect(breach.body.title).toEqual({ 'zh-CN': 'SLA 已超时', en: 'SLA breached' });
    expect(breach.body.text.en).toContain('241 business minutes elapsed (1200 wall-clock)');

    const lead = await call('GET', '/api/notifications', 'lead-zhao');
    expect(lead.body.items[0].body.text).toEqual({
      'zh-CN': '请复核 X200 屏幕故障',
      en: 'Please review the X200 screen failures',
    });
  });

  it('lists only the caller’s notifications, unread ones on request, and marks them read', async () => {
    expect((await call('GET', '/api/notifications?unread=1')).status).toBe(401);
    expect((await h.request({ method: 'GET', url: '/api/notifications' })).status).toBe(401);
    expect((await h.request({ method: 'POST', url: '/api/notifications/1/read' })).status).toBe(401);

    const mine = await call('GET', '/api/notifications?unread=1', 'manager-wang');
    expect(mine.body.items.map((n: { type: string }) => n.type)).toEqual(['escalation', 'sla.breached']);
    const target = mine.body.items[0].id as number;

    expect((await call('POST', `/api/notifications/${target}/read`, 'agent-li')).status).toBe(404);
    expect((await call('POST', '/api/notifications/abc/read', 'manager-wang')).status).toBe(404);

    h.clock.advanceMinutes(3);
    const read = await call('POST', `/api/notifications/${target}/read`, 'manager-wang');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: target, readAt: h.clock.now().toISOString() });
    h.clock.advanceMinutes(1);
    const again = await call('POST', `/api/notifications/${target}/read`, 'manager-wang');
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(await h.db.knex('events').where({ type: 'notification.read' }).count({ n: '*' })).toEqual([
      { n: 1 },
    ]);

    const unread = await call('GET', '/api/notifications?unread=1', 'manager-wang');
    expect(unread.body).toMatchObject({ unread: 1 });
    expect(unread.body.items.map((n: { id: number }) => n.id)).not.toContain(target);
    const all = await call('GET', '/api/notifications', 'manager-wang');
    expect(all.body.items).toHaveLength(2);
  });
});
