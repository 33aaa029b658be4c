/**
 * @module Runs the `rules` outbox consumer on an interval until stopped. A failing batch is logged and
 * retried on the next tick (the cursor did not move), so a bad moment never loses an event.
 */
import { drainOutboxFully } from '../outbox/drain-outbox';
import { createRulesConsumer } from '../rules/rules-consumer';
import type { RuntimeContext } from '../runtime-context';

export function startRulesWorker(
  runtime: RuntimeContext,
  { intervalMs = 2_000 }: { intervalMs?: number } = {},
): () => Promise<void> {
  const consumer = createRulesConsumer();
  let stopped = false;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = drainOutboxFully(runtime, consumer)
      .then(() => undefined)
      .catch((err: unknown) =>
        runtime.logger.error('rules worker: batch failed, will retry', { error: String(err) }),
      )
      .finally(() => {
        if (!stopped) timeout = setTimeout(tick, intervalMs);
      });
  };
  timeout = setTimeout(tick, 0);
  return async () => {
    stopped = true;
    if (timeout) clearTimeout(timeout);
    await running;
  };
}
