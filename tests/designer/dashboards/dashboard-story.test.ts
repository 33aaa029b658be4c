/**
 * Issue 5's dashboard story in headless Chromium, over the engine tour's app: tickets submitted over
 * three months (the runtime's clock set to each month) with categories and satisfaction ratings. A
 * manager builds a Pareto report of complaint types and a monthly CSAT trend in the report designer,
 * publishes both, assembles a dashboard of the two in the dashboard designer and opens it. Both charts
 * are painted (not blank), and the options ECharts drew carry the numbers the server computed in SQL
 * (the published reports' rows) — which are also the numbers a person counts from the tickets.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { launchBrowser } from '../../helpers/browser';
import {
  screenshot,
  openSignedIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { dragWithMouse, expectNoSidewaysScroll, paintedPixels } from '../../helpers/page-checks';
import { submitTicket, tourApp } from '../../helpers/tour-tickets';

const tour = tourApp();

/** Tickets per month (mid-month, noon in Shanghai): category and satisfaction rating. */
const TICKETS: Record<string, [category: string, rating: number][]> = {
  '2026-08-14T04:00:00Z': [
    ['screen', 5],
    ['screen', 2],
    ['battery', 4],
    ['noise', 3],
  ],
  '2026-09-15T04:00:00Z': [
    ['screen', 4],
    ['battery', 5],
    ['battery', 1],
  ],
  '2026-10-15T04:00:00Z': [
    ['screen', 5],
    ['screen', 4],
    ['screen', 4],
    ['software', 2],
    ['noise', 5],
  ],
};
/** Counted by hand from TICKETS: complaints per type, largest first … */
const PARETO = [
  ['Screen failure', 6],
  ['Battery', 3],
  ['Noise', 2],
  ['Software', 1],
] as const;
/** … and the share of 4–5 ratings per month (%). */
const CSAT = [
  ['2026-08', 50],
  ['2026-09', 66.7],
  ['2026-10', 80],
] as const;

interface Option {
  xAxis: { data: string[] };
  series: { type: string; data: (number | null | { value: number | null })[] }[];
}
const valueOf = (d: number | null | { value: number | null }) =>
  d !== null && typeof d === 'object' ? d.value : d;

/** The option a card handed to ECharts (the chart's `data-option`), once it is drawn. */
async function cardOption(page: Page, report: string): Promise<Option> {
  const chart = page.locator(`[data-report="${report}"] .report-chart[data-drawn=true]`);
  await chart.waitFor();
  return JSON.parse((await chart.getAttribute('data-option'))!) as Option;
}

async function createReport(page: Page, baseUrl: string, key: string, title: string): Promise<void> {
  await page.goto(baseUrl + '/reports');
  await page.getByLabel('Key').fill(key);
  await page.getByLabel('Title (English)').fill(title);
  await page.getByRole('button', { name: 'Create report' }).click();
  await page.getByRole('heading', { name: `Report ${title}` }).waitFor();
  await page.getByLabel('Form', { exact: true }).selectOption('ticket');
  await page.getByTestId('field-category').waitFor();
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();
}

describe('dashboard story', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, tour, null);
    const now = server.clock.now();
    let i = 0;
    for (const [at, tickets] of Object.entries(TICKETS)) {
      server.clock.set(at);
      for (const [category, satisfaction] of tickets) {
        i += 1;
        await submitTicket(server.url, i, { category, satisfaction });
      }
    }
    server.clock.set(now);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'builds a Pareto of complaint types and a CSAT trend, puts both on a dashboard, and draws the SQL numbers',
    { timeout: 120_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en-US',
      });

      // The Pareto of complaint types, by dragging the category onto the dimensions.
      await createReport(page, server.url, 'complaint-types', 'Complaint types');
      await dragWithMouse(page, page.getByTestId('field-category'), page.getByTestId('well-dimensions'));
      await page.getByLabel('KPI preset').selectOption('pareto');
      await page.getByRole('button', { name: 'Add KPI' }).click();
      await page.locator('.report-chart[data-drawn=true]').waitFor();
      await publish(page);

      // The CSAT trend: tickets by month of creation, CSAT over the satisfaction rating, as a line.
      await createReport(page, server.url, 'csat-trend', 'CSAT trend');
      await page.getByRole('button', { name: 'Add Created at to dimensions' }).click();
      await page.getByLabel('Time grain of Created at').selectOption('month');
      await page.getByLabel('KPI preset').selectOption('csat');
      await page.getByRole('button', { name: 'Add KPI' }).click();
      await page.getByLabel('Field of CSAT').selectOption('satisfaction');
      await page.getByLabel('Chart type').selectOption('line');
      await page.locator('.report-chart[data-drawn=true]').waitFor();
      await publish(page);

      // What the server computes in SQL for the published reports: rows and the outputs naming them.
      const sql = async (key: string) =>
        (await (
          await page.request.get(`${server.url}/api/reports/${key}/data`, {
            headers: { 'accept-language': 'en' },
          })
        ).json()) as { rows: Record<string, unknown>[]; outputs: { name: string; kpi?: string }[] };
      const pareto = await sql('complaint-types');
      const csat = await sql('csat-trend');
      const measureOf = (result: typeof pareto, kpi: string) =>
        result.outputs.find(
          (o) => o.kpi === kpi && !o.name.endsWith('_mean') && !o.name.includes('cumulative'),
        )!.name;
      const paretoCounts = pareto.rows.map((r) => r[measureOf(pareto, 'pareto')]);
      const csatShares = csat.rows.map((r) => Math.round(Number(r[measureOf(csat, 'csat')]) * 10) / 10);
      // The SQL numbers are the ones counted by hand from the tickets.
      expect(paretoCounts).toEqual(PARETO.map(([, n]) => n));
      expect(csatShares).toEqual(CSAT.map(([, share]) => share));

      // The dashboard: both reports as cards, side by side, published.
      await page.goto(server.url + '/dashboards');
      await page.getByLabel('Key').fill('service-quality');
      await page.getByLabel('Title (English)').fill('Service quality');
      await page.getByRole('button', { name: 'Create dashboard' }).click();
      await page.getByRole('heading', { name: 'Dashboard Service quality' }).waitFor();
      const picker = page.getByLabel('Report', { exact: true });
      await picker.selectOption('complaint-types');
      await page.getByRole('button', { name: 'Add card' }).click();
      await picker.selectOption('csat-trend');
      await page.getByRole('button', { name: 'Add card' }).click();
      await page.getByTestId('dashboard-edit-card').nth(1).waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();

      // Opened as the manager reads it (a stray parameter from a chat link does not get in the way).
      await page.goto(server.url + '/dashboards/service-quality?utm_source=chat');
      const paretoOption = await cardOption(page, 'complaint-types');
      const csatOption = await cardOption(page, 'csat-trend');
      const bars = paretoOption.series.find((s) => s.type === 'bar')!;
      expect(bars.data.map(valueOf)).toEqual(paretoCounts);
      expect(paretoOption.xAxis.data).toEqual(PARETO.map(([shown]) => shown));
      const line = csatOption.series.find((s) => s.type === 'line')!;
      expect(line.data.map(valueOf)).toEqual(csatShares);
      expect(csatOption.xAxis.data).toHaveLength(CSAT.length);
      await expect
        .poll(() => paintedPixels(page, '[data-report="complaint-types"] .report-chart'))
        .toBeGreaterThan(2000);
      await expect
        .poll(() => paintedPixels(page, '[data-report="csat-trend"] .report-chart'))
        .toBeGreaterThan(2000);
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'dashboard-story');
      await context.close();
    },
  );
});
