/**
 * The manager sets the weights of a quality index in the report designer, in headless Chromium, over the
 * engine tour's tickets rated 5, 5, 4 and 2: CSAT (75 %) and the mean rating (4) are blended; the
 * weights editor shows the total and names it as wrong until it is 100 %; the table shows the index the
 * server computed (0.60 × 50 + 0.40 × 75 = 60); the published report stores the weights and bounds as
 * typed, and after a reload they read back and a change of weights is saved and recomputed; at phone
 * width in Chinese the editor fits the screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { launchBrowser } from '../../helpers/browser';
import {
  openSignedIn,
  screenshot,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';
import { submitTicket, tourApp } from '../../helpers/tour-tickets';

const KEY = 'quality-weights';

async function storedMeasures(page: Page): Promise<unknown[]> {
  return page.evaluate(async (key) => {
    const res = await fetch(`/api/reports/${key}`);
    return ((await res.json()) as { body: { measures: unknown[] } }).body.measures;
  }, KEY);
}

const indexCell = (page: Page) => page.locator('.report-rows tbody tr [data-output=quality_index]');

describe('quality index weights in the report designer', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, tourApp(), null);
    for (const [i, satisfaction] of [5, 5, 4, 2].entries())
      await submitTicket(server.url, i, { satisfaction });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'sets weights and bounds, shows the total and the score, and saves them',
    { timeout: 90_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en-US',
      });
      await page.goto(server.url + '/reports');
      await page.getByLabel('Key').fill(KEY);
      await page.getByLabel('Title (English)').fill('Service quality');
      await page.getByRole('button', { name: 'Create report' }).click();
      await page.getByRole('heading', { name: 'Report Service quality' }).waitFor();
      await page.getByLabel('Form', { exact: true }).selectOption('ticket');
      await page.getByTestId('field-satisfaction').waitFor();

      await page.getByLabel('KPI preset').selectOption('csat');
      await page.getByRole('button', { name: 'Add KPI' }).click();
      await page.getByLabel('Field of CSAT (CSAT)').selectOption('satisfaction');
      await page.getByRole('button', { name: 'Add Satisfaction to measures' }).click();
      await page.getByLabel('KPI preset').selectOption('quality_index');
      await page.getByRole('button', { name: 'Add KPI' }).click();
      await page.getByLabel('Chart type').selectOption('table');

      const weights = page.getByTestId('quality-weights');
      await weights.waitFor();
      const csatWeight = page.getByLabel('Weight of CSAT (CSAT) (%)');
      const meanWeight = weights.getByLabel(/^Weight of .*Satisfaction \(%\)$/);
      await csatWeight.fill('60');
      await expect.poll(() => page.getByTestId('quality-total').textContent()).toBe('Total: 60 %');
      await weights.getByRole('alert').filter({ hasText: 'The weights add up to 60 %' }).waitFor();
      // The engine's own check in the browser names the components too.
      await page.getByTestId('issues-measures').filter({ hasText: 'add up to 60 %, not 100 %' }).waitFor();
      await page.getByLabel('Value of CSAT (CSAT) that scores 0').fill('50');
      await page.getByLabel('Value of CSAT (CSAT) that scores 100').fill('100');
      await meanWeight.fill('40');
      await weights.getByLabel(/^Value of .*Satisfaction that scores 0$/).fill('1');
      await weights.getByLabel(/^Value of .*Satisfaction that scores 100$/).fill('5');
      await expect.poll(() => page.getByTestId('quality-total').textContent()).toBe('Total: 100 %');
      expect(await weights.getByRole('alert').count()).toBe(0);

      // CSAT 75 % → (75 − 50) ÷ 50 = 50 points; mean 4 → (4 − 1) ÷ 4 = 75 points; 0.6 × 50 + 0.4 × 75 = 60.
      await expect.poll(() => indexCell(page).textContent()).toBe('60');
      await page.getByText('0.60 × csat + 0.40 × avg_satisfaction').first().waitFor();
      await screenshot(page, 'report-quality-weights');

      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();
      expect((await storedMeasures(page))[2]).toEqual({
        kpi: 'quality_index',
        as: 'quality_index',
        components: [
          { measure: 'csat', weight: 60, worst: 50, best: 100 },
          { measure: 'avg_satisfaction', weight: 40, worst: 1, best: 5 },
        ],
      });

      // Reopened, the weights read back; an even split is saved and recomputed: 0.5 × 50 + 0.5 × 75.
      await page.reload();
      await expect.poll(() => page.getByLabel('Weight of CSAT (CSAT) (%)').inputValue()).toBe('60');
      await page.getByLabel('Weight of CSAT (CSAT) (%)').fill('50');
      await page
        .getByTestId('quality-weights')
        .getByLabel(/^Weight of .*Satisfaction \(%\)$/)
        .fill('50');
      await expect.poll(() => indexCell(page).textContent()).toBe('62.5');
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('status').filter({ hasText: 'Published version 2' }).waitFor();
      const measures = (await storedMeasures(page)) as { components?: { weight: number }[] }[];
      expect(measures[2]!.components!.map((c) => c.weight)).toEqual([50, 50]);
      await context.close();

      // At phone width in Chinese the weights editor fits without sideways scrolling.
      const { context: phone, page: small } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.phone,
        locale: 'zh-CN',
        hasTouch: true,
      });
      await small.goto(`${server.url}/reports`);
      await small.getByRole('link', { name: '打开报表 Service quality' }).click();
      await small.getByRole('group', { name: '质量指数权重' }).waitFor();
      expect(await small.getByLabel('客户满意度 CSAT (CSAT) 的权重（%）').inputValue()).toBe('50');
      await expect.poll(() => small.getByTestId('quality-total').textContent()).toBe('合计：100%');
      await expectNoSidewaysScroll(small);
      await screenshot(small, 'report-quality-weights-phone');
      await phone.close();
    },
  );
});
