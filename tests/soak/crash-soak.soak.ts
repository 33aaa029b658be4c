/**
 * The soak run (`npm run test:soak`; not part of `npm test`): a real `closedloop serve` killed with
 * SIGKILL again and again — `CLOSEDLOOP_SOAK_CYCLES` times (default 10; `.ci/run` runs 2) on SQLite and
 * on PostgreSQL — each time at a random moment of a submission load, while the sweeper works through
 * a backlog of overdue SLA timers. At the end every acknowledged submission is stored exactly once,
 * none twice, and every overdue timer has fired exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../runtime/config/database-url';
import {
  createCrashStore,
  expectNothingLostOrDoubled,
  loadUntilKilled,
  startServer,
  waitForOverdueFired,
  type CrashStore,
} from '../helpers/crash-load';
import type { RunningCommand } from '../helpers/spawn-closedloop';
import { DIALECTS } from '../helpers/test-databases';

const CYCLES = Number(process.env.CLOSEDLOOP_SOAK_CYCLES ?? 10);
if (!Number.isInteger(CYCLES) || CYCLES < 1)
  throw new Error(
    `CLOSEDLOOP_SOAK_CYCLES must be a whole number of at least 1, not "${process.env.CLOSEDLOOP_SOAK_CYCLES}"`,
  );
const OVERDUE_TICKETS = 500 * CYCLES;
const PREFIX = 'Soak ';

describe.each(DIALECTS)(`%s killed ${CYCLES} times under load`, (dialect: Dialect) => {
  let store: CrashStore;
  const servers: RunningCommand[] = [];

  beforeAll(
    async () => {
      store = await createCrashStore(dialect, OVERDUE_TICKETS);
    },
    60_000 + OVERDUE_TICKETS * 50,
  );
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await store?.db.drop();
  });

  it(`loses and doubles nothing over ${CYCLES} kills`, { timeout: 120_000 + CYCLES * 60_000 }, async () => {
    const acknowledged: string[] = [];
    let sent = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const running = await startServer(store);
      servers.push(running.server);
      // A random moment: after 1 to 80 acknowledged submissions of this cycle.
      const killAt = 1 + Math.floor(Math.random() * 80);
      const load = await loadUntilKilled(store, running, {
        clients: 4 + (cycle % 5),
        prefix: `${PREFIX}${cycle}-`,
        killNow: async (n) => n >= killAt,
      });
      acknowledged.push(...load.acknowledged);
      sent += load.sent;
    }
    const last = await startServer(store);
    servers.push(last.server);
    await waitForOverdueFired(store, 60_000 + OVERDUE_TICKETS * 20);
    expect(await last.server.stop()).toBe(0);
    await expectNothingLostOrDoubled(store, { acknowledged, sent, prefix: PREFIX });
    console.info(`${dialect}: ${CYCLES} kills, ${acknowledged.length} acknowledged of ${sent} sent`);
  });
});
