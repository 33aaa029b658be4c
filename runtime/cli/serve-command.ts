/**
 * @module `closedloop serve`: opens the store (migrating it), builds the app and listens on `PORT`
 * (default 3000) until SIGINT / SIGTERM, then closes the server and the database cleanly. With
 * `--first-run` (what `npm start` passes) a store nobody has used first gets the bundled templates and
 * demo data (`CLOSEDLOOP_DEMO_TICKETS`, default 2,000; 0 for none).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { DEMO_USERS } from '../../examples/demo-data/demo-users';
import { ensureFirstAdmin } from '../auth/first-admin';
import { DEFAULT_DATABASE_URL } from '../config/database-url';
import { createApp } from '../create-app';
import { DESIGNER_DIST, ensureDesignerBuilt } from '../designer/designer-build';
import { jsonLogger, type Logger } from '../logger';
import { migrateToLatest } from '../storage/migrate';
import { openDatabase } from '../storage/open-database';
import { startWorkers } from '../workers/start-workers';
import type { CommandIo } from './closedloop';
import { installOnFirstRun, isFirstRun, type FirstRunResult } from './first-run';
import { progressBar } from './progress-bar';

const DEFAULT_DEMO_TICKETS = 2000;

export async function serveCommand(args: string[], io: CommandIo): Promise<number> {
  const unknown = args.filter((a) => a !== '--first-run');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]} (serve takes only --first-run)`);
  const demoTickets = Number(io.env.CLOSEDLOOP_DEMO_TICKETS ?? DEFAULT_DEMO_TICKETS);
  if (!Number.isInteger(demoTickets) || demoTickets < 0 || demoTickets > 100_000)
    throw new Error(
      `CLOSEDLOOP_DEMO_TICKETS must be a whole number from 0 to 100000 (got "${io.env.CLOSEDLOOP_DEMO_TICKETS}")`,
    );
  const webhookTimeout = io.env.CLOSEDLOOP_WEBHOOK_TIMEOUT_MS;
  if (webhookTimeout !== undefined && !/^[1-9]\d{0,5}$/.test(webhookTimeout))
    throw new Error(
      `CLOSEDLOOP_WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 1 to 999999 (got "${webhookTimeout}")`,
    );
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
  // Asked before the first admin is written: that admin is part of every first run.
  const firstRun = args.includes('--first-run') && (await isFirstRun(db));
  const runtime = createApp({ db, logger, designerDist: DESIGNER_DIST });
  const admin = await ensureFirstAdmin(runtime, { password: io.env.CLOSEDLOOP_ADMIN_PASSWORD });
  if (admin.created) {
    io.out(
      admin.password
        ? `Created the first admin user "${admin.username}" with password (shown once): ${admin.password}`
        : `Created the first admin user "${admin.username}" with the password from CLOSEDLOOP_ADMIN_PASSWORD.`,
    );
  }
  let installing = firstRun;
  // Ctrl-C during a minutes-long demo load stops at once rather than after it; what was loaded stays.
  void stopRequested.then(() => {
    if (!installing) return;
    io.err(
      `Stopped during the first run: the demo data is only partly loaded. To start afresh, delete ` +
        `the database (${databaseUrl}) and start again; started as it is, it keeps what was loaded.`,
    );
    process.exit(130);
  });
  const installed = firstRun ? await installTemplatesAndDemo(db, io, logger, demoTickets) : null;
  installing = false;
  const stopWorkers = startWorkers(runtime, {
    smtpUrl: io.env.SMTP_URL,
    mailFrom: io.env.MAIL_FROM,
    intervalMs: io.env.CLOSEDLOOP_WORKER_INTERVAL_MS
      ? Number(io.env.CLOSEDLOOP_WORKER_INTERVAL_MS)
      : undefined,
    webhookTimeoutMs: webhookTimeout ? Number(webhookTimeout) : undefined,
  });
  const server = createServer(runtime.app.callback());
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  io.out(`Closedloop is listening on http://localhost:${actualPort} (database: ${db.dialect})`);
  if (installed?.demoPassword)
    io.out(
      `Demo login: ${DEMO_MANAGER} with password ${installed.demoPassword} ` +
        `(every demo user shares it: ${demoUserSummary()}).`,
    );

  await stopRequested;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold the close open for seconds; requests in flight finish.
  server.closeIdleConnections();
  await closed;
  await stopWorkers();
  await db.close();
  return 0;
}

const DEMO_MANAGER = DEMO_USERS.find((u) => u.roles.includes('manager'))!.username;

/** `demo-agent-1 … 8, demo-engineer-1 … 6, …, demo-manager`: numbered users folded into one entry. */
function demoUserSummary(): string {
  const groups = new Map<string, number[]>();
  for (const { username } of DEMO_USERS) {
    const [, stem, n] = /^(.*)-(\d+)$/.exec(username) ?? [username, username, ''];
    groups.set(stem!, [...(groups.get(stem!) ?? []), ...(n ? [Number(n)] : [])]);
  }
  return [...groups]
    .map(([stem, ns]) => (ns.length > 0 ? `${stem}-${Math.min(...ns)} … ${Math.max(...ns)}` : stem))
    .join(', ');
}

/** The first run's install, with its progress drawn; returns the demo password to print at the end. */
async function installTemplatesAndDemo(
  db: Parameters<typeof installOnFirstRun>[0],
  io: CommandIo,
  logger: Logger,
  demoTickets: number,
): Promise<{ result: FirstRunResult; demoPassword: string | null }> {
  io.out('First run: installing the after-sales templates and demo data.');
  const demoPassword = io.env.CLOSEDLOOP_DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
  const started = Date.now();
  const result = await installOnFirstRun(db, {
    now: Date.now(),
    demoTickets,
    demoPassword,
    out: (line) => io.out(line),
    onProgress: progressBar(io),
    // The simulated months would log every SLA breach and notification; only problems are shown.
    logger: { ...logger, debug: () => {}, info: () => {} },
  });
  io.out(`Installed ${result.templates.join(', ')}.`);
  if (result.demo)
    io.out(
      `Demo data: ${result.demo.tickets} tickets, ${result.demo.events} stage changes, ` +
        `${result.demo.customers} customers, ${result.demo.timersFired} SLA timers fired ` +
        `(${Math.round((Date.now() - started) / 1000)} s).`,
    );
  if (result.demoSkipped) io.out(`No demo data: ${result.demoSkipped}.`);
  return { result, demoPassword: result.demo ? demoPassword : null };
}
