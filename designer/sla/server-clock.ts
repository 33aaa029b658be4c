/**
 * @module The browser's view of the server's clock, which SLA countdowns count against (the server
 * judges breaches; a phone whose clock is off must not say otherwise): the offset from a response's
 * server time, taken at the midpoint of the request, and `useServerNow(offset)`, the corrected time
 * ticking once a second. Every countdown on a page shares one timer.
 */
import { useEffect, useState } from 'react';

/** `serverTime − local time` in ms, from a server instant read between `sentAt` and `receivedAt`. */
export function serverOffset(serverTime: string, sentAt: number, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? 0 : server - (sentAt + receivedAt) / 2;
}

/** Fetches with `load` and measures the offset against the server time its answer carries. */
export async function withServerOffset<T>(
  load: () => Promise<T>,
  serverTimeOf: (body: T) => string,
): Promise<{ body: T; offsetMs: number }> {
  const sentAt = Date.now();
  const body = await load();
  return { body, offsetMs: serverOffset(serverTimeOf(body), sentAt, Date.now()) };
}

type Listener = (now: number) => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    const now = Date.now();
    for (const l of listeners) l(now);
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The server's time as the browser estimates it, re-rendering every second. */
export function useServerNow(offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    return subscribe(setNow);
  }, []);
  return now + offsetMs;
}
