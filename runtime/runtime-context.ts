/**
 * @module What every part of the runtime is built from: the store, the clock and the logger. Routes,
 * services and workers receive it instead of reaching for globals, so tests inject each one.
 */
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { Database } from './storage/open-database';

export interface RuntimeContext {
  db: Database;
  clock: Clock;
  logger: Logger;
}
