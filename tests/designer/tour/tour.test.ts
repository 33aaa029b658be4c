/**
 * The README's ten-minute tour, step by step, in headless Chromium over what `npm start` installs on a
 * first run: every bundled template and demo data ending "now" (400 tickets here, so the test stays
 * quick; the README's default is 2,000), loaded through the same `installOnFirstRun` with the runtime's
 * clock fixed at the demo's end. Each `it` is one numbered step of the tour, with the step's title as the
 * README words it — the first test checks the README still lists exactly these steps.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../examples/demo-data/demo-users';
import { installOnFirstRun, type FirstRunResult } from '../../../runtime/cli/first-run';
import { REPO_ROOT } from '../../../runtime/designer/designer-build';
import { memoryLogger } from '../../../runtime/logger';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import { launchBrowser } from '../../helpers/browser';
import { paintedPixels } from '../../helpers/page-checks';
import {
  openSignedIn,
  screenshot,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';

/** The demo's "now": a Tuesday afternoon in Shanghai. */
const NOW = '2026-11-24T08:30:00Z';
const DEMO_PASSWORD = 'tour demo password 2026';
const MANAGER = { username: 'demo-manager', password: DEMO_PASSWORD };
const AGENT = { username: 'demo-agent-1', password: DEMO_PASSWORD };

/** The tour's steps, as the README's "A ten-minute tour" numbers them. */
const STEPS = [
  'Sign in as the service supervisor',
  'Open a ticket under its SLA',
  'See the defect spike the threshold rule caught',
  'Watch service quality on the dashboard',
  'Take a ticket for a returning customer',
  'Hear back from the customer',
  'Close the loop: root cause, improvement, verified effect',
] as const;

/** The service-quality dashboard's cards (template `after-sales-quality`), every one drawn. */
const QUALITY_CARDS = [
  'after-sales-quality-index',
  'after-sales-quality-satisfaction-trend',
  'after-sales-quality-frt-fcr-by-team',
  'after-sales-quality-frt-fcr-by-agent',
  'after-sales-quality-sla-by-stage',
  'after-sales-fault-pareto',
  'after-sales-quality-recurrence',
  'after-sales-quality-punctuality',
];

function readmeTourSteps(): string[] {
  const readme = readFileSync(`${REPO_ROOT}/README.md`, 'utf8');
  const section = readme.split('## A ten-minute tour')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\d+\. \*\*(.+?)\.\*\*/gm)].map((m) => m[1]!);
}

