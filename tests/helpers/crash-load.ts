/**
 * @module Shared by the crash test and the soak run: a store with a backlog of overdue SLA timers and
 * an API token for the load, a real `closedloop serve` over it, a submission load that runs until the
 * server is SIGKILLed at a moment the caller picks, and the promises checked afterwards — every
 * acknowledged submission stored exactly once, none stored twice, every overdue timer fired exactly once.
 */
import { expect } from 'vitest';
import { createApiToken } from '../../runtime/auth/api-tokens';
import { createUser } from '../../runtime/auth/users';
import type { Dialect } from '../../runtime/config/database-url';
import { memoryLogger } from '../../runtime/logger';
import { submitRecord } from '../../runtime/records/record-service';
import type { RuntimeContext } from '../../runtime/runtime-context';
import { publishSlaTicket } from '../runtime/records/record-fixtures';
import { ManualClock } from './manual-clock';
import { spawnClosedloop, type RunningCommand } from './spawn-closedloop';
import { createTestDatabase, type TestDatabase } from './test-databases';
import { readJson } from '../../runtime/storage/json-value';

/** Each `sla-ticket` schedules three SLA timers (two warnings and the breach). */
export const TIMERS_PER_TICKET = 3;

export interface CrashStore {
  db: TestDatabase;
  /** Bearer token of an admin, so the load is not rate-limited like anonymous submissions. */
  token: string;
  overdueTickets: number;
}

/** A new store whose `overdueTickets` tickets were opened on Mon 2 Nov 2026: their timers are long due. */
export async function createCrashStore(dialect: Dialect, overdueTickets: number): Promise<CrashStore> {
  const db = await createTestDatabase(dialect);
  const runtime: RuntimeContext = {
    db,
    clock: new ManualClock('2026-11-02T09:00:00+08:00'),
    logger: memoryLogger(),
  };
  await publishSlaTicket(runtime);
  for (let i = 0; i < overdueTickets; i++)
    await submitRecord(runtime, 'sla-ticket', { data: { title: `Overdue ${i}` } }, { id: null });
  const user = await createUser(runtime, {
    username: 'load',
    password: 'load-client-pass',
    roles: ['admin'],
  });
  const token = (await createApiToken(runtime, user.id, { name: 'load', scopes: ['records:write'] })).token;
  return { db, token, overdueTickets };
}

export async function startServer(store: CrashStore): Promise<{ server: RunningCommand; url: string }> {
  const server = spawnClosedloop(['serve'], {
    PORT: '0',
    DATABASE_URL: store.db.url,
    CLOSEDLOOP_ADMIN_PASSWORD: 'crash-load-admin',
    CLOSEDLOOP_WORKER_INTERVAL_MS: '50',
  });
  const [, port] = await server.waitFor(/listening on http:\/\/localhost:(\d+)/);
  return { server, url: `http://127.0.0.1:${port}` };
}

export const submitTicket = (store: CrashStore, url: string, title: string) =>
  fetch(`${url}/api/forms/sla-ticket/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${store.token}` },
    body: JSON.stringify({ data: { title } }),
  });

/** Timers due by now that have not fired. */
export async function overdueTimers(store: CrashStore): Promise<number> {
  const [row] = await store.db.knex('timers').where('due_at', '<=', Date.now()).count({ n: '*' });
  return Number(row!.n);
}

/**
 * `clients` submit tickets titled `<prefix><n>` to the server until `killNow(acknowledged)` says so;
 * then the server is SIGKILLed. Returns the titles it acknowledged (201) and how many were sent.
 */
export async function loadUntilKilled(
  store: CrashStore,
  running: { server: RunningCommand; url: string },
  options: { clients: number; prefix: string; killNow(acknowledged: number): Promise<boolean> },
): Promise<{ acknowledged: string[]; sent: number }> {
  const acknowledged: string[] = [];
  let next = 0;
  let dead = false;
  const client = async () => {
    while (!dead) {
      const title = `${options.prefix}${next++}`;
      let status: number;
      try {
        status = (await submitTicket(store, running.url, title)).status;
      } catch {
        return; // The server died under this request: it was never acknowledged.
      }
      expect(status).toBe(201);
      acknowledged.push(title);
    }
  };
  const killer = async () => {
    while (!(await options.killNow(acknowledged.length))) {
      if (running.server.child.exitCode !== null)
        throw new Error(`the server exited by itself:\n${running.server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const code = await running.server.stop('SIGKILL');
    dead = true;
    return code;
  };
  const [code] = await Promise.all([killer(), ...Array.from({ length: options.clients }, client)]);
  expect(code).toBeNull(); // ended by the signal, not an exit of its own
  return { acknowledged, sent: next };
}

/** Polls until no timer is overdue (a running server sweeps them), failing after `ms`. */
export async function waitForOverdueFired(store: CrashStore, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await overdueTimers(store)) > 0) {
    if (Date.now() > deadline) throw new Error('the overdue timers were not all fired in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The promises a crash must not break, checked over the whole store. */
export async function expectNothingLostOrDoubled(
  store: CrashStore,
  load: { acknowledged: Iterable<string>; sent: number; prefix: string },
): Promise<void> {
  const titles = (
    (await store.db.knex('records').where({ form_key: 'sla-ticket' }).pluck('data')) as unknown[]
  )
    .map((d) => String(readJson<Record<string, unknown>>(d).title))
    .filter((t) => t.startsWith(load.prefix));
  const stored = new Map<string, number>();
  for (const t of titles) stored.set(t, (stored.get(t) ?? 0) + 1);
  expect(
    [...stored].filter(([, n]) => n > 1),
    'stored twice',
  ).toEqual([]);
  expect(
    [...load.acknowledged].filter((t) => !stored.has(t)),
    'acknowledged but lost',
  ).toEqual([]);
  // Requests in flight at a kill may or may not have been stored, but nothing unsent was.
  expect(stored.size).toBeLessThanOrEqual(load.sent);

  const firings = (await store.db
    .knex('events')
    .whereIn('type', ['sla.warning', 'sla.breached'])
    .select('stream_id', 'type', 'payload')) as { stream_id: string; type: string; payload: unknown }[];
  const perTimer = new Map<string, number>();
  for (const f of firings) {
    const key = `${f.stream_id}:${f.type}:${String(readJson<Record<string, unknown>>(f.payload).fraction)}`;
    perTimer.set(key, (perTimer.get(key) ?? 0) + 1);
  }
  expect(perTimer.size, 'overdue timers fired').toBe(store.overdueTickets * TIMERS_PER_TICKET);
  expect(
    [...perTimer].filter(([, n]) => n !== 1),
    'timers fired more than once',
  ).toEqual([]);
}
