/**
 * @module The e-mail worker: claims due `notification_emails` rows one at a time and sends them through
 * the mailer. A refused or unreachable SMTP server is an attempt with its error recorded and a retry
 * after the same backoff as webhooks, until the attempts run out (`failed`) — never a lost message or a
 * crashed loop.
 */
import { claimDueRows } from '../webhooks/claim-due-rows';
import { MAX_ATTEMPTS, nextAttemptAt } from '../webhooks/retry-schedule';
import type { RuntimeContext } from '../runtime-context';
import type { Mailer } from './create-mailer';

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

export async function sendDueEmails(
  runtime: RuntimeContext,
  mailer: Mailer,
  {
    limit = 20,
    maxAttempts = MAX_ATTEMPTS,
    leaseMs = 120_000,
  }: { limit?: number; maxAttempts?: number; leaseMs?: number } = {},
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  for (let sent = 0; sent < limit; sent++) {
    // One claim per send, as for webhooks: a process killed mid-send (or an SMTP server hanging on one
    // message) holds back only that message for the lease, not every unsent one of a batch.
    const [mail] = await claimDueRows(runtime, { table: 'notification_emails', limit: 1, leaseMs });
    if (!mail) break;
    let messageId: string | null = null;
    let error: string | null = null;
    try {
      ({ messageId } = await mailer.send({
        id: mail.id,
        to: mail.to_address as string,
        subject: mail.subject as string,
        text: mail.text as string,
      }));
    } catch (err) {
      const e = err as Error & { code?: string };
      error = [e.code, e.message].filter(Boolean).join(': ') || String(err);
    }
    const now = runtime.clock.now().getTime();
    const attempts = mail.attempts + 1;
    const next = error === null ? null : nextAttemptAt(attempts, now, maxAttempts);
    const status = error === null ? 'sent' : next === null ? 'failed' : 'pending';
    const updated = await runtime.db
      .knex('notification_emails')
      .where({ id: mail.id, status: 'pending', next_attempt_at: mail.leaseUntil })
      .update({
        status,
        attempts,
        next_attempt_at: next,
        last_error: error,
        ...(error === null ? { sent_at: now, message_id: messageId } : {}),
      });
    if (updated === 0) continue;
    if (status === 'sent') result.sent += 1;
    else if (status === 'failed') {
      result.failed += 1;
      runtime.logger.warn('notification e-mail failed for good', { emailId: mail.id, attempts, error });
    } else result.retrying += 1;
  }
  return result;
}
