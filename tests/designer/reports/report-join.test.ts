/**
 * The report designer's related form in headless Chromium: tickets with their satisfaction surveys
 * (`ticket.id = survey.ticket`, kept when unanswered). A manager picks the ticket form, relates the
 * survey form on the ticket id, groups by category and adds CSAT over the survey's rating. The CSAT per
 * category in the table (computed in SQL over the join) and in the chart's ECharts option are the shares
 * counted by hand from the surveys: a ticket with two answers counts both, a ticket without any none.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { launchBrowser } from '../../helpers/browser';
import {
  screenshot,
  openSignedIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { submitRecord, submitTicket, tourApp } from '../../helpers/tour-tickets';

const tour = tourApp();

const survey = {
  key: 'survey',
  title: { en: 'Satisfaction survey', 'zh-CN': '满意度回访' },
  fields: [
    { key: 'ticket', type: 'text', label: { en: 'Ticket', 'zh-CN': '工单' } },
    { key: 'rating', type: 'rating', label: { en: 'Rating', 'zh-CN': '评分' } },
  ],
} as unknown as FormDefinition;

/** Tickets by category, each with the ratings of its surveys. */
const TICKETS: [category: string, ratings: number[]][] = [
  ['screen', [5, 2]],
  ['screen', [4]],
  ['screen', []],
  ['battery', [1]],
  ['battery', [5]],
];
/** Share of 4–5 ratings per category, by hand: screen 2 of 3, battery 1 of 2. */
const EXPECTED = [
  ['Screen failure', 66.7],
  ['Battery', 50],
] as const;

describe('report designer with a related form', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, { ...tour, forms: [...(tour.forms ?? []), survey] }, null);
    for (const [i, [category, ratings]] of TICKETS.entries()) {
      const id = await submitTicket(server.url, i, { category });
      for (const rating of ratings) await submitRecord(server.url, 'survey', { ticket: id, rating });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'relates the surveys to the tickets and shows CSAT per category from the join',
    { timeout: 60_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en-US',
      });
      await page.goto(server.url + '/reports');
      await page.getByLabel('Key').fill('csat-by-category');
      await page.getByLabel('Title (English)').fill('CSAT by category');
      await page.getByRole('button', { name: 'Create report' }).click();
      await page.getByRole('heading', { name: 'Report CSAT by category' }).waitFor();

      await page.getByLabel('Form', { exact: true }).selectOption('ticket');
      await page.getByLabel('Related form').selectOption('survey');
      await page.getByLabel('Field of the form').selectOption('id');
      await page.getByLabel('equals field of the related form').selectOption('ticket');
      await page.getByRole('button', { name: 'Add Category to dimensions' }).click();
      await page.getByLabel('KPI preset').selectOption('csat');
      await page.getByRole('button', { name: 'Add KPI' }).click();
      await page.getByLabel('Field of CSAT').selectOption('survey.rating');
      await page.getByLabel('Chart type').selectOption('bar');

      const rows = page.locator('.report-rows tbody tr');
      await page.waitForFunction(() => document.querySelectorAll('.report-rows tbody tr').length === 2);
      const table = await rows.evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('[data-output=category]')!.textContent,
          Number.parseFloat(tr.querySelector('[data-output=csat]')!.textContent!),
        ]),
      );
      expect([...table].sort()).toEqual([...EXPECTED].map(([c, v]) => [c, v]).sort());

      await page.locator('.report-chart[data-drawn=true]').waitFor();
      const option = JSON.parse((await page.locator('.report-chart').getAttribute('data-option'))!) as {
        xAxis: { data: string[] };
        series: { type: string; data: (number | { value: number })[] }[];
      };
      const bars = option.series.find((s) => s.type === 'bar')!;
      const byCategory = Object.fromEntries(
        option.xAxis.data.map((c, i) => {
          const d = bars.data[i]!;
          return [c, typeof d === 'number' ? d : d.value];
        }),
      );
      expect(byCategory).toEqual(Object.fromEntries(EXPECTED));
      await screenshot(page, 'report-designer-join');
      await context.close();
    },
  );
});
