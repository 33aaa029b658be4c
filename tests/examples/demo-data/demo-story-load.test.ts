/**
 * @module The improvement story in a first run (SQLite, ~400 tickets ending 2026-11-24): the product
 * lines and their owners exist, the spike's R&D task was assigned to the phone line's owner and worked
 * to done with the fix's effective date, the customer's complaint went through RCA to closed with
 * that go-live, and the KPI it names improved significantly in the stored tickets — the runtime's effect
 * (`verifyEffect` over equal windows around go-live) and the figures the quality manager recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoClock } from '../../../examples/demo-data/demo-clock';
import { createDemoPlan, DEFAULT_PLAN_OPTIONS } from '../../../examples/demo-data/demo-plan';
import { demoPeriodEndingAt } from '../../../examples/demo-data/demo-period';
import { planStory, STORY_WINDOW_DAYS } from '../../../examples/demo-data/demo-story';
import { installOnFirstRun } from '../../../runtime/cli/first-run';
import { recordEffect } from '../../../runtime/improvements/effect-service';
import { memoryLogger } from '../../../runtime/logger';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-databases';

const NOW = Date.parse('2026-11-24T08:30:00Z'); // 16:30 in Shanghai
const TICKETS = 400;

interface Row {
  id: string;
  stage: string | null;
  assignee: string | null;
  data: Record<string, unknown>;
}

describe('the improvement story in a first run, on SQLite', () => {
  let db: TestDatabase;
  const userIds = new Map<string, string>();
  const rows = async (form: string): Promise<Row[]> =>
    (
      (await db.knex('records').where({ form_key: form }).select('id', 'stage', 'assignee', 'data')) as {
        id: string;
        stage: string | null;
        assignee: string | null;
        data: string | Record<string, unknown>;
      }[]
    ).map((r) => ({ ...r, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await installOnFirstRun(db, {
      now: NOW,
      demoTickets: TICKETS,
      demoPassword: 'story demo 2026',
      out: () => {},
      logger: memoryLogger(),
    });
    const users = (await db.knex('users').select('id', 'username')) as { id: string; username: string }[];
    for (const u of users) userIds.set(u.username, u.id);
  }, 600_000);
  afterAll(() => db?.drop());

  it('has one product line record per line, owned by the demo owners and R&D leads', async () => {
    const lines = await rows('after-sales-product-line');
    expect(lines.map((l) => l.data.line).sort()).toEqual(['laptop', 'phone', 'smart-home', 'tablet', 'tv']);
    const phone = lines.find((l) => l.data.line === 'phone')!;
    expect(phone.data.owner).toBe(userIds.get('demo-owner-1'));
    expect(phone.data.rdLead).toBe(userIds.get('demo-rd-1'));
  });

  it("assigned the spike's R&D task to the phone line's owner, who confirmed it, and R&D fixed it", async () => {
    const tasks = (await rows('after-sales-rd-task')).filter(
      (t) => t.data.model === 'X200 Pro' && t.data.faultCategory === 'screen',
    );
    expect(tasks).toHaveLength(1);
    const task = tasks[0]!;
    expect(task.data.month).toBe('2026-09');
    expect(task.stage).toBe('done');
    expect(task.data).toMatchObject({ effectiveDate: '2026-10-15', fixVersion: expect.any(String) });
    const events = (
      (await db
        .knex('events')
        .where({ stream_id: task.id })
        .orderBy('id')
        .select('type', 'actor', 'payload')) as { type: string; actor: string | null; payload: unknown }[]
    ).map((e) => ({
      ...e,
      payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<string, unknown>,
    }));
    // The rule assigned triage to the line's owner, who confirmed it; R&D investigated and fixed it.
    const assigned = events.find((e) => e.type === 'record.assigned')!;
    expect(assigned.payload).toMatchObject({ stage: 'triage', rule: 'after-sales-defect-threshold' });
    expect(assigned.payload.assignee).toBe(userIds.get('demo-owner-1'));
    const flowEvents = events.filter((e) => e.type === 'flow.event');
    expect(flowEvents.map((e) => e.payload.event)).toEqual(['CONFIRM', 'ROOT_CAUSE_FOUND', 'FIXED']);
    expect(flowEvents[0]!.actor).toBe(userIds.get('demo-owner-1'));
    const rdEngineers = new Set(
      ['demo-rd-1', 'demo-rd-2', 'demo-rd-3', 'demo-rd-4', 'demo-rd-5'].map((u) => userIds.get(u)),
    );
    expect(rdEngineers.has(flowEvents[2]!.actor!)).toBe(true);
  });

  it('took the complaint through RCA to closed with the fix as go-live, and the KPI improved', async () => {
    const complaints = await rows('after-sales-complaint');
    expect(complaints).toHaveLength(1);
    const complaint = complaints[0]!;
    // The after window (2026-10-15 … 11-13) is over before 2026-11-24: the manager judged it.
    expect(complaint.stage).toBe('closed');
    expect(complaint.data).toMatchObject({
      model: 'X200 Pro',
      scopeProductLine: 'phone',
      goLive: '2026-10-15',
      effectWindowDays: STORY_WINDOW_DAYS,
      kpi: 'resolution_time',
      verificationResult: 'passed',
      improvementOwner: userIds.get('demo-quality-1'),
    });
    expect((complaint.data.whys as unknown[]).length).toBe(5);
    expect((complaint.data.fishbone as unknown[]).length).toBe(6);

    const effect = await recordEffect(
      { db, clock: new DemoClock(NOW), logger: memoryLogger() },
      complaint.id,
      'en',
    );
    expect(effect.windows.before.lastDay).toBe('2026-10-14');
    expect(effect.windows.after.firstDay).toBe('2026-10-15');
    expect(effect.windows.complete).toBe(true);
    expect(effect.windows.days).toBe(30);
    expect(effect.scope).toEqual({ scopeProductLine: 'phone' });
    const { verdict } = effect;
    expect(verdict.before.n).toBeGreaterThan(15);
    expect(verdict.after.n).toBeGreaterThan(15);
    expect(verdict.after.value!).toBeLessThan(verdict.before.value! * 0.7);
    expect(verdict.significant).toBe(true);
    expect(verdict.test.name).toBe('mann-whitney-u');
    expect('pValue' in verdict.test && verdict.test.pValue).toBeLessThan(0.01);
    expect(verdict.verified).toBe(true);
    // What the quality manager recorded is the effect the runtime computes from the stored tickets.
    expect(complaint.data.kpiBefore).toBeCloseTo(verdict.before.value!, 0);
    expect(complaint.data.kpiAfter).toBeCloseTo(verdict.after.value!, 0);
  });

  it('plans the same story the loader played', () => {
    const period = demoPeriodEndingAt(NOW);
    if ('skipped' in period) throw new Error(period.skipped);
    const plan = createDemoPlan({ ...DEFAULT_PLAN_OPTIONS, ...period, tickets: TICKETS, minThreshold: 10 });
    const story = planStory(plan);
    expect(story.goLive).toBe('2026-10-15');
    expect(story.verifyAt).not.toBeNull();
    expect(story.rdTask.steps.map((s) => s.event)).toEqual(['CONFIRM', 'ROOT_CAUSE_FOUND', 'FIXED']);
  });
});
