/**
 * The after-sales templates installed side by side on one runtime (SQLite), the way a team would: the
 * ticket app first, then the survey, complaint and defect apps that refer to its forms and flow. Their
 * rules work across the apps: ten screen failures of one model in a month make one R&D task, assigned
 * to the owner the product-line reference data names; a ticket reaching follow-up sends the survey
 * link; a customer answers anonymously through the public form, a detractor is called back, and the
 * answers are written back to the ticket and to its customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRulesConsumer } from '../../runtime/rules/rules-consumer';
import { drainOutboxFully } from '../../runtime/outbox/drain-outbox';
import { importApp } from '../../runtime/apps/import-app';
import {
  createUserAndLogin,
  loginAs,
  startHarness,
  type Harness,
  type TestLogin,
} from '../helpers/runtime-harness';
import { loadTemplates } from './template-cases';

interface Firing {
  key: string;
  records: string[];
  created: { type: string; id?: string; problems?: string[] }[];
}

const templates = loadTemplates();
const bundle = (key: string) => templates.find((t) => t.bundle.key === key)!.bundle;

/** The stored customer record the tickets name (a ticket's customer must be one). */
let customerId = '';

const ticketData = (n: number) => ({
  customer: customerId,
  contactName: '周敏',
  contactPhone: '13600001111',
  channel: 'phone',
  region: { province: '广东省', city: '广州市' },
  productLine: 'phone',
  model: 'X200 Pro',
  category: 'screen',
  serialNo: `X200P2026B${String(n).padStart(4, '0')}`,
  description: '屏幕闪烁 / The screen flickers',
});

