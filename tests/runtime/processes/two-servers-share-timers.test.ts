/**
 * Two real `closedloop serve` processes on one PostgreSQL: 1,002 overdue SLA timers (warnings and
 * breaches of 334 tickets) are swept by both processes at once, and each fires exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../runtime/logger';
import { submitRecord } from '../../../runtime/records/record-service';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { ManualClock } from '../../helpers/manual-clock';
import { spawnClosedloop, type RunningCommand } from '../../helpers/spawn-closedloop';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-databases';
import { count, publishSlaTicket } from '../records/record-fixtures';

describe('two runtime processes on one PostgreSQL', () => {
  let db: TestDatabase;
  const servers: RunningCommand[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    // Tickets opened on Mon 2 Nov 2026: their 4-business-hour SLA timers are all long overdue by
    // the real clock the server processes read.
    const runtime: RuntimeContext = {
      db,
      clock: new ManualClock('2026-11-02T09:00:00+08:00'),
      logger: memoryLogger(),
    };
    await publishSlaTicket(runtime);
    for (let i = 0; i < 334; i++)
      await submitRecord(runtime, 'sla-ticket', { data: { title: `Load ${i}` } }, { id: null });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('fire each of 1,002 due timers exactly once', { timeout: 120_000 }, async () => {
    expect(await count(db.knex, 'timers')).toBe(1002);
    const env = {
      PORT: '0',
      DATABASE_URL: db.url,
      CLOSEDLOOP_ADMIN_PASSWORD: 'two-servers-admin',
      CLOSEDLOOP_WORKER_INTERVAL_MS: '50',
    };
    servers.push(spawnClosedloop(['serve'], env), spawnClosedloop(['serve'], env));
    await Promise.all(servers.map((s) => s.waitFor(/listening on/)));
    const deadline = Date.now() + 100_000;
    while ((await count(db.knex, 'timers')) > 0) {
      if (Date.now() > deadline) throw new Error('the timers were not all fired in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const server of servers) expect(await server.stop()).toBe(0);

    const rows = (await db
      .knex('events')
      .whereIn('type', ['sla.warning', 'sla.breached'])
      .select('stream_id', 'type', db.knex.raw("payload->>'fraction' as fraction"))) as {
      stream_id: string;
      type: string;
      fraction: string | null;
    }[];
    const perTimer = new Map<string, number>();
    for (const r of rows)
      perTimer.set(
        `${r.stream_id}:${r.type}:${r.fraction}`,
        (perTimer.get(`${r.stream_id}:${r.type}:${r.fraction}`) ?? 0) + 1,
      );
    expect(perTimer.size).toBe(1002);
    expect([...perTimer.values()].filter((n) => n !== 1)).toEqual([]);
    expect(await count(db.knex, 'sla_clocks', { state: 'breached' })).toBe(334);
  });
});
