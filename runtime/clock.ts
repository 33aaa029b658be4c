/**
 * @module Where the runtime reads the time. Injected, so SLA and timer tests move time by hand and
 * never sleep.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
