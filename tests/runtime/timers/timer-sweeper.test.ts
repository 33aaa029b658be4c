/**
 * Durable timers: SLA warnings and breaches fire at the right business minute across weekends and
 * public holidays (never early), show in the timeline and on `/sla` with business and wall elapsed
 * time; pending timers survive a restart; a failing timer is pushed back instead of crashing; and on
 * PostgreSQL two sweeper processes share the due timers without firing any of them twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../runtime/create-app';
import { memoryLogger } from '../../../runtime/logger';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { openDatabase } from '../../../runtime/storage/open-database';
import { sweepDueTimers } from '../../../runtime/timers/timer-sweeper';
import { createTestUser, startHarness, type Harness } from '../../helpers/runtime-harness';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { DIALECTS } from '../../helpers/test-databases';
import { addUser, count, publishSlaTicket } from '../records/record-fixtures';

const shanghai = (local: string) => `${local}+08:00`;

/** An admin's API token (records:read, records:write): unlike a session, it does not end while the clock moves on. */
async function adminToken(h: Harness) {
  const user = await createTestUser(h, { username: 'admin', roles: ['admin'] });
  const { token } = await createApiToken(h.runtime, user.id, {
    name: 'test',
    scopes: ['records:read', 'records:write'],
  });
  return { headers: { authorization: `Bearer ${token}` } };
}

