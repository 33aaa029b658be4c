/**
 * Two real `closedloop serve` processes on one PostgreSQL, under load through both at once, with the
 * engine tour app installed beforehand:
 * - many clients append to one ticket through both servers, each `PATCH` naming the revision it read
 *   (`If-Match`): one write wins per revision, every other gets 409 `stale-revision`, and after
 *   re-reading and retrying every client's change is in the record exactly once — none lost, each in
 *   one revision and one `record.updated` event;
 * - tickets pour in through both servers while both processes' rules consumers run: the tour's
 *   screen-failure threshold (≥ 10 per model and month → an R&D task) fires once per idempotency key,
 *   with exactly one task created for it, and never for a model below the threshold.
 * (That no timer fires twice is shown by two-servers-share-timers.test.ts.) The same If-Match race
 * runs in-process on SQLite and PostgreSQL; and, step by step, a threshold crossed by a ticket whose
 * transaction writes after a later-stamped one's still fires (it once did not).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { createUser } from '../../../runtime/auth/users';
import type { Dialect } from '../../../runtime/config/database-url';
import { memoryLogger } from '../../../runtime/logger';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { loadPublishedForm } from '../../../runtime/records/published-form';
import { submitRecord } from '../../../runtime/records/record-service';
import { storeNewRecord } from '../../../runtime/records/submit-record';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { readJson } from '../../../runtime/storage/json-value';
import { ManualClock } from '../../helpers/manual-clock';
import { createUserAndLogin, startHarness, type Harness } from '../../helpers/runtime-harness';
import { spawnClosedloop, type RunningCommand } from '../../helpers/spawn-closedloop';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';
import { tourApp, tourTicket } from '../../helpers/tour-tickets';

/** A complete tour ticket with `fields` laid over it. */
const ticket = (n: number, fields: Record<string, unknown> = {}) =>
  tourTicket(n, { customer: `Load Customer ${n}`, ...fields });

const lines = (text: unknown) => (typeof text === 'string' && text !== '' ? text.split('\n') : []);

interface Server {
  name: string;
  url: string;
  process: RunningCommand;
}

