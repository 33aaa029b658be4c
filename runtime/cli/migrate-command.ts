/** @module `closedloop migrate`: brings the database named by DATABASE_URL to the latest schema. */
import { DEFAULT_DATABASE_URL } from '../config/database-url';
import { migrateToLatest } from '../storage/migrate';
import { openDatabase } from '../storage/open-database';
import type { CommandIo } from './closedloop';

export async function migrateCommand(_args: string[], io: CommandIo): Promise<number> {
  const db = openDatabase(io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const ran = await migrateToLatest(db.knex);
    io.out(ran.length > 0 ? `Applied: ${ran.join(', ')}` : 'The schema is up to date.');
    return 0;
  } finally {
    await db.close();
  }
}