describe.each(DIALECTS)('timer sweeper on %s', (dialect) => {
  let h: Harness | undefined;
  /** Reads records (submissions stay anonymous, as a customer's would be). */
  let admin: { headers: { authorization: string } };
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function ticketAt(start: string): Promise<{ h: Harness; id: string }> {
    h = await startHarness(dialect, start);
    admin = await adminToken(h!);
    await publishSlaTicket(h.runtime);
    await addUser(h.db.knex, 'agent-a', ['agent']);
    const res = await h.request({
      method: 'POST',
      url: '/api/forms/sla-ticket/records',
      payload: { data: { title: 'No picture', customer: 'C-7' } },
    });
    expect(res.status).toBe(201);
    return { h, id: res.body.id };
  }

  const sweep = (harness: Harness) => sweepDueTimers(harness.runtime, { limit: 50, workerId: 'test' });
  const slaEvents = async (harness: Harness, id: string) =>
    (
      (await harness.request({ method: 'GET', url: `/api/records/${id}`, headers: admin.headers })).body
        .timeline as any[]
    ).filter((e) => e.type.startsWith('sla.'));

  it('warns and breaches a 4-business-hour SLA at the right minutes across 国庆 (Wed 16:00 → Thu 8 Oct 11:00)', async () => {
    const { h, id } = await ticketAt(shanghai('2026-09-30T16:00:00'));
    const created = (await h.request({ method: 'GET', url: `/api/records/${id}`, headers: admin.headers }))
      .body;
    expect(created.sla[0].due).toBe('2026-10-08T03:00:00.000Z');

    const expectSweep = async (at: string, fired: number) => {
      h.clock.set(shanghai(at));
      const result = await sweep(h);
      expect({ at, fired: result.fired, failed: result.failed }).toEqual({ at, fired, failed: 0 });
    };
    // 50 %: 120 business minutes are used up at 18:00 the same day.
    await expectSweep('2026-09-30T17:59:00', 0);
    await expectSweep('2026-09-30T18:00:00', 1);
    // Through the National Day holiday (1–7 Oct, a weekend inside it) nothing more is due.
    await expectSweep('2026-10-05T12:00:00', 0);
    await expectSweep('2026-10-08T09:59:00', 0);
    // 75 % at 10:00 on the first working day after it; the breach at 11:00.
    await expectSweep('2026-10-08T10:00:00', 1);
    await expectSweep('2026-10-08T10:59:59', 0);
    await expectSweep('2026-10-08T11:00:00', 1);
    await expectSweep('2026-10-09T11:00:00', 0);

    const events = await slaEvents(h, id);
    expect(events.map((e) => [e.type, e.at, e.payload.fraction ?? null])).toEqual([
      ['sla.started', '2026-09-30T08:00:00.000Z', null],
      ['sla.warning', '2026-09-30T10:00:00.000Z', 0.5],
      ['sla.warning', '2026-10-08T02:00:00.000Z', 0.75],
      ['sla.breached', '2026-10-08T03:00:00.000Z', null],
    ]);
    const breach = events[3].payload;
    // Business time counts the office hours only; wall time is the 7 days 19 hours in between.
    expect(breach).toMatchObject({
      clock: 'respond-sla',
      businessElapsedMinutes: 240,
      wallElapsedMinutes: 11220,
    });
    expect(events[2].payload).toMatchObject({ businessElapsedMinutes: 180, wallElapsedMinutes: 11160 });
    const timeline = (await h.request({ method: 'GET', url: `/api/records/${id}`, headers: admin.headers }))
      .body.timeline as any[];
    expect(timeline.find((e) => e.type === 'action.requested')).toMatchObject({
      actor: 'system:timer',
      payload: { name: 'notifyManager', kind: 'notify', cause: { clock: 'respond-sla', event: 'breached' } },
    });

    const sla = await h.request({ method: 'GET', url: `/api/records/${id}/sla`, headers: admin.headers });
    expect(sla.status).toBe(200);
    const clock = sla.body.clocks[0];
    expect(clock).toMatchObject({
      clock: 'respond-sla',
      state: 'breached',
      breached: true,
      targetMinutes: 240,
    });
    expect(clock.warnings).toEqual([
      { fraction: 0.5, at: '2026-09-30T10:00:00.000Z', businessElapsedMinutes: 120, wallElapsedMinutes: 120 },
      {
        fraction: 0.75,
        at: '2026-10-08T02:00:00.000Z',
        businessElapsedMinutes: 180,
        wallElapsedMinutes: 11160,
      },
    ]);
    expect(clock.breaches).toEqual([
      {
        at: '2026-10-08T03:00:00.000Z',
        due: '2026-10-08T03:00:00.000Z',
        businessElapsedMinutes: 240,
        wallElapsedMinutes: 11220,
      },
    ]);
    // The live reading a day later: 8 more office hours of business time.
    expect(clock).toMatchObject({ businessElapsedMinutes: 240 + 450, remainingBusinessMinutes: -450 });
    const row = await h.db.knex('sla_clocks').where({ record_id: id }).first();
    expect(row).toMatchObject({
      state: 'breached',
      business_elapsed_minutes: 240,
      wall_elapsed_minutes: 11220,
    });
    expect(Boolean(row.breached)).toBe(true);
    expect(await count(h.db.knex, 'timers')).toBe(0);
  });

  it('counts from Monday for a ticket opened on the Mid-Autumn Friday holiday, lunch break included', async () => {
    const { h, id } = await ticketAt(shanghai('2026-09-25T16:00:00'));
    h.clock.set(shanghai('2026-09-28T10:59:00'));
    expect((await sweep(h)).fired).toBe(0);
    h.clock.set(shanghai('2026-09-28T11:00:00'));
    expect((await sweep(h)).fired).toBe(1);
    h.clock.set(shanghai('2026-09-28T12:00:00'));
    expect((await sweep(h)).fired).toBe(1);
    // The lunch break does not count: one business hour is left at 13:30, so 14:29 is still early.
    h.clock.set(shanghai('2026-09-28T14:29:00'));
    expect((await sweep(h)).fired).toBe(0);
    h.clock.set(shanghai('2026-09-28T14:30:00'));
    expect((await sweep(h)).fired).toBe(1);
    const events = await slaEvents(h, id);
    expect(
      events.map((e) => [e.type, e.payload.businessElapsedMinutes, e.payload.wallElapsedMinutes]),
    ).toEqual([
      ['sla.started', 0, 0],
      ['sla.warning', 120, 67 * 60],
      ['sla.warning', 180, 68 * 60],
      ['sla.breached', 240, 70 * 60 + 30],
    ]);
  });

  it('keeps pending timers across a restart and fires them once they are due', async () => {
    const first = await ticketAt(shanghai('2026-11-24T09:00:00'));
    const url = first.h.db.url;
    expect(await count(first.h.db.knex, 'timers')).toBe(3);
    await first.h.db.close();

    const db = openDatabase(url);
    try {
      const runtime = createApp({ db, clock: first.h.clock, logger: memoryLogger() });
      first.h.clock.set(shanghai('2026-11-24T10:59:00'));
      expect((await sweepDueTimers(runtime, { workerId: 'restarted' })).fired).toBe(0);
      // Down over lunch: the missed warnings fire late, once each, then the breach on time.
      first.h.clock.set(shanghai('2026-11-24T14:30:00'));
      const swept = await sweepDueTimers(runtime, { workerId: 'restarted' });
      expect(swept).toMatchObject({ fired: 3, failed: 0, discarded: 0 });
      const types = (await db.knex('events').where({ stream: 'record', stream_id: first.id }).orderBy('id'))
        .map((e: { type: string }) => e.type)
        .filter((t: string) => t.startsWith('sla.'));
      expect(types).toEqual(['sla.started', 'sla.warning', 'sla.warning', 'sla.breached']);
      expect((await sweepDueTimers(runtime, { workerId: 'restarted' })).handled).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('records a failing timer and retries it later with backoff, without stopping the sweep', async () => {
    const { h, id } = await ticketAt(shanghai('2026-11-24T09:00:00'));
    const other = await h.request({
      method: 'POST',
      url: '/api/forms/sla-ticket/records',
      payload: { data: { title: 'Second' } },
    });
    // Pin the first record to a flow version that does not exist: its timers cannot be stepped.
    await h.db.knex('flow_instances').where({ record_id: id }).update({ flow_version: 99 });
    const eventsBefore = await count(h.db.knex, 'events', { stream_id: id });
    h.clock.set(shanghai('2026-11-24T11:00:00'));
    const result = await sweep(h);
    expect(result).toMatchObject({ fired: 1, failed: 1 });
    expect(result.handled.find((t) => t.outcome === 'fired')!.id.startsWith(other.body.id)).toBe(true);
    const failed = await h.db.knex('timers').where({ record_id: id }).orderBy('due_at').first();
    expect(failed).toMatchObject({ attempts: 1, claimed_by: 'test' });
    expect(failed.last_error).toContain('version 99');
    expect(Number(failed.due_at)).toBe(h.clock.now().getTime() + 60_000);
    expect(await count(h.db.knex, 'events', { stream_id: id })).toBe(eventsBefore);
    expect((await sweep(h)).handled).toEqual([]);

    await h.db.knex('flow_instances').where({ record_id: id }).update({ flow_version: 1 });
    h.clock.advanceMinutes(1);
    expect(await sweep(h)).toMatchObject({ fired: 1, failed: 0 });
    expect(await count(h.db.knex, 'timers', { record_id: id })).toBe(2);
  });

  if (dialect === 'postgres') {
    it(
      'shares 1,002 due timers between two connection pools (as two processes would) and fires each exactly once',
      { timeout: 90_000 },
      async () => {
        h = await startHarness(dialect, shanghai('2026-11-24T09:00:00'));
        admin = await adminToken(h!);
        await publishSlaTicket(h.runtime);
        // 334 tickets × (two warnings + one breach) = 1,002 timers, due by 15:00.
        for (let i = 0; i < 334; i++) {
          const res = await h.request({
            method: 'POST',
            url: '/api/forms/sla-ticket/records',
            headers: admin.headers,
            payload: { data: { title: `Load ${i}` } },
          });
          expect(res.status).toBe(201);
        }
        expect(await count(h.db.knex, 'timers')).toBe(1002);
        h.clock.set(shanghai('2026-11-24T15:00:00'));
        const second = openDatabase(h.db.url);
        try {
          const a: RuntimeContext = { db: h.db, clock: h.clock, logger: memoryLogger() };
          const b: RuntimeContext = { db: second, clock: h.clock, logger: memoryLogger() };
          const [ra, rb] = await Promise.all([
            sweepDueTimers(a, { limit: 2000, workerId: 'process-a' }),
            sweepDueTimers(b, { limit: 2000, workerId: 'process-b' }),
          ]);
          expect(ra.failed + rb.failed).toBe(0);
          expect(ra.fired + rb.fired).toBe(1002);
          expect(ra.fired).toBeGreaterThan(0);
          expect(rb.fired).toBeGreaterThan(0);
          const ids = [...ra.handled, ...rb.handled].map((t) => t.id);
          expect(new Set(ids).size).toBe(1002);
          expect(await count(h.db.knex, 'timers')).toBe(0);

          // Each timer left exactly one event: per record two warnings (50 %, 75 %) and one breach.
          const rows = (await h.db
            .knex('events')
            .whereIn('type', ['sla.warning', 'sla.breached'])
            .select('stream_id', 'type', h.db.knex.raw("payload->>'fraction' as fraction"))) as {
            stream_id: string;
            type: string;
            fraction: string | null;
          }[];
          expect(rows).toHaveLength(1002);
          const perTimer = new Map<string, number>();
          for (const r of rows) {
            const key = `${r.stream_id}:${r.type}:${r.fraction}`;
            perTimer.set(key, (perTimer.get(key) ?? 0) + 1);
          }
          expect(perTimer.size).toBe(1002);
          expect([...perTimer.values()].every((n) => n === 1)).toBe(true);
          expect(await count(h.db.knex, 'sla_clocks', { state: 'breached' })).toBe(334);
        } finally {
          await second.close();
        }
      },
    );
  }
});
