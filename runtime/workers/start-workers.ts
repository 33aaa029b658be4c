/**
 * @module The background work of one runtime process: the durable timer sweeper (record timers and
 * scheduled-rule ticks), the rules consumer, the delivery workers (webhooks, in-app notifications,
 * e-mail) and the import worker (queued imports, and those a crash interrupted). `closedloop serve` starts them;
 * on PostgreSQL several processes may run them side by side.
 */
import { startImportWorker } from '../imports/import-worker';
import { startDeliveryWorkers } from '../notifications/start-delivery-workers';
import type { RuntimeContext } from '../runtime-context';
import { startTimerSweeper } from '../timers/timer-sweeper';
import { startRulesWorker } from './start-rules-worker';

export interface WorkerOptions {
  /** `smtp://host:port`; without it no e-mail is sent. */
  smtpUrl?: string;
  mailFrom?: string;
  intervalMs?: number;
  /** How long a webhook receiver may take to answer before the attempt counts as failed. */
  webhookTimeoutMs?: number;
}

/** Starts every worker; the returned function stops them and waits for work in progress. */
export function startWorkers(runtime: RuntimeContext, options: WorkerOptions = {}): () => Promise<void> {
  const stops = [
    startTimerSweeper(runtime, { intervalMs: options.intervalMs }),
    startRulesWorker(runtime, { intervalMs: options.intervalMs }),
    startDeliveryWorkers(runtime, {
      smtpUrl: options.smtpUrl,
      mailFrom: options.mailFrom,
      intervalMs: options.intervalMs,
      webhookTimeoutMs: options.webhookTimeoutMs,
    }),
    startImportWorker(runtime, { intervalMs: options.intervalMs }),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
