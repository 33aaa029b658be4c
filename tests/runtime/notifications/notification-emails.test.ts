/**
 * Notification e-mails: queued with the notification for users with an address, sent through SMTP with a
 * zh-CN / en subject, and — while the server is down — kept queued with the error, then sent once it is
 * back and the retry is due.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../../runtime/notifications/create-mailer';
import { createNotificationsConsumer } from '../../../runtime/notifications/notifications-consumer';
import { sendDueEmails } from '../../../runtime/notifications/send-due-emails';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { recordEvent, seedTeam } from './notification-fixtures';
import { header, startSmtp, type LocalSmtp } from './local-smtp';

const MINUTE = 60_000;

describe.each(DIALECTS)('notification e-mails on %s', (dialect) => {
  let h: Harness;
  let smtp: LocalSmtp;
  let mailer: Mailer;
  const consumer = createNotificationsConsumer({ email: true });
  beforeAll(async () => {
    h = await startHarness(dialect);
    await seedTeam(h.db.knex, h.clock.now().getTime());
    smtp = await startSmtp();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Closedloop <noreply@closedloop.test>',
      timeoutMs: 5000,
    });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await h?.close();
  });

  const emails = () =>
    h.db.knex('notification_emails').orderBy('created_at').orderBy('to_address') as Promise<
      Record<string, unknown>[]
    >;

  it('queues an e-mail per notification for users with an address and sends it with a bilingual subject', async () => {
    await recordEvent(h.db.knex, h.clock.now().getTime(), 'record.assigned', {
      assignee: 'agent-li',
      reason: 'skills',
    });
    // The lead has no e-mail address: an in-app notification only.
    await recordEvent(h.db.knex, h.clock.now().getTime(), 'action.requested', {
      name: 'tellLead',
      kind: 'notify',
      params: { user: 'lead-zhao' },
    });
    await drainOutboxFully(h.runtime, consumer);
    await h.db
      .knex('outbox_cursors')
      .where({ consumer: 'notifications' })
      .update({ last_tx_id: 0, last_event_id: 0 });
    await drainOutboxFully(h.runtime, consumer);
    expect(await h.db.knex('notifications').count({ n: '*' })).toEqual([{ n: 2 }]);
    const queued = await emails();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to_address: 'li@example.com', status: 'pending', attempts: 0 });

    expect(await sendDueEmails(h.runtime, mailer)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['li@example.com']);
    expect(mail!.from).toBe('noreply@closedloop.test');
    expect(header(mail!.raw, 'Subject')).toBe('[Closedloop] 有工单分配给您 / A record was assigned to you');
    expect(header(mail!.raw, 'Message-ID')).toBe(`<${queued[0]!.id}@closedloop.test>`);
    const [sent] = await emails();
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 1,
      last_error: null,
      sent_at: h.clock.now().getTime(),
    });
    expect(await sendDueEmails(h.runtime, mailer)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps an e-mail queued with the error while SMTP is down and sends it when the server is back', async () => {
    await smtp.stop();
    const t0 = h.clock.now().getTime();
    await recordEvent(h.db.knex, t0, 'sla.breached', { clock: 'diagnose-sla', businessElapsedMinutes: 300 });
    await drainOutboxFully(h.runtime, consumer);
    const pending = (await emails()).filter((e) => e.status === 'pending');
    expect(pending.map((e) => e.to_address)).toEqual(['li@example.com', 'wang@example.com']);

    expect(await sendDueEmails(h.runtime, mailer)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    const retrying = (await emails()).filter((e) => e.status === 'pending');
    expect(retrying).toHaveLength(2);
    for (const row of retrying) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: t0 + MINUTE });
      expect(String(row.last_error)).toMatch(/ECONNREFUSED/);
    }

    await smtp.start();
    // Back, but the retry is not due yet: nothing goes out early.
    expect(await sendDueEmails(h.runtime, mailer)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);

    h.clock.set(new Date(t0 + MINUTE));
    expect(await sendDueEmails(h.runtime, mailer)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([
      'li@example.com',
      'li@example.com',
      'wang@example.com',
    ]);
    expect(header(smtp.received.at(-1)!.raw, 'Subject')).toBe('[Closedloop] SLA 已超时 / SLA breached');
    const rows = await emails();
    expect(rows.every((r) => r.status === 'sent' && r.last_error === null)).toBe(true);
    expect(rows.filter((r) => r.attempts === 2)).toHaveLength(2);
  });
});
