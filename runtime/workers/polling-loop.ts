/**
 * @module The polling loop every background worker runs: call `run`, then call it again after
 * `intervalMs` — at once when `run` says there is more to do — until stopped. One run at a time; a run
 * that throws is handed to `onError` and the loop carries on at the next tick (the database may be away
 * for a moment). The returned stop function aborts the signal the runs get (so a long run can stop
 * between steps), cancels the next tick and resolves once the run in progress, if any, has finished;
 * no run starts after it is called.
 */

export interface PollingLoopOptions {
  /** Pause after a run that found nothing more to do. */
  intervalMs: number;
  /** One pass of the worker; resolves `true` to be run again at once. Aborted when the loop is stopped. */
  run: (signal: AbortSignal) => Promise<boolean>;
  /** Gets what a run threw; the loop tries again at the next tick. */
  onError: (err: unknown) => void;
  /** Makes the first run start now, inside this call, instead of on a zero timeout. */
  immediate?: boolean;
  /** Lets the process exit while the loop waits for its next tick (`Timeout.unref`). */
  unref?: boolean;
}

/** Starts the loop; the returned function stops it and resolves once the run in progress has finished. */
export function startPollingLoop(options: PollingLoopOptions): () => Promise<void> {
  const { intervalMs, run, onError } = options;
  const stop = new AbortController();
  let timeout: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    timeout = setTimeout(tick, delayMs);
    if (options.unref) timeout.unref?.();
  };

  function tick() {
    timeout = undefined;
    running = (async () => {
      let again = false;
      try {
        again = await run(stop.signal);
      } catch (err) {
        onError(err);
      }
      if (!stop.signal.aborted) schedule(again ? 0 : intervalMs);
    })();
  }

  if (options.immediate) tick();
  else schedule(0);

  return async () => {
    stop.abort();
    if (timeout) clearTimeout(timeout);
    timeout = undefined;
    await running;
  };
}
