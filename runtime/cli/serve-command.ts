/**
 * @module `closedloop serve`: opens the store (migrating it), builds the app and listens on `PORT`
 * (default 3000) until SIGINT / SIGTERM, then closes the server and the database cleanly.
 */
import { createServer } from 'node:http';
import { ensureFirstAdmin } from '../auth/first-admin';
import { DEFAULT_DATABASE_URL } from '../config/database-url';
import { createApp } from '../create-app';
import { DESIGNER_DIST, ensureDesignerBuilt } from '../designer/designer-build';
import { jsonLogger } from '../logger';
import { migrateToLatest } from '../storage/migrate';
import { openDatabase } from '../storage/open-database';
import { startWorkers } from '../workers/start-workers';
import type { CommandIo } from './closedloop';

export async function serveCommand(_args: string[], io: CommandIo): Promise<number> {
  const port = Number(io.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${io.env.PORT}")`);
  // Listened for from the start: a stop requested while starting up is honoured once started.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  if (io.env.CLOSEDLOOP_SKIP_DESIGNER_BUILD !== '1') await ensureDesignerBuilt((line) => io.out(line));
  const databaseUrl = io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const db = openDatabase(databaseUrl);
  await migrateToLatest(db.knex);
  const logger = jsonLogger((line) => io.out(line));
  const runtime = createApp({ db, logger, designerDist: DESIGNER_DIST });
  const admin = await ensureFirstAdmin(runtime, { password: io.env.CLOSEDLOOP_ADMIN_PASSWORD });
  if (admin.created) {
    io.out(
      admin.password
        ? `Created the first admin user "${admin.username}" with password (shown once): ${admin.password}`
        : `Created the first admin user "${admin.username}" with the password from CLOSEDLOOP_ADMIN_PASSWORD.`,
    );
  }
  const stopWorkers = startWorkers(runtime, {
    smtpUrl: io.env.SMTP_URL,
    mailFrom: io.env.MAIL_FROM,
    intervalMs: io.env.CLOSEDLOOP_WORKER_INTERVAL_MS
      ? Number(io.env.CLOSEDLOOP_WORKER_INTERVAL_MS)
      : undefined,
  });
  const server = createServer(runtime.app.callback());
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  io.out(`Closedloop is listening on http://localhost:${actualPort} (database: ${db.dialect})`);

  await stopRequested;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold the close open for seconds; requests in flight finish.
  server.closeIdleConnections();
  await closed;
  await stopWorkers();
  await db.close();
  return 0;
}
