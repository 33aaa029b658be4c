/**
 * The report designer in headless Chromium, over the engine tour's app with six tickets submitted
 * through the API (3 screen, 2 battery, 1 noise): a designer creates a report, picks the ticket form,
 * drags "Category" onto the dimensions well, adds the Pareto KPI preset (the chart switches to the
 * engine's Pareto), and sees a drawn chart. The counts are checked three ways: the table of rows the
 * server computed in SQL, the ECharts option the server returned (kept by the page in the chart's
 * `data-option`, the very object handed to ECharts), and the tickets the test submitted. Painted
 * pixels on the canvas show the chart is not blank. A target line (≤ 2) adds the engine's markLine and
 * colours the bar that misses it; the report is published; CSV, SVG and PNG are downloaded; a filter
 * leaves out one category. Desk and
 * phone width (Chinese), where a field added by button shows the engine's issue in place; no sideways
 * scrolling, photographed.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISS_COLOR } from '../../../engine/charts/index';
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

const CATEGORIES = ['screen', 'battery', 'screen', 'noise', 'battery', 'screen'];
const EXPECTED = [
  ['screen', 3],
  ['battery', 2],
  ['noise', 1],
] as const;
/** How the English UI shows those categories: their option labels in the tour's ticket form. */
const SHOWN: Record<string, string> = { screen: 'Screen failure', battery: 'Battery', noise: 'Noise' };

interface Option {
  xAxis: { data: string[] };
  series: {
    type: string;
    data: (number | { value: number; itemStyle?: { color?: string } })[];
    markLine?: { data: { yAxis?: number }[] };
  }[];
}

async function chartOption(page: Page): Promise<Option> {
  await page.locator('.report-chart[data-drawn=true]').waitFor();
  return JSON.parse((await page.locator('.report-chart').getAttribute('data-option'))!) as Option;
}

const valueOf = (d: number | { value: number }) => (typeof d === 'number' ? d : d.value);

describe('report designer', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, tour, null);
    for (const [i, category] of CATEGORIES.entries()) {
      await submitTicket(server.url, i, { category });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'builds a Pareto of complaint categories by drag and drop, adds a target, publishes and exports',
    { timeout: 90_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en-US',
        acceptDownloads: true,
      });
      await page.goto(server.url + '/reports');
      // The tour's own report is listed.
      await page.getByRole('link', { name: 'Open report Category Pareto' }).waitFor();
      await page.getByLabel('Key').fill('complaint-pareto');
      await page.getByLabel('Title (English)').fill('Complaint types');
      await page.getByRole('button', { name: 'Create report' }).click();
      await page.getByRole('heading', { name: 'Report Complaint types' }).waitFor();

      await page.getByLabel('Form', { exact: true }).selectOption('ticket');
      await page.getByTestId('field-category').waitFor();
      await dragWithMouse(page, page.getByTestId('field-category'), page.getByTestId('well-dimensions'));
      await page.getByTestId('dimension').filter({ hasText: 'Category' }).waitFor();
      await page.getByLabel('KPI preset').selectOption('pareto');
      await page.getByRole('button', { name: 'Add KPI' }).click();
      expect(await page.getByLabel('Chart type').inputValue()).toBe('pareto');

      // The rows computed in SQL, in the table …
      const option = await chartOption(page);
      const rows = page.locator('.report-rows tbody tr');
      await rows.nth(2).waitFor();
      const table = await rows.evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('[data-output=category]')!.textContent,
          Number(tr.querySelector('[data-output=pareto]')!.textContent),
        ]),
      );
      expect(table).toEqual(EXPECTED.map(([c, n]) => [SHOWN[c], n]));
      // … and in the option the server built and the page handed to ECharts: bars largest first.
      const bars = option.series.find((s) => s.type === 'bar')!;
      expect(bars.data.map(valueOf)).toEqual(EXPECTED.map(([, n]) => n));
      expect(option.xAxis.data).toEqual(EXPECTED.map(([c]) => SHOWN[c]));
      expect(option.series.some((s) => s.type === 'line')).toBe(true); // the cumulative share
      await page.waitForFunction(() => !!document.querySelector('.report-chart canvas'));
      await expect.poll(() => paintedPixels(page, '.report-chart')).toBeGreaterThan(2000);
      await expectNoSidewaysScroll(page);

      // A target: at most 2 tickets of a type; the screen bar misses it.
      await page.getByRole('button', { name: 'Add target line' }).click();
      await page.getByLabel('Target value').fill('2');
      await page.getByLabel('Good side').selectOption('below');
      await expect.poll(async () => (await chartOption(page)).series[0]!.markLine?.data[0]?.yAxis).toBe(2);
      const targeted = (await chartOption(page)).series.find((s) => s.type === 'bar')!;
      expect(targeted.data.map((d) => (typeof d === 'object' ? d.itemStyle?.color : null))).toEqual([
        MISS_COLOR,
        null,
        null,
      ]);
      await screenshot(page, 'report-designer-desktop');

      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();

      const download = async (name: string) => {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole(name === 'Download PNG' ? 'button' : 'link', { name }).click(),
        ]);
        return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
      };
      const csv = await download('Download CSV');
      expect(csv.name).toBe('complaint-pareto.csv');
      const lines = csv.body
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toBe('Category,Count,Cumulative share');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual(
        EXPECTED.map(([c, n]) => [SHOWN[c], String(n)]),
      );
      const svg = await download('Download SVG');
      expect(svg.name).toBe('complaint-pareto.svg');
      expect(svg.body.toString('utf8')).toMatch(/<svg[\s\S]*<\/svg>/);
      const png = await download('Download PNG');
      expect(png.name).toBe('complaint-pareto.png');
      expect(png.body.subarray(1, 4).toString('ascii')).toBe('PNG');
      // A filter in the engine's shape (field, operator, value): leave out the noise complaints.
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByLabel('Filter field').selectOption('category');
      await page.getByLabel('Operator').selectOption('nin');
      await page.getByLabel('Value', { exact: true }).fill('noise');
      await page.waitForFunction(() => document.querySelectorAll('.report-rows tbody tr').length === 2);
      expect((await chartOption(page)).series.find((s) => s.type === 'bar')!.data.map(valueOf)).toEqual([
        3, 2,
      ]);
      await context.close();

      // At phone width in Chinese: the stored report reopens with its chart, nothing scrolls sideways.
      const { context: phone, page: small } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.phone,
        locale: 'zh-CN',
        hasTouch: true,
      });
      await small.goto(server.url + '/reports');
      await small.getByRole('link', { name: '打开报表 Complaint types' }).click();
      const reopened = await chartOption(small);
      expect(reopened.series[0]!.markLine?.data[0]?.yAxis).toBe(2);
      // Adding by button (no dragging on a phone): a second dimension breaks the Pareto, and the
      // engine's check in the browser says so under the measures; removing it brings the chart back.
      await small.getByRole('button', { name: '把 客户等级 加入维度' }).click();
      await small.getByTestId('issues-measures').waitFor();
      expect(await small.getByTestId('dimension').count()).toBe(2);
      await screenshot(small, 'report-designer-phone-issue');
      await small.getByRole('button', { name: '移除 客户等级' }).click();
      await chartOption(small);
      await expectNoSidewaysScroll(small);
      await screenshot(small, 'report-designer-phone');
      await phone.close();
    },
  );
});
