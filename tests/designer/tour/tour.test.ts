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
import { launchBrowser } from '../../helpers/browser';
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

/** The tour's steps, as the README's "A ten-minute tour" numbers them. */
const STEPS = [
  'Sign in as the service supervisor',
  'Open a ticket under its SLA',
  'See the defect spike the threshold rule caught',
] as const;

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
});