describe('the after-sales templates installed together', () => {
  let h: Harness;
  let admin: TestLogin;
  let ann: TestLogin;
  let eve: TestLogin;
  let zhao: TestLogin;
  let qian: TestLogin;
  const drainRules = () => drainOutboxFully(h.runtime, createRulesConsumer());

  const firingsOf = async (rule: string): Promise<Firing[]> => {
    const res = await h.request({ method: 'GET', url: `/api/rules/${rule}/firings`, headers: admin.headers });
    expect(res.status, res.text).toBe(200);
    return [...(res.body.items as Firing[])].reverse();
  };
  const submit = async (who: TestLogin | null, form: string, data: Record<string, unknown>) => {
    const res = await h.request({
      method: 'POST',
      url: `/api/forms/${form}/records`,
      ...(who ? { headers: who.headers } : {}),
      payload: { data },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; stage: string | null };
  };
  const send = async (who: TestLogin, id: string, type: string, data?: Record<string, unknown>) => {
    const res = await h.request({
      method: 'POST',
      url: `/api/records/${id}/events`,
      headers: who.headers,
      payload: { type, ...(data ? { data } : {}) },
    });
    expect(res.status, res.text).toBe(200);
    return res.body as { stage: string };
  };

  beforeAll(async () => {
    h = await startHarness('sqlite', '2026-11-02T09:00:00+08:00');
    for (const key of [
      'after-sales-ticket',
      'after-sales-survey',
      'after-sales-rca',
      'after-sales-defect',
      'after-sales-quality',
    ])
      expect((await importApp(h.runtime, bundle(key), null)).app).toBe(key);
    admin = await createUserAndLogin(h, { username: 'admin', roles: ['admin'] });
    ann = await createUserAndLogin(h, { username: 'ann', roles: ['agent'] });
    eve = await createUserAndLogin(h, { username: 'eve', roles: ['engineer', 'field_engineer'] });
    await createUserAndLogin(h, { username: 'mia', roles: ['manager'] });
    zhao = await createUserAndLogin(h, { username: 'zhao', roles: ['product_owner'] });
    qian = await createUserAndLogin(h, { username: 'qian', roles: ['rd_engineer'] });
    customerId = (
      await submit(ann, 'after-sales-customer', { name: '周敏', phone: '13600001111', tier: 'standard' })
    ).id;
  });
  afterAll(() => h?.close());

  it('refuses a dependent template on a runtime without the ticket app', async () => {
    const bare = await startHarness('sqlite');
    try {
      await expect(importApp(bare.runtime, bundle('after-sales-defect'), null)).rejects.toMatchObject({
        issues: expect.arrayContaining([expect.objectContaining({ code: 'unknown-form' })]),
      });
    } finally {
      await bare.close();
    }
  });

  it('makes one R&D task per model and month at the 10th accepted screen failure, for the line owner', async () => {
    await submit(admin, 'after-sales-product-line', {
      line: 'phone',
      owner: zhao.user.id,
      rdLead: qian.user.id,
    });
    const tickets: string[] = [];
    for (let n = 1; n <= 11; n++) {
      h.clock.advanceMinutes(30);
      const { id, stage } = await submit(ann, 'after-sales-ticket', ticketData(n));
      expect(stage).toBe('accept');
      expect((await send(ann, id, 'ACCEPT')).stage).toBe('diagnose');
      tickets.push(id);
      await drainRules();
      expect((await firingsOf('after-sales-defect-threshold')).length, `after ticket ${n}`).toBe(
        n < 10 ? 0 : 1,
      );
    }
    const [firing] = await firingsOf('after-sales-defect-threshold');
    expect(firing!.key).toBe('after-sales-defect-threshold|model=X200 Pro;category=screen|2026-11');
    expect(firing!.records).toHaveLength(10);
    expect(firing!.created.map((c) => c.type)).toEqual(['create-record', 'assign', 'notify']);
    const task = await h.request({
      method: 'GET',
      url: `/api/records/${firing!.created[0]!.id}`,
      headers: admin.headers,
    });
    expect(task.status, task.text).toBe(200);
    expect(task.body).toMatchObject({
      stage: 'triage',
      assignee: zhao.user.id,
      data: {
        title: 'X200 Pro / screen / 2026-11',
        productLine: 'phone',
        faultCategory: 'screen',
        month: '2026-11',
        count: 10,
        sampleTicket: tickets[9],
      },
    });
  });

  it('sends the survey link when a ticket reaches follow-up, and calls a detractor back', async () => {
    // Hours of tickets have passed on the clock since eve signed in: her idle session has lapsed.
    eve = await loginAs(h, 'eve');
    const { id } = await submit(ann, 'after-sales-ticket', { ...ticketData(50), category: 'battery' });
    await send(ann, id, 'ACCEPT');
    await send(eve, id, 'DIAGNOSED', { diagnosis: 'Battery worn', complexity: 'simple' });
    await send(eve, id, 'PLANNED', { solution: 'Replace the battery', serviceMode: 'depot' });
    expect((await send(eve, id, 'VERIFIED', { fixReport: 'Replaced', fixVerified: true })).stage).toBe(
      'follow_up',
    );
    await drainRules();
    const invites = await firingsOf('after-sales-survey-invite');
    expect(invites.map((f) => f.records)).toEqual([[id]]);
    expect(invites[0]!.created.map((c) => c.type)).toEqual(['notify']);
    // The SMS gateway rule is imported disabled: nothing is delivered to the example URL.
    expect(await firingsOf('after-sales-survey-sms')).toEqual([]);

    // The customer, without an account, answers through the public form the link opens.
    const survey = await submit(null, 'after-sales-survey', {
      ticket: id,
      csat: 2,
      nps: 4,
      ces: 3,
      comment: '修了两次 / Two repairs',
    });
    await drainRules();
    const callBacks = await firingsOf('after-sales-survey-detractor');
    expect(callBacks.map((f) => f.records)).toEqual([[survey.id]]);
  });

  it("writes the survey's answers back to the ticket and to the ticket's customer", async () => {
    const [survey] = (await firingsOf('after-sales-survey-detractor'))[0]!.records;
    const [writeback] = await firingsOf('after-sales-survey-writeback');
    expect(writeback!.records).toEqual([survey]);
    const [onTicket, onCustomer] = writeback!.created;
    expect(writeback!.created.map((c) => c.type)).toEqual(['set-fields', 'set-fields']);
    expect(onCustomer!.id).toBe(customerId);
    const read = async (id: string) => {
      const res = await h.request({ method: 'GET', url: `/api/records/${id}`, headers: admin.headers });
      expect(res.status, res.text).toBe(200);
      return res.body as {
        stage: string | null;
        data: Record<string, unknown>;
        timeline: { type: string; payload: Record<string, unknown> }[];
      };
    };
    const ticket = await read(onTicket!.id!);
    // The agent's own follow-up rating stays empty: the survey fills its own fields beside it.
    expect(ticket.stage).toBe('follow_up');
    expect(ticket.data).toMatchObject({
      surveyCsat: 2,
      surveyNps: 4,
      surveyCes: 3,
      surveyComment: '修了两次 / Two repairs',
      surveyAt: expect.any(String),
    });
    expect(ticket.data.satisfaction).toBeUndefined();
    expect(ticket.timeline.find((e) => e.type === 'rule.set-fields')?.payload).toMatchObject({
      rule: 'after-sales-survey-writeback',
      from: survey,
    });
    const customer = await read(customerId);
    expect(customer.data).toMatchObject({
      name: '周敏',
      lastCsat: 2,
      lastNps: 4,
      lastSurveyAt: ticket.data.surveyAt,
      lastSurveyTicket: onTicket!.id,
    });
  });

  it('shows the answer and the weighted quality index on the service-quality dashboard', async () => {
    const res = await h.request({
      method: 'GET',
      url: '/api/dashboards/after-sales-quality/data',
      headers: admin.headers,
    });
    expect(res.status, res.text).toBe(200);
    type Card = {
      report: string;
      error: unknown;
      result: { rows: Record<string, number | string | null>[] };
    };
    const cards = res.body.cards as Card[];
    expect(cards.filter((c) => c.error !== null)).toEqual([]);
    const rowsOf = (report: string) => cards.find((c) => c.report === report)!.result.rows;
    // The one answer (CSAT 2, NPS 4), in the month it was given.
    expect(rowsOf('after-sales-quality-satisfaction-trend')).toEqual([
      { month: '2026-11-01', csat: 0, csat_mean: 2, nps: -100, answers: 1 },
    ]);
    // CSAT 0 % scores 0 (60 → 95); SLA attainment scores between 80 and 100 %. No ticket is resolved
    // yet (the one surveyed waits in follow-up) and no first response was recorded, so FCR's 25 % and
    // FRT's 20 % are left out and the index is (30 × 0 + 25 × SLA score) ÷ 55.
    const [month] = rowsOf('after-sales-quality-index');
    expect(month).toMatchObject({ month: '2026-11-01', csat: 0, fcr: null, frt: null });
    expect(month!.sla).toBeGreaterThan(0);
    const slaScore = Math.min(1, Math.max(0, ((month!.sla as number) - 80) / 20)) * 100;
    expect(month!.quality).toBeCloseTo((25 * slaScore) / 55, 9);
  });
});
