/**
 * @module `closedloop serve`: opens the store (migrating it), builds the app and listens on `PORT`
 * (default 3000) until SIGINT / SIGTERM, then closes the server and the database cleanly.
 */
import { createServer } from 'node:http';
import { DEFAULT_DATABASE_URL } from '../config/database-url';
import { createApp } from '../create-app';
import { jsonLogger } from '../logger';
import { migrateToLatest } from '../storage/migrate';
import { openDatabase } from '../storage/open-database';
import type { CommandIo } from './closedloop';

export async function serveCommand(_args: string[], io: CommandIo): Promise<number> {
  const port = Number(io.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${io.env.PORT}")`);
  const databaseUrl = io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const db = openDatabase(databaseUrl);
  await migrateToLatest(db.knex);
  const logger = jsonLogger((line) => io.out(line));
  const runtime = createApp({ db, logger });
  const server = createServer(runtime.app.callback());
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  io.out(`Closedloop is listening on http://localhost:${actualPort} (database: ${db.dialect})`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
  return 0;
}
