/** The inbox lists an agent's open tickets most urgent first; rules can be dry-run and their firings read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { submitRecord } from '../../../runtime/records/record-service';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

const TOUR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
);

const ticket = (tier: string, model: string, i: number) => ({
  customer: `C-${i}`,
  tier,
  priority: 'normal',
  channel: 'phone',
  model,
  category: 'screen',
  detail: `ticket ${i}`,
});

describe.each(DIALECTS)('inbox and rule routes on %s', (dialect) => {
  let h: Harness;
  let agent: TestLogin;
  let designer: TestLogin;
  beforeAll(async () => {
    h = await startHarness(dialect, '2026-10-12T09:00:00+08:00');
    await importApp(h.runtime, TOUR, null);
    agent = await createUserAndLogin(h, { username: 'wang', roles: ['agent'] });
    designer = await createUserAndLogin(h, { username: 'zhao', roles: ['designer'] });
    // A standard ticket at 09:00 (accept within 15 min: due 09:15), then a VIP high-priority one at
    // 09:02 (accept within 10 min: due 09:12) — created later, but more urgent.
    await submitRecord(h.runtime, 'ticket', { data: ticket('standard', 'X100', 1) }, { id: null });
    h.clock.advanceMinutes(2);
    await submitRecord(
      h.runtime,
      'ticket',
      { data: { ...ticket('vip', 'X200', 2), priority: 'high' } },
      { id: null },
    );
  });
  afterAll(() => h?.close());

  it("lists the agent's open tickets, the one breaching soonest first, with its SLA", async () => {
    const res = await h.request({ method: 'GET', url: '/api/tasks', headers: agent.headers });
    expect(res.status).toBe(200);
    const items = res.body.items as {
      data: { customer: string };
      stage: string;
      sla: { dueAt: string; state: string };
    }[];
    expect(items.map((t) => t.data.customer)).toEqual(['C-2', 'C-1']);
    expect(items.every((t) => t.stage === 'accept' && t.sla.state === 'running')).toBe(true);
    expect(items.map((t) => t.sla.dueAt)).toEqual(['2026-10-12T01:12:00.000Z', '2026-10-12T01:15:00.000Z']);
  });

  it('keeps other inboxes to managers, and needs a signed-in user', async () => {
    expect((await h.request({ method: 'GET', url: '/api/tasks' })).status).toBe(401);
    const other = await h.request({
      method: 'GET',
      url: `/api/tasks?assignee=${designer.user.id}`,
      headers: agent.headers,
    });
    expect(other.status).toBe(403);
    const manager = await createUserAndLogin(h, { username: 'li', roles: ['manager'] });
    const seen = await h.request({
      method: 'GET',
      url: `/api/tasks?assignee=${agent.user.id}`,
      headers: manager.headers,
    });
    expect(seen.body.items).toHaveLength(2);
  });

  it('dry-runs a rule over stored history and lists its firings once they happen', async () => {
    for (let i = 0; i < 10; i++) {
      h.clock.advanceMinutes(3);
      await submitRecord(h.runtime, 'ticket', { data: ticket('standard', 'X200', 10 + i) }, { id: null });
    }
    const dry = await h.request({
      method: 'POST',
      url: '/api/rules/screen-failure-threshold/dry-run',
      headers: designer.headers,
      payload: { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' },
    });
    expect(dry.status).toBe(200);
    expect(
      dry.body.firings.map((f: { key: string; records: string[] }) => [f.key, f.records.length]),
    ).toEqual([['screen-failure-threshold|model=X200|2026-10', 10]]);
    expect(
      (
        await h.request({
          method: 'GET',
          url: '/api/rules/screen-failure-threshold/firings',
          headers: designer.headers,
        })
      ).body.items,
    ).toEqual([]);
    await drainOutboxFully(h.runtime, createRulesConsumer());
    const firings = await h.request({
      method: 'GET',
      url: '/api/rules/screen-failure-threshold/firings',
      headers: designer.headers,
    });
    expect(firings.body.items).toEqual([
      expect.objectContaining({
        key: 'screen-failure-threshold|model=X200|2026-10',
        group: { model: 'X200' },
        groupKey: 'model=X200',
        window: dry.body.firings[0].window,
      }),
    ]);
    expect(firings.body.items[0].created[0]).toMatchObject({ type: 'create-record', id: expect.any(String) });
  });

  it('refuses a bad period naming the field, and agents', async () => {
    const bad = await h.request({
      method: 'POST',
      url: '/api/rules/screen-failure-threshold/dry-run',
      headers: designer.headers,
      payload: { from: 'last month', to: '2026-11-01' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/from']);
    const refused = await h.request({
      method: 'POST',
      url: '/api/rules/screen-failure-threshold/dry-run',
      headers: agent.headers,
      payload: { from: '2026-10-01', to: '2026-11-01' },
    });
    expect(refused.status).toBe(403);
  });
});