describe('the ten-minute tour', () => {
  let server: DesignerServer;
  let browser: Browser;
  let installed: FirstRunResult;
  let context: BrowserContext;
  let page: Page;
  let agentContext: BrowserContext | undefined;
  /** The ticket the agent takes in step 5, answered by its customer in step 6. */
  let newTicket: { id: string; customer: string };

  beforeAll(async () => {
    server = await startDesignerServer('sqlite');
    installed = await installOnFirstRun(server.db, {
      now: Date.parse(NOW),
      demoTickets: 400,
      demoPassword: DEMO_PASSWORD,
      out: () => {},
      logger: memoryLogger(),
    });
    server.clock.set(NOW);
    browser = await launchBrowser();
    ({ context, page } = await openSignedIn(
      browser,
      server,
      { viewport: VIEWPORTS.desktop, locale: 'en-US' },
      MANAGER,
    ));
  }, 300_000);
  afterAll(async () => {
    await agentContext?.close();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('is the README’s tour, step for step', () => {
    expect(readmeTourSteps()).toEqual([...STEPS]);
    expect(installed.demo?.tickets).toBeGreaterThan(300);
    expect(DEMO_USERS.map((u) => u.username)).toContain(MANAGER.username);
  });

  it(`1. ${STEPS[0]}`, { timeout: 60_000 }, async () => {
    // Signed in by openSignedIn through the login page; the team's queue lists the open demo tickets.
    await page.goto(server.url + '/inbox');
    await page.getByRole('tab', { name: 'My team’s queue' }).click();
    const tasks = page.getByTestId('task');
    await tasks.first().waitFor();
    expect(await tasks.count()).toBeGreaterThan(5);
    await page.getByRole('timer').first().waitFor();
    await screenshot(page, 'tour-1-team-queue');
  });

  it(`2. ${STEPS[1]}`, { timeout: 60_000 }, async () => {
    await page.getByTestId('task').first().getByRole('link').first().click();
    await page.waitForURL(/\/records\//);
    await page.getByRole('heading', { name: 'SLA' }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    const timeline = page.locator('.timeline');
    await expect(timeline.textContent()).resolves.toMatch(/2026/);
    await screenshot(page, 'tour-2-ticket');
  });

  it(`3. ${STEPS[2]}`, { timeout: 60_000 }, async () => {
    await page.goto(server.url + '/rules/after-sales-defect-threshold');
    const dry = page.getByRole('region', { name: 'Dry run' });
    await dry.getByLabel('From').fill('2026-09-01');
    await dry.getByLabel('To').fill('2026-10-01');
    await dry.getByRole('button', { name: 'Run' }).click();
    const firing = dry
      .getByRole('list', { name: 'Dry run' })
      .getByRole('listitem')
      .filter({ hasText: 'X200 Pro' });
    await firing.first().waitFor();
    await expect(firing.first().textContent()).resolves.toMatch(/screen/);
    // The live run fired too, when the demo's September happened: its firing created the R&D task.
    const history = page.getByRole('region', { name: 'Firing history' });
    const created = history.getByRole('link', { name: /^Created / }).first();
    await created.waitFor();
    await screenshot(page, 'tour-3-defect-rule');
    await created.click();
    await page.waitForURL(/\/records\//);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('X200 Pro');
    await screenshot(page, 'tour-3-rd-task');
  });

  it(`4. ${STEPS[3]}`, { timeout: 90_000 }, async () => {
    await page.goto(server.url + '/dashboards/after-sales-quality');
    await page.locator('.report-chart[data-drawn=true]').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'tour-4-quality-dashboard');
    for (const report of QUALITY_CARDS) {
      const chart = page.locator(`[data-report="${report}"] .report-chart[data-drawn=true]`);
      await chart.waitFor({ timeout: 30_000 });
      const option = JSON.parse((await chart.getAttribute('data-option'))!) as {
        series: { data: unknown[] }[];
        dataset?: { source: unknown[][] };
      };
      // A chart has points; a table (FRT / FCR by team and by agent) has a row per team or agent.
      const points =
        option.series.reduce((n, s) => n + s.data.length, 0) + (option.dataset?.source.length ?? 0);
      expect(points, `${report} has data`).toBeGreaterThan(1);
      await expect
        .poll(() => paintedPixels(page, `[data-report="${report}"] .report-chart`), { message: report })
        .toBeGreaterThan(1000);
    }
    await screenshot(page, 'tour-4-quality-dashboard');
  });

  it(`5. ${STEPS[4]}`, { timeout: 90_000 }, async () => {
    // A VIP customer of the demo, found by part of the name as an agent would type it.
    const vip = (await server.db
      .knex('records')
      .where({ form_key: 'after-sales-customer' })
      .whereRaw(`json_extract(data, '$.tier') = 'vip'`)
      .orderBy('created_at')
      .first('id', 'data')) as { id: string; data: string };
    const vipName = (JSON.parse(vip.data) as { name: string }).name;
    const opened = await openSignedIn(
      browser,
      server,
      { viewport: VIEWPORTS.desktop, locale: 'en-US' },
      AGENT,
    );
    agentContext = opened.context;
    const agent = opened.page;
    await agent.goto(server.url + '/f/after-sales-ticket');
    const customer = agent.getByRole('combobox', { name: 'Customer', exact: true });
    await customer.pressSequentially(vipName.slice(0, 4));
    await agent
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(vipName) })
      .first()
      .click();
    expect(await agent.getByLabel('Customer tier').inputValue()).toBe('vip');
    await agent.getByLabel('Channel').selectOption('wechat');
    await agent.getByLabel('Priority').selectOption('high');
    await agent.getByLabel('Product line').selectOption('phone');
    await agent.getByLabel('Product model').fill('X200 Pro');
    await agent.getByLabel('Serial number').fill('X200P2026T0001');
    await agent.getByLabel('Description').fill('屏幕闪烁，重启后依旧 / The screen flickers after a restart');
    await agent.getByRole('button', { name: 'Submit' }).click();
    await agent.locator('.thank-you-reference').waitFor();
    const stored = (await server.db
      .knex('records')
      .where({ form_key: 'after-sales-ticket', customer: vip.id })
      .orderBy('created_at', 'desc')
      .first('id', 'customer')) as { id: string; customer: string };
    newTicket = stored;
    // The customer's VIP tier set the accept SLA: VIP high is 20 working minutes (templates/README.md),
    // a standard customer's high-priority ticket 45.
    const sla = (await server.db.knex('sla_clocks').where({ record_id: stored.id }).first()) as {
      target_minutes: number;
    };
    expect(sla.target_minutes).toBe(20);
    await agent.goto(`${server.url}/records/${stored.id}`);
    await agent.getByTestId('record-customer').getByRole('link', { name: vipName }).click();
    const history = agent.getByRole('region', { name: 'Service history' });
    await history.getByRole('link', { name: /X200P2026T0001/ }).waitFor();
    expect(await history.getByRole('link').count()).toBeGreaterThan(1);
    await screenshot(agent, 'tour-5-customer-history');
  });

  it(`6. ${STEPS[5]}`, { timeout: 60_000 }, async () => {
    // A ticket of the demo that is in follow-up: its customer opens the survey link, signed out.
    const inFollowUp = (await server.db
      .knex('records')
      .where({ form_key: 'after-sales-ticket', stage: 'follow_up' })
      .first('id')) as { id: string };
    const customer = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN' });
    try {
      const survey = await customer.newPage();
      await survey.goto(`${server.url}/f/after-sales-survey?ticket=${inFollowUp.id}`);
      await survey.getByRole('radio', { name: '5 星（满分 5 星）' }).check({ force: true });
      await survey
        .getByRole('radiogroup', { name: '您有多大可能向亲友推荐我们的产品和服务？' })
        .getByRole('radio', { name: '9' })
        .check({ force: true });
      await survey
        .getByRole('radiogroup', { name: '解决这个问题对您来说有多容易？' })
        .getByRole('radio', { name: '6' })
        .check({ force: true });
      await survey.getByRole('button', { name: '提交' }).click();
      await survey.getByRole('heading', { name: '感谢您的反馈！' }).waitFor();
      await screenshot(survey, 'tour-6-survey-phone');
    } finally {
      await customer.close();
    }
    // The rules worker (every second in `npm start`) writes the answers back to the ticket.
    await drainOutboxFully(server.runtime, createRulesConsumer());
    await page.goto(`${server.url}/records/${inFollowUp.id}`);
    const csat = page.locator('.data-row', { hasText: 'Survey CSAT' });
    await expect.poll(async () => (await csat.textContent()) ?? '').toContain('5');
    await screenshot(page, 'tour-6-ticket-with-survey');
  });
  it(`7. ${STEPS[6]}`, { timeout: 60_000 }, async () => {
    // The demo's complaint about the X200 Pro screens, taken through 5-Why and fishbone to an
    // improvement that went live on 15 October; its verification read the stored tickets.
    await page.goto(server.url + '/forms');
    await page.getByRole('link', { name: 'Records of Customer complaint & improvement' }).click();
    await page.getByRole('heading', { name: 'Customer complaint & improvement records' }).waitFor();
    await page.getByLabel('Stage').selectOption({ label: 'Closed (final)' });
    const rows = page.locator('[data-testid=record-row]');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('link').first().click();
    await page.waitForURL(/\/records\//);
    await page.locator('.data-row', { hasText: 'Root cause' }).first().waitFor();
    const panel = page.getByTestId('record-effect');
    await panel.getByRole('heading', { name: 'Effect' }).waitFor();
    await expect.poll(() => panel.getByTestId('effect-verdict').textContent()).toBe('Verdict: Verified');
    expect(await panel.getByTestId('effect-significant').textContent()).toBe('Yes');
    await panel.locator('.report-chart[data-drawn="true"]').waitFor();
    await expect.poll(() => paintedPixels(page, '[data-testid="record-effect"]')).toBeGreaterThan(500);
    await screenshot(page, 'tour-7-verified-effect');
  });
});
