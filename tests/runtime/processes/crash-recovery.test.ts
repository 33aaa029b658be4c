/**
 * A real `closedloop serve` killed with SIGKILL in the middle of a steady submission load, on an
 * SQLite file and on PostgreSQL, while its sweeper fires a backlog of overdue SLA timers. After a
 * restart: every submission the server acknowledged (201) is stored exactly once, none is stored
 * twice, every overdue timer has fired exactly once (a firing the kill cut short was rolled back and
 * fired again after the restart), and the restarted server takes submissions again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { createUser } from '../../../runtime/auth/users';
import type { Dialect } from '../../../runtime/config/database-url';
import { memoryLogger } from '../../../runtime/logger';
import { submitRecord } from '../../../runtime/records/record-service';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { ManualClock } from '../../helpers/manual-clock';
import { rowCount } from '../../helpers/row-count';
import { spawnClosedloop, type RunningCommand } from '../../helpers/spawn-closedloop';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';
import { publishSlaTicket } from '../records/record-fixtures';

/** Tickets opened on Mon 2 Nov 2026, whose three SLA timers each are long overdue by the real clock. */
const OVERDUE_TICKETS = 1000;
/** Acknowledged submissions before the server may be killed (more are always in flight). */
const KILL_AFTER = 20;
const CLIENTS = 6;

const dataOf = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

async function startServer(db: TestDatabase): Promise<{ server: RunningCommand; url: string }> {
  const server = spawnClosedloop(['serve'], {
    PORT: '0',
    DATABASE_URL: db.url,
    CLOSEDLOOP_ADMIN_PASSWORD: 'crash-recovery-admin',
    CLOSEDLOOP_WORKER_INTERVAL_MS: '50',
  });
  const [, port] = await server.waitFor(/listening on http:\/\/localhost:(\d+)/);
  return { server, url: `http://127.0.0.1:${port}` };
}

describe.each(DIALECTS)('SIGKILL during load on %s', (dialect: Dialect) => {
  let db: TestDatabase;
  let token: string;
  const servers: RunningCommand[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const runtime: RuntimeContext = {
      db,
      clock: new ManualClock('2026-11-02T09:00:00+08:00'),
      logger: memoryLogger(),
    };
    await publishSlaTicket(runtime);
    for (let i = 0; i < OVERDUE_TICKETS; i++)
      await submitRecord(runtime, 'sla-ticket', { data: { title: `Overdue ${i}` } }, { id: null });
    const user = await createUser(runtime, {
      username: 'load',
      password: 'load-client-pass',
      roles: ['admin'],
    });
    token = (await createApiToken(runtime, user.id, { name: 'load', scopes: ['records:write'] })).token;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await db?.drop();
  });

  const submit = (url: string, title: string) =>
    fetch(`${url}/api/forms/sla-ticket/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ data: { title } }),
    });

  it(
    'keeps every acknowledged submission exactly once and fires every overdue timer once',
    { timeout: 120_000 },
    async () => {
      expect(await rowCount(db.knex, 'timers')).toBe(OVERDUE_TICKETS * 3);
      const first = await startServer(db);
      servers.push(first.server);

      const overdue = async () =>
        Number((await db.knex('timers').where('due_at', '<=', Date.now()).count({ n: '*' }))[0]!.n);
      const acknowledged = new Set<string>();
      let next = 0;
      let dead = false;
      const client = async () => {
        while (!dead) {
          const title = `Load ${next++}`;
          let status: number;
          try {
            status = (await submit(first.url, title)).status;
          } catch {
            return; // The server died under this request: it was never acknowledged.
          }
          expect(status).toBe(201);
          acknowledged.add(title);
        }
      };
      // The kill comes once the load runs and the sweeper has begun on the backlog, so it lands in
      // the middle of both.
      const killer = async () => {
        while (acknowledged.size < KILL_AFTER || (await overdue()) === OVERDUE_TICKETS * 3) {
          if (first.server.child.exitCode !== null)
            throw new Error(`the server exited:\n${first.server.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const code = await first.server.stop('SIGKILL');
        dead = true;
        return code;
      };
      const [code] = await Promise.all([killer(), ...Array.from({ length: CLIENTS }, client)]);
      expect(code).toBeNull(); // killed by the signal, not exited
      const sent = next;
      const overdueAtKill = await overdue();
      // The kill cut the sweep short: some timers had fired, some had not.
      expect(overdueAtKill).toBeGreaterThan(0);
      expect(overdueAtKill).toBeLessThan(OVERDUE_TICKETS * 3);

      const second = await startServer(db);
      servers.push(second.server);
      const deadline = Date.now() + 90_000;
      while ((await overdue()) > 0) {
        if (Date.now() > deadline) throw new Error('the overdue timers were not all fired after the restart');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await submit(second.url, 'After restart')).status).toBe(201);
      expect(await second.server.stop()).toBe(0);

      const titles = ((await db.knex('records').where({ form_key: 'sla-ticket' }).pluck('data')) as unknown[])
        .map((d) => String(dataOf(d).title))
        .filter((t) => t.startsWith('Load '));
      const stored = new Map<string, number>();
      for (const t of titles) stored.set(t, (stored.get(t) ?? 0) + 1);
      expect([...stored].filter(([, n]) => n > 1)).toEqual([]);
      expect([...acknowledged].filter((t) => !stored.has(t))).toEqual([]);
      // Requests in flight at the kill may or may not have been stored, but nothing unsent was.
      expect(stored.size).toBeLessThanOrEqual(sent);

      const firings = (await db
        .knex('events')
        .whereIn('type', ['sla.warning', 'sla.breached'])
        .select('stream_id', 'type', 'payload')) as { stream_id: string; type: string; payload: unknown }[];
      const perTimer = new Map<string, number>();
      for (const f of firings) {
        const key = `${f.stream_id}:${f.type}:${String(dataOf(f.payload).fraction)}`;
        perTimer.set(key, (perTimer.get(key) ?? 0) + 1);
      }
      expect(perTimer.size).toBe(OVERDUE_TICKETS * 3);
      expect([...perTimer.values()].filter((n) => n !== 1)).toEqual([]);
      console.info(
        `${dialect}: ${acknowledged.size} acknowledged of ${sent} sent; ${overdueAtKill} overdue timers not yet fired at the kill`,
      );
    },
  );
});
