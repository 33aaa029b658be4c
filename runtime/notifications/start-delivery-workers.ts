/**
 * @module The delivery loop `closedloop serve` runs: on every tick it drains the `webhooks` and
 * `notifications` outbox consumers, then sends due webhook deliveries and e-mails. One tick at a time;
 * a failing step is logged and the loop carries on. Returns a stop function that waits for the tick in
 * progress. (Tests call the steps directly after moving the ManualClock.)
 */
import { drainOutboxFully } from '../outbox/drain-outbox';
import type { RuntimeContext } from '../runtime-context';
import { startPollingLoop } from '../workers/polling-loop';
import { deliverDueWebhooks, type FetchLike } from '../webhooks/deliver-due-webhooks';
import { webhooksConsumer } from '../webhooks/webhook-consumer';
import { createMailer, type Mailer } from './create-mailer';
import { createNotificationsConsumer } from './notifications-consumer';
import { sendDueEmails } from './send-due-emails';

export interface DeliveryWorkerOptions {
  /** `SMTP_URL`; without it notifications are in-app only. */
  smtpUrl?: string;
  /** `MAIL_FROM`. */
  mailFrom?: string;
  /** A ready mailer instead of `smtpUrl` / `mailFrom`. */
  mailer?: Mailer;
  intervalMs?: number;
  webhookTimeoutMs?: number;
  batchSize?: number;
  fetch?: FetchLike;
  /** Called after each full tick (for health reporting, and for tests to wait on without sleeping). */
  onTick?: () => void;
}

export function startDeliveryWorkers(
  runtime: RuntimeContext,
  options: DeliveryWorkerOptions = {},
): () => Promise<void> {
  const ownMailer = !options.mailer && options.smtpUrl;
  const mailer =
    options.mailer ??
    (options.smtpUrl
      ? createMailer({
          smtpUrl: options.smtpUrl,
          from: options.mailFrom ?? 'Closedloop <noreply@closedloop.local>',
        })
      : undefined);
  const notifications = createNotificationsConsumer({ email: mailer !== undefined, logger: runtime.logger });
  const intervalMs = options.intervalMs ?? 5_000;
  const limit = options.batchSize ?? 20;

  const steps: [string, () => Promise<unknown>][] = [
    ['webhooks consumer', () => drainOutboxFully(runtime, webhooksConsumer)],
    ['notifications consumer', () => drainOutboxFully(runtime, notifications)],
    [
      'webhook deliveries',
      () =>
        deliverDueWebhooks(runtime, {
          limit,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.webhookTimeoutMs ? { timeoutMs: options.webhookTimeoutMs } : {}),
        }),
    ],
    ...(mailer
      ? [
          ['notification e-mails', () => sendDueEmails(runtime, mailer, { limit })] as [
            string,
            () => Promise<unknown>,
          ],
        ]
      : []),
  ];

  const stop = startPollingLoop({
    intervalMs,
    // The first tick starts now; the next ones wait `intervalMs` and do not keep the process alive.
    immediate: true,
    unref: true,
    run: async (signal) => {
      for (const [name, step] of steps) {
        if (signal.aborted) return false;
        try {
          await step();
        } catch (err) {
          runtime.logger.error('delivery worker step failed; will try again next tick', {
            step: name,
            error: (err as Error)?.stack ?? String(err),
          });
        }
      }
      options.onTick?.();
      return false;
    },
    onError: (err) =>
      runtime.logger.error('delivery worker tick failed; will try again next tick', {
        error: (err as Error)?.stack ?? String(err),
      }),
  });

  return async () => {
    await stop();
    if (ownMailer) mailer?.close();
  };
}
