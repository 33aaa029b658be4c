/**
 * A real `closedloop serve` killed with SIGKILL in the middle of a steady submission load, on an
 * SQLite file and on PostgreSQL, while its sweeper fires a backlog of overdue SLA timers. After a
 * restart: every submission the server acknowledged (201) is stored exactly once, none is stored
 * twice, every overdue timer has fired exactly once (a firing the kill cut short was rolled back and
 * fired again after the restart), and the restarted server takes submissions again. The soak run
 * (`npm run test:soak`, tests/soak/) repeats the kill many times over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../../runtime/config/database-url';
import {
  createCrashStore,
  expectNothingLostOrDoubled,
  loadUntilKilled,
  overdueTimers,
  startServer,
  submitTicket,
  TIMERS_PER_TICKET,
  waitForOverdueFired,
  type CrashStore,
} from '../../helpers/crash-load';
import { rowCount } from '../../helpers/row-count';
import type { RunningCommand } from '../../helpers/spawn-closedloop';
import { DIALECTS } from '../../helpers/test-databases';

/** Enough overdue tickets that the sweep is still going when the load has begun. */
const OVERDUE_TICKETS = 1000;
/** Acknowledged submissions before the server may be killed (more are always in flight). */
const KILL_AFTER = 20;

describe.each(DIALECTS)('SIGKILL during load on %s', (dialect: Dialect) => {
  let store: CrashStore;
  const servers: RunningCommand[] = [];

  beforeAll(async () => {
    store = await createCrashStore(dialect, OVERDUE_TICKETS);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await store?.db.drop();
  });

  it(
    'keeps every acknowledged submission exactly once and fires every overdue timer once',
    { timeout: 120_000 },
    async () => {
      const backlog = OVERDUE_TICKETS * TIMERS_PER_TICKET;
      expect(await rowCount(store.db.knex, 'timers')).toBe(backlog);
      const first = await startServer(store);
      servers.push(first.server);
      // The kill comes once the load runs and the sweeper has begun on the backlog, so it lands in
      // the middle of both.
      const load = await loadUntilKilled(store, first, {
        clients: 6,
        prefix: 'Load ',
        killNow: async (acknowledged) => acknowledged >= KILL_AFTER && (await overdueTimers(store)) < backlog,
      });
      const overdueAtKill = await overdueTimers(store);
      // The kill cut the sweep short: some timers had fired, some had not.
      expect(overdueAtKill).toBeGreaterThan(0);
      expect(overdueAtKill).toBeLessThan(backlog);

      const second = await startServer(store);
      servers.push(second.server);
      await waitForOverdueFired(store, 90_000);
      expect((await submitTicket(store, second.url, 'After restart')).status).toBe(201);
      expect(await second.server.stop()).toBe(0);

      await expectNothingLostOrDoubled(store, { ...load, prefix: 'Load ' });
      console.info(
        `${dialect}: ${load.acknowledged.length} acknowledged of ${load.sent} sent; ${overdueAtKill} overdue timers not yet fired at the kill`,
      );
    },
  );
});
