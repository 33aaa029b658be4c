/**
 * The e-mail worker holds only the message it is sending, on both databases: while the SMTP server
 * hangs on one message, another worker (another process, or this one restarted after a crash) sends
 * the messages queued behind it at once; the hanging one is answered later and recorded sent once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../../runtime/notifications/create-mailer';
import { createNotificationsConsumer } from '../../../runtime/notifications/notifications-consumer';
import { sendDueEmails } from '../../../runtime/notifications/send-due-emails';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { startSmtp, type LocalSmtp } from './local-smtp';
import { recordEvent, seedTeam } from './notification-fixtures';

const QUEUED = 4;

describe.each(DIALECTS)('one e-mail claimed per send on %s', (dialect) => {
  let h: Harness;
  let smtp: LocalSmtp;
  const mailers: Mailer[] = [];
  beforeAll(async () => {
    h = await startHarness(dialect);
    await seedTeam(h.db.knex, h.clock.now().getTime());
    smtp = await startSmtp();
  });
  afterAll(async () => {
    for (const mailer of mailers) mailer.close();
    await smtp?.stop();
    await h?.close();
  });

  const mailer = () => {
    const created = createMailer({
      smtpUrl: smtp.url,
      from: 'Closedloop <noreply@closedloop.test>',
      timeoutMs: 30_000,
    });
    mailers.push(created);
    return created;
  };

  it('sends the messages behind a hanging one at once', async () => {
    for (let i = 0; i < QUEUED; i++)
      await recordEvent(h.db.knex, h.clock.now().getTime(), 'record.assigned', {
        assignee: 'agent-li',
        reason: `n${i}`,
      });
    await drainOutboxFully(h.runtime, createNotificationsConsumer({ email: true }));
    expect(await h.db.knex('notification_emails').where({ status: 'pending' }).count({ n: '*' })).toEqual([
      { n: QUEUED },
    ]);

    const held = smtp.holdNext();
    const hanging = sendDueEmails(h.runtime, mailer());
    const answer = await held;
    // The first worker is stuck on one message; a second sends all the others now.
    expect(await sendDueEmails(h.runtime, mailer())).toEqual({ sent: QUEUED - 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(QUEUED);

    answer();
    expect(await hanging).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await h.db.knex('notification_emails').pluck('status')).toEqual(Array(QUEUED).fill('sent'));
  });
});
