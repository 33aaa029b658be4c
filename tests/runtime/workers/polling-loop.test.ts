/** The polling loop the background workers share, on fake timers: no database, no waiting on the clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPollingLoop } from '../../../runtime/workers/polling-loop';

const INTERVAL = 1_000;

/** A run whose outcome the test decides: each call waits until `finish` (or `fail`) is called. */
function controlledRun() {
  const calls: { signal: AbortSignal; finish: (again: boolean) => void; fail: (err: unknown) => void }[] = [];
  const run = vi.fn(
    (signal: AbortSignal) =>
      new Promise<boolean>((resolve, reject) => calls.push({ signal, finish: resolve, fail: reject })),
  );
  return { run, calls };
}

/** Lets the promises settle and fires the timers due within `ms`. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('startPollingLoop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs first on a zero timeout, then waits intervalMs after a run with nothing more to do', async () => {
    const run = vi.fn(async () => false);
    const stop = startPollingLoop({ intervalMs: INTERVAL, run, onError: vi.fn() });
    expect(run).not.toHaveBeenCalled();
    await advance(0);
    expect(run).toHaveBeenCalledTimes(1);
    await advance(INTERVAL - 1);
    expect(run).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(run).toHaveBeenCalledTimes(2);
    await advance(INTERVAL * 3);
    expect(run).toHaveBeenCalledTimes(5);
    await stop();
  });

  it('runs again at once while a run says there is more to do', async () => {
    const { run, calls } = controlledRun();
    const stop = startPollingLoop({ intervalMs: INTERVAL, run, onError: vi.fn() });
    await advance(0);
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]!.finish(true);
    await advance(0);
    expect(run).toHaveBeenCalledTimes(2);
    calls[1]!.finish(true);
    await advance(0);
    expect(run).toHaveBeenCalledTimes(3);
    calls[2]!.finish(false);
    await advance(INTERVAL - 1);
    expect(run).toHaveBeenCalledTimes(3);
    await advance(1);
    expect(run).toHaveBeenCalledTimes(4);
    calls[3]!.finish(false);
    await stop();
  });

  it('hands a failing run to onError and tries again after intervalMs', async () => {
    const failure = new Error('database away');
    const { run, calls } = controlledRun();
    const onError = vi.fn();
    const stop = startPollingLoop({ intervalMs: INTERVAL, run, onError });
    await advance(0);
    calls[0]!.fail(failure);
    await advance(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(failure);
    expect(run).toHaveBeenCalledTimes(1);
    await advance(INTERVAL);
    expect(run).toHaveBeenCalledTimes(2);
    calls[1]!.finish(false);
    await advance(INTERVAL);
    expect(run).toHaveBeenCalledTimes(3);
    expect(onError).toHaveBeenCalledTimes(1);
    calls[2]!.finish(false);
    await stop();
  });

  it('stop aborts the signal, waits for the run in progress, and no run starts after it', async () => {
    const { run, calls } = controlledRun();
    const stop = startPollingLoop({ intervalMs: INTERVAL, run, onError: vi.fn() });
    await advance(0);
    expect(calls[0]!.signal.aborted).toBe(false);

    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    expect(calls[0]!.signal.aborted).toBe(true);
    await advance(INTERVAL * 5);
    expect(stopped).toBe(false);

    // Even a run that asks to be run again at once is not.
    calls[0]!.finish(true);
    await stopping;
    expect(stopped).toBe(true);
    await advance(INTERVAL * 5);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('stop between runs cancels the next tick and resolves at once', async () => {
    const run = vi.fn(async () => false);
    const stop = startPollingLoop({ intervalMs: INTERVAL, run, onError: vi.fn() });
    await advance(0);
    expect(run).toHaveBeenCalledTimes(1);
    await stop();
    await advance(INTERVAL * 5);
    expect(run).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop before the first tick means no run at all', async () => {
    const run = vi.fn(async () => false);
    const stop = startPollingLoop({ intervalMs: INTERVAL, run, onError: vi.fn() });
    await stop();
    await advance(INTERVAL * 5);
    expect(run).not.toHaveBeenCalled();
  });

  it('with immediate, starts the first run inside the call', async () => {
    const run = vi.fn(async () => false);
    const stop = startPollingLoop({ intervalMs: INTERVAL, run, onError: vi.fn(), immediate: true });
    expect(run).toHaveBeenCalledTimes(1);
    await advance(INTERVAL);
    expect(run).toHaveBeenCalledTimes(2);
    await stop();
  });
});
