/**
 * @module Runs the `rules` outbox consumer on an interval until stopped. A failing batch is logged and
 * retried on the next tick (the cursor did not move), so a bad moment never loses an event.
 */
import { drainOutboxFully } from '../outbox/drain-outbox';
import { createRulesConsumer } from '../rules/rules-consumer';
import type { RuntimeContext } from '../runtime-context';
import { startPollingLoop } from './polling-loop';

export function startRulesWorker(
  runtime: RuntimeContext,
  { intervalMs = 2_000 }: { intervalMs?: number } = {},
): () => Promise<void> {
  const consumer = createRulesConsumer();
  return startPollingLoop({
    intervalMs,
    run: async () => {
      await drainOutboxFully(runtime, consumer);
      return false;
    },
    onError: (err) => runtime.logger.error('rules worker: batch failed, will retry', { error: String(err) }),
  });
}
