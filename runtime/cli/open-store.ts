/**
 * @module The store a CLI command works on: the database named by DATABASE_URL, migrated, wrapped in
 * a RuntimeContext with the system clock and JSON logs to stderr (stdout stays the command's output).
 */
import { systemClock } from '../clock';
import { DEFAULT_DATABASE_URL } from '../config/database-url';
import { jsonLogger } from '../logger';
import type { RuntimeContext } from '../runtime-context';
import { migrateToLatest } from '../storage/migrate';
import { openDatabase } from '../storage/open-database';
import type { CommandIo } from './closedloop';

/** Runs `work` on the migrated store and closes it afterwards, whatever happens. */
export async function withStore<T>(io: CommandIo, work: (runtime: RuntimeContext) => Promise<T>): Promise<T> {
  const db = openDatabase(io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    await migrateToLatest(db.knex);
    return await work({ db, clock: systemClock, logger: jsonLogger((line) => io.err(line)) });
  } finally {
    await db.close();
  }
}