describe('two runtime processes on one PostgreSQL under load', () => {
  let db: TestDatabase;
  let token: string;
  const servers: Server[] = [];
  /** Every process started, listening or not, so none outlives the suite. */
  const processes: RunningCommand[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const runtime: RuntimeContext = {
      db,
      clock: new ManualClock('2026-11-02T09:00:00+08:00'),
      logger: memoryLogger(),
    };
    await importApp(runtime, tourApp(), null);
    const user = await createUser(runtime, {
      username: 'load',
      password: 'load-client-pass',
      roles: ['admin'],
    });
    token = (
      await createApiToken(runtime, user.id, { name: 'load', scopes: ['records:read', 'records:write'] })
    ).token;
    // Which process moved a consumer's outbox cursor, told apart by each one's application_name:
    // which of the two rules consumers took the load's batches.
    await db.knex.raw(`
      CREATE TABLE test_cursor_moves (consumer text, process text);
      CREATE FUNCTION test_log_cursor_move() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO test_cursor_moves VALUES (NEW.consumer, current_setting('application_name'));
          RETURN NEW;
        END $$;
      CREATE TRIGGER test_cursor_moved AFTER UPDATE ON outbox_cursors
        FOR EACH ROW EXECUTE FUNCTION test_log_cursor_move();
    `);
    const started = ['server-a', 'server-b'].map((name) => {
      const url = new URL(db.url);
      url.searchParams.set('application_name', name);
      const command = spawnClosedloop(['serve'], {
        PORT: '0',
        DATABASE_URL: url.toString(),
        CLOSEDLOOP_ADMIN_PASSWORD: 'two-servers-admin',
        CLOSEDLOOP_WORKER_INTERVAL_MS: '50',
      });
      processes.push(command);
      return { name, process: command };
    });
    for (const s of started) {
      const [, port] = await s.process.waitFor(/listening on http:\/\/localhost:(\d+)/);
      servers.push({ ...s, url: `http://127.0.0.1:${port}` });
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
  });

  const call = async (server: Server, method: string, path: string, body?: unknown, ifMatch?: number) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it(
    'let one PATCH win per revision through either server; after retries no client change is lost',
    { timeout: 60_000 },
    async () => {
      const CLIENTS = 8;
      const CHANGES = 5;
      const created = await call(servers[0]!, 'POST', '/api/forms/ticket/records', { data: ticket(0) });
      expect(created.status).toBe(201);
      const id: string = created.body.id;
      const firstRevision: number = created.body.revision;

      /** Per revision a client based a PATCH on: the server of the write that won it. */
      const winners = new Map<number, string>();
      const refusals: { base: number; server: string }[] = [];
      const client = async (c: number) => {
        const server = servers[c % servers.length]!;
        for (let k = 0; k < CHANGES; k++) {
          const line = `client ${c} change ${k}`;
          for (;;) {
            const read = await call(server, 'GET', `/api/records/${id}`);
            expect(read.status).toBe(200);
            const base: number = read.body.revision;
            const solution = [...lines(read.body.data.solution), line].join('\n');
            const res = await call(server, 'PATCH', `/api/records/${id}`, { data: { solution } }, base);
            if (res.status === 200) {
              expect(winners.has(base), `revision ${base} was won twice`).toBe(false);
              winners.set(base, server.name);
              expect(lines(res.body.data.solution)).toContain(line);
              break;
            }
            expect([res.status, res.body.error.code]).toEqual([409, 'stale-revision']);
            expect(res.body.error.issues[0]).toMatchObject({ code: 'stale-revision', path: '/revision' });
            expect(res.body.error.issues[0].params.current).toBeGreaterThan(base);
            refusals.push({ base, server: server.name });
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

      const expected = Array.from({ length: CLIENTS }, (_, c) =>
        Array.from({ length: CHANGES }, (_, k) => `client ${c} change ${k}`),
      ).flat();
      const writes = expected.length;
      // One winner for each revision from the first to the one before the last: no write was lost.
      expect([...winners.keys()].sort((a, b) => a - b)).toEqual(
        Array.from({ length: writes }, (_, i) => firstRevision + i),
      );
      // Clients really raced, across the two processes too: a write through one server made a
      // write through the other stale.
      expect(refusals.length).toBeGreaterThan(0);
      const acrossProcesses = refusals.filter((r) => winners.get(r.base) !== r.server);
      expect(acrossProcesses.length).toBeGreaterThan(0);

      const final = await call(servers[1]!, 'GET', `/api/records/${id}`);
      expect(final.body.revision).toBe(firstRevision + writes);
      expect([...lines(final.body.data.solution)].sort()).toEqual([...expected].sort());

      // Each change is in one revision, added to the text of the revision before it, and named by
      // one `record.updated` event.
      const revisions = (await db
        .knex('record_revisions')
        .where({ record_id: id })
        .orderBy('revision')
        .select('revision', 'data')) as { revision: number; data: unknown }[];
      expect(revisions.map((r) => Number(r.revision))).toEqual(
        Array.from({ length: writes + 1 }, (_, i) => firstRevision + i),
      );
      const addedPerRevision = revisions.slice(1).map((r, i) => {
        const before = lines(readJson<Record<string, unknown>>(revisions[i]!.data).solution);
        const after = lines(readJson<Record<string, unknown>>(r.data).solution);
        expect(after.slice(0, before.length)).toEqual(before);
        return after.slice(before.length);
      });
      expect(addedPerRevision.every((added) => added.length === 1)).toBe(true);
      expect(addedPerRevision.flat().sort()).toEqual([...expected].sort());
      const updates = (await db
        .knex('events')
        .where({ stream: 'record', stream_id: id, type: 'record.updated' })
        .orderBy('id')
        .select('payload')) as { payload: unknown }[];
      expect(updates.map((e) => readJson<{ revision: number }>(e.payload).revision)).toEqual(
        revisions.slice(1).map((r) => Number(r.revision)),
      );
      console.info(
        `${writes} writes: ${refusals.length} refused as stale, ${acrossProcesses.length} by a write through the other server`,
      );
    },
  );

  it(
    'fire the screen-failure threshold once per model and month with one R&D task, fed through both servers',
    { timeout: 60_000 },
    async () => {
      // X100 and X200 cross the threshold of 10 (X100 well past it), X300 stays below; battery
      // complaints count for no model.
      const plan = [
        ...Array.from({ length: 30 }, () => ({ model: 'X100', category: 'screen' })),
        ...Array.from({ length: 12 }, () => ({ model: 'X200', category: 'screen' })),
        ...Array.from({ length: 9 }, () => ({ model: 'X300', category: 'screen' })),
        ...Array.from({ length: 24 }, (_, i) => ({
          model: ['X100', 'X200', 'X300'][i % 3]!,
          category: 'battery',
        })),
      ];
      // A fixed interleaving, so each model's tickets arrive spread over the whole load.
      const order = plan.map((_, i) => (i * 37) % plan.length);
      expect(new Set(order).size).toBe(plan.length);
      await db.knex('test_cursor_moves').delete();
      const CLIENTS = 8;
      /** The processes that have moved the rules consumer's cursor since the load began. */
      const movers = async () =>
        (
          (await db.knex('test_cursor_moves').where({ consumer: 'rules' }).distinct('process')) as {
            process: string;
          }[]
        )
          .map((m) => m.process)
          .sort();
      let next = 0;
      const ids: string[] = [];
      const client = async (c: number) => {
        const server = servers[c % servers.length]!;
        while (next < order.length) {
          const n = next++;
          const res = await call(server, 'POST', '/api/forms/ticket/records', {
            data: ticket(n, plan[order[n]!]),
          });
          expect(res.status).toBe(201);
          ids.push(res.body.id);
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

      // Every acknowledged ticket's creation has been offered to the rules once the rules cursor has
      // passed its event.
      const notYetConsumed = async () => {
        const cursor = (await db.knex('outbox_cursors').where({ consumer: 'rules' }).first()) as
          { last_tx_id: number; last_event_id: number } | undefined;
        const query = db
          .knex('events')
          .where({ stream: 'record', type: 'record.created' })
          .whereIn('stream_id', ids);
        if (cursor)
          query.andWhere((q) =>
            q
              .where('tx_id', '>', cursor.last_tx_id)
              .orWhere((q2) =>
                q2.where('tx_id', cursor.last_tx_id).andWhere('id', '>', cursor.last_event_id),
              ),
          );
        return Number(((await query.count({ n: '*' })) as { n: string }[])[0]!.n);
      };
      const deadline = Date.now() + 30_000;
      while ((await notYetConsumed()) > 0) {
        if (Date.now() > deadline) throw new Error('the rules consumers did not catch up with the load');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const firings = (await db
        .knex('rule_firings')
        .where({ rule_key: 'screen-failure-threshold' })
        .select('idempotency_key', 'group_values', 'window_key', 'created')) as {
        idempotency_key: string;
        group_values: unknown;
        window_key: string;
        created: unknown;
      }[];
      const models = firings.map((f) => readJson<{ model: string }>(f.group_values).model).sort();
      expect(models).toEqual(['X100', 'X200']);
      expect(new Set(firings.map((f) => f.idempotency_key)).size).toBe(firings.length);
      const fired = (await db
        .knex('events')
        .where({ stream: 'rule', type: 'rule.fired' })
        .select('payload')) as { payload: unknown }[];
      expect(fired.map((e) => readJson<{ key: string }>(e.payload).key).sort()).toEqual(
        firings.map((f) => f.idempotency_key).sort(),
      );

      const tasks = (await db.knex('records').where({ form_key: 'rd-task' }).select('id', 'data')) as {
        id: string;
        data: unknown;
      }[];
      expect(tasks).toHaveLength(firings.length);
      for (const firing of firings) {
        const model = readJson<{ model: string }>(firing.group_values).model;
        const outcomes = readJson<{ type: string; id?: string }[]>(firing.created);
        const made = outcomes.filter((o) => o.type === 'create-record');
        expect(made).toHaveLength(1);
        const task = tasks.find((t) => t.id === made[0]!.id);
        expect(task, `the task of ${firing.idempotency_key}`).toBeDefined();
        const data = readJson<{ model: string; month: string; count: number }>(task!.data);
        expect([data.model, data.month]).toEqual([model, firing.window_key]);
        expect(data.count).toBeGreaterThanOrEqual(10);
      }

      // Both processes' consumers ran all along; the cursor lock let one work at a time, and which
      // one took each batch is up to timing (so it is reported, not asserted).
      console.info(`rules batches of the load consumed by: ${(await movers()).join(', ')}`);
    },
  );
});

describe.each(DIALECTS)('one record updated twice at once in-process on %s', (dialect: Dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await importApp(h.runtime, tourApp(), null);
  });
  afterAll(() => h?.close());

  it('applies one of two PATCHes with the same If-Match and refuses the other with 409', async () => {
    const agent = await createUserAndLogin(h, { username: 'racer', roles: ['admin'] });
    const created = await h.request({
      method: 'POST',
      url: '/api/forms/ticket/records',
      headers: agent.headers,
      payload: { data: ticket(1) },
    });
    expect(created.status).toBe(201);
    const { id, revision } = created.body as { id: string; revision: number };
    const patch = (solution: string) =>
      h.request({
        method: 'PATCH',
        url: `/api/records/${id}`,
        headers: { ...agent.headers, 'if-match': `"${revision}"` },
        payload: { data: { solution } },
      });
    const results = await Promise.all([patch('Replace the panel'), patch('Update the firmware')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.code).toBe('stale-revision');
    const winner = results.find((r) => r.status === 200)!;
    const read = await h.request({ method: 'GET', url: `/api/records/${id}`, headers: agent.headers });
    expect(read.body.revision).toBe(revision + 1);
    expect(read.body.data.solution).toBe(winner.body.data.solution);
  });
});

// A threshold's aggregate counts the records whose creation comes before the triggering event in the
// outbox's order (aggregate-scope-sql.ts). It counted by the event's clock time until this test showed
// the hole: a ticket stamped earlier whose transaction writes after a later-stamped one was counted by
// neither event — ten screen failures in October, and the rule never fired.
describe('a threshold crossed by a ticket that commits after a later-stamped one, on PostgreSQL', () => {
  let db: TestDatabase;
  let runtime: RuntimeContext;
  const clock = new ManualClock('2026-10-05T10:00:00+08:00');
  const screenFailure = (n: number) => ticket(n, { model: 'X300', category: 'screen' });
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    runtime = { db, clock, logger: memoryLogger() };
    await importApp(runtime, tourApp(), null);
  });
  afterAll(() => db?.drop());

  it('fires once the tenth screen failure of the month is stored', async () => {
    const consumer = createRulesConsumer();
    for (let n = 1; n <= 8; n++) {
      clock.set(`2026-10-05T10:00:0${n}+08:00`);
      await submitRecord(runtime, 'ticket', { data: screenFailure(n) }, { id: null });
    }
    await drainOutboxFully(runtime, consumer);
    // Ticket 9 is stamped at 10:00:09 and its request is slow: its transaction stores it (as
    // submitRecord does) only after ticket 10, stamped 10:00:10, is stored and offered to the rules.
    const ninthAt = new Date('2026-10-05T10:00:09+08:00');
    const form = await loadPublishedForm(runtime, 'ticket');
    const slow = await db.knex.transaction();
    clock.set('2026-10-05T10:00:10+08:00');
    await submitRecord(runtime, 'ticket', { data: screenFailure(10) }, { id: null });
    await drainOutboxFully(runtime, consumer);
    const checked = form.compiled.validate(screenFailure(9), { now: ninthAt, locale: 'en' });
    if (!checked.ok) throw new Error('ticket 9 is invalid');
    await storeNewRecord(runtime, slow, {
      id: randomUUID(),
      formKey: 'ticket',
      form,
      data: checked.value,
      overrides: {},
      actor: { id: null },
      now: ninthAt,
    });
    await slow.commit();
    await drainOutboxFully(runtime, consumer);

    expect(await db.knex('records').where({ form_key: 'ticket' }).count({ n: '*' })).toEqual([{ n: 10 }]);
    const firings = (await db.knex('rule_firings').pluck('idempotency_key')) as string[];
    expect(firings).toEqual(['screen-failure-threshold|model=X300|2026-10']);
  });
});
