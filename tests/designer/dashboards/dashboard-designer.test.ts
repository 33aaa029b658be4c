/**
 * The dashboard designer in headless Chromium, over the engine tour's app plus a second published
 * report (tickets by customer tier) and a few tickets. A designer creates a dashboard from the list,
 * adds both reports as cards (they land side by side), drags one card below the other by its header
 * with the mouse, widens the other from its bottom-right corner, nudges a card with its keyboard
 * buttons, adds a date-range and a customer-tier filter (options, a field per report), sees the
 * engine's issue under a filter whose key is taken, sets the refresh interval, saves and publishes.
 * The stored definition, read back over the API, has the places and filters the user made; each card
 * shows its live chart. At phone width (Chinese) the cards stack, their buttons still work, and
 * nothing scrolls sideways.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDefinition, ReportDefinition } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { launchBrowser } from '../../helpers/browser';
import {
  screenshot,
  openSignedIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';
import { submitTicket, tourApp } from '../../helpers/tour-tickets';

const tour = tourApp();

const byTier: ReportDefinition = {
  key: 'tickets-by-tier',
  title: { 'zh-CN': '各等级工单', en: 'Tickets by tier' },
  source: { form: 'ticket' },
  dimensions: [{ field: 'tier' }],
  measures: [{ op: 'count', as: 'tickets' }],
  chart: { type: 'bar', x: 'tier', y: 'tickets' },
} as ReportDefinition;

const TICKETS: [category: string, tier: string][] = [
  ['screen', 'vip'],
  ['battery', 'standard'],
  ['screen', 'standard'],
  ['noise', 'key'],
];

/**
 * A mouse drag by an offset in small steps (react-grid-layout starts after 3 px of movement). The
 * pointer first hovers the handle the way a user's would: Playwright waits until the handle stands
 * still and is what the pointer hits there (a card that just moved may still be sliding into place,
 * and a busy machine may draw it late), and only then presses.
 */
async function dragBy(page: Page, handle: Locator, dx: number, dy: number): Promise<void> {
  const size = (await handle.boundingBox())!;
  const grip = { x: Math.min(size.width / 2, 40), y: size.height / 2 };
  await handle.hover({ position: grip });
  const box = (await handle.boundingBox())!;
  const x0 = box.x + grip.x;
  const y0 = box.y + grip.y;
  await page.mouse.down();
  await page.mouse.move(x0 + Math.sign(dx) * 6, y0 + Math.sign(dy) * 6, { steps: 3 });
  await page.mouse.move(x0 + dx, y0 + dy, { steps: 25 });
  await page.mouse.up();
}

const layoutOf = (card: Locator) => card.getAttribute('data-layout');

describe('dashboard designer', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, { ...tour, reports: [...(tour.reports ?? []), byTier] }, null);
    for (const [i, [category, tier]] of TICKETS.entries()) {
      await submitTicket(server.url, i, { category, tier });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'lays out two report cards by drag, resize and buttons, adds shared filters, saves and publishes',
    { timeout: 120_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en-US',
      });
      await page.goto(server.url + '/dashboards');
      await page.getByText('No dashboards yet.').waitFor();
      await page.getByLabel('Key').fill('service-overview');
      await page.getByLabel('Title (English)').fill('Service overview');
      await page.getByRole('button', { name: 'Create dashboard' }).click();
      await page.getByRole('heading', { name: 'Dashboard Service overview' }).waitFor();
      expect(page.url()).toBe(`${server.url}/dashboards/service-overview/edit`);

      // Both published reports as cards: the first free spots, side by side.
      const picker = page.getByLabel('Report', { exact: true });
      expect(await picker.locator('option').allTextContents()).toEqual([
        'Choose a published report…',
        'Category Pareto (category-pareto)',
        'Tickets by tier (tickets-by-tier)',
      ]);
      await picker.selectOption('category-pareto');
      await page.getByRole('button', { name: 'Add card' }).click();
      await picker.selectOption('tickets-by-tier');
      await page.getByRole('button', { name: 'Add card' }).click();
      const pareto = page
        .getByTestId('dashboard-edit-card')
        .and(page.locator('[data-report="category-pareto"]'));
      const tiers = page
        .getByTestId('dashboard-edit-card')
        .and(page.locator('[data-report="tickets-by-tier"]'));
      expect(await layoutOf(pareto)).toBe('0,0,6,4');
      expect(await layoutOf(tiers)).toBe('6,0,6,4');

      // Each card draws its report's chart from the server's preview of the unsaved dashboard.
      await pareto.locator('.report-chart[data-drawn="true"]').waitFor();
      await tiers.locator('.report-chart[data-drawn="true"]').waitFor();
      const tierOption = JSON.parse((await tiers.locator('.report-chart').getAttribute('data-option'))!) as {
        series: { data: (number | { value: number })[] }[];
      };
      const counts = tierOption.series[0]!.data.map((d) => (typeof d === 'number' ? d : d.value));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(TICKETS.length);

      // The grid at the top of the window, so every drag stays inside it.
      const grid = page.locator('.dashboard-edit-grid .react-grid-layout');
      await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const gridBox = (await grid.boundingBox())!;
      const column = (gridBox.width + 10) / 12; // 12 columns and 11 gaps of 10 px
      const row = 60 + 10;

      // Drag "Tickets by tier" by its header to the left edge, below the Pareto (column 1, row 5).
      await dragBy(page, page.getByTitle('Drag Tickets by tier'), -6 * column, 4 * row);
      await expect.poll(() => layoutOf(tiers)).toBe('0,4,6,4');
      // Widen the Pareto by three columns from its bottom-right corner.
      const corner = page
        .locator('.react-grid-item', { has: page.getByTitle('Drag Category Pareto') })
        .locator('.react-resizable-handle-se');
      await dragBy(page, corner, 3 * column, 0);
      await expect.poll(() => layoutOf(pareto)).toBe('0,0,9,4');
      // The keyboard way: one column right and one row taller.
      await page.getByRole('button', { name: 'Move Tickets by tier right' }).click();
      await page.getByRole('button', { name: 'Make Tickets by tier taller' }).click();
      expect(await layoutOf(tiers)).toBe('1,4,6,5');
      await expect
        .poll(async () => (await tiers.locator('.report-chart').boundingBox())?.height ?? 0)
        .toBeGreaterThan(200);

      // Shared filters: a date range on `createdAt` (updatedAt for the tier report) and customer tier.
      await page.getByLabel('Filter to add').selectOption('dateRange');
      await page.getByRole('button', { name: 'Add filter' }).click();
      const date = page.getByRole('group', { name: 'Filter Date range' });
      expect(await date.getByLabel('Field', { exact: true }).inputValue()).toBe('createdAt');
      await date.getByLabel('Field of Tickets by tier').fill('updatedAt');
      await page.getByLabel('Filter to add').selectOption('customerTier');
      await page.getByRole('button', { name: 'Add filter' }).click();
      const tier = page.getByRole('group', { name: 'Filter Customer tier' });
      await tier.getByLabel('Label (Chinese)').fill('客户等级');
      await tier.getByLabel('Field', { exact: true }).fill('tier');
      await tier.getByLabel('Options').fill('vip\nkey\nstandard');
      // A custom filter whose key is taken: the engine says so inside that filter; then it goes.
      await page.getByLabel('Filter to add').selectOption('custom');
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByRole('group', { name: 'Filter filter' }).getByLabel('Filter key').fill('dateRange');
      await page
        .getByTestId('issues-filter-2')
        .filter({ hasText: 'The filter key "dateRange" is used twice' })
        .waitFor();
      await page.getByRole('button', { name: 'Remove filter dateRange' }).click();
      await page.getByTestId('issues-filter-2').waitFor({ state: 'detached' });
      // Refresh: a custom interval under 30 s is flagged in place; then every 5 minutes.
      await page.getByLabel('Refresh the viewer').selectOption({ label: 'Every … seconds' });
      await page.getByLabel('Seconds (30 to 86400)').fill('10');
      await page
        .getByTestId('issues-refresh')
        .filter({ hasText: 'Auto-refresh: enter a whole number of seconds from 30 to 86400.' })
        .waitFor();
      await page.getByLabel('Refresh the viewer').selectOption({ label: 'Every 5 minutes' });
      await page.getByTestId('issues-refresh').waitFor({ state: 'detached' });
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'dashboard-designer-desktop');

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('status').filter({ hasText: 'Published version 1.' }).waitFor();
      expect(await page.getByRole('link', { name: 'View' }).getAttribute('href')).toBe(
        '/dashboards/service-overview',
      );

      // What was published: the places the user dragged, resized and nudged, and the filters.
      const res = await page.request.get(`${server.url}/api/dashboards/service-overview?version=1`);
      expect(res.status()).toBe(200);
      const body = ((await res.json()) as { body: DashboardDefinition }).body;
      expect(body).toEqual({
        key: 'service-overview',
        version: 1,
        title: { en: 'Service overview' },
        cards: [
          { report: 'category-pareto', x: 0, y: 0, w: 9, h: 4 },
          { report: 'tickets-by-tier', x: 1, y: 4, w: 6, h: 5 },
        ],
        filters: [
          {
            key: 'dateRange',
            kind: 'dateRange',
            label: { 'zh-CN': '日期范围', en: 'Date range' },
            field: 'createdAt',
            fields: { 'tickets-by-tier': 'updatedAt' },
          },
          {
            key: 'customerTier',
            kind: 'select',
            label: { 'zh-CN': '客户等级', en: 'Customer tier' },
            field: 'tier',
            options: ['vip', 'key', 'standard'],
          },
        ],
        refreshSeconds: 300,
      });

      // The list: the name opens the viewer, "Edit" the designer.
      await page.goto(server.url + '/dashboards');
      const open = page.getByRole('link', { name: 'Open dashboard Service overview' });
      expect(await open.getAttribute('href')).toBe('/dashboards/service-overview');
      expect(
        await page.getByRole('link', { name: 'Edit dashboard Service overview' }).getAttribute('href'),
      ).toBe('/dashboards/service-overview/edit');
      await page
        .getByRole('row', { name: /Service overview/ })
        .getByText('v1')
        .waitFor();
      await context.close();

      // At phone width in Chinese: the stored dashboard reopens with its cards stacked in reading
      // order; a card's buttons move it on the 12-column grid; nothing scrolls sideways.
      const { context: phone, page: small } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.phone,
        locale: 'zh-CN',
        hasTouch: true,
      });
      await small.goto(server.url + '/dashboards');
      await small.getByRole('link', { name: '编辑仪表盘 Service overview' }).click();
      await small.getByRole('heading', { name: '仪表盘 Service overview' }).waitFor();
      await small.getByText('窄屏上卡片按阅读顺序堆叠', { exact: false }).waitFor();
      const stacked = small.getByTestId('dashboard-edit-card');
      expect(await stacked.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-report')))).toEqual([
        'category-pareto',
        'tickets-by-tier',
      ]);
      await small.getByRole('button', { name: '把 各等级工单 左移' }).click();
      expect(await layoutOf(stacked.nth(1))).toBe('0,4,6,5');
      await small.locator('[data-report="tickets-by-tier"] .report-chart[data-drawn="true"]').waitFor();
      await expectNoSidewaysScroll(small);
      await screenshot(small, 'dashboard-designer-phone');
      await phone.close();
    },
  );

  it('keeps each card’s frame, naming its report, when the preview cannot be drawn', async () => {
    // Uses the dashboard the test above stored.
    const { context, page } = await openSignedIn(browser, server, {
      viewport: VIEWPORTS.desktop,
      locale: 'en-US',
    });
    await page.route('**/api/dashboards/query', (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
    );
    await page.goto(server.url + '/dashboards/service-overview/edit');
    for (const report of ['category-pareto', 'tickets-by-tier']) {
      const card = page.getByTestId('dashboard-edit-card').and(page.locator(`[data-report="${report}"]`));
      await card.getByText(`Report ${report}`).waitFor();
      await card.getByText('No preview: this server does not draw dashboard previews yet (404).').waitFor();
    }
    expect(await page.locator('.report-chart').count()).toBe(0);
    // The rest of the designer works: a button still moves the card.
    await page.getByRole('button', { name: 'Move Tickets by tier down' }).click();
    expect(await page.getByTestId('dashboard-edit-card').nth(1).getAttribute('data-layout')).toBe('1,5,6,5');
    await screenshot(page, 'dashboard-designer-no-preview');
    await context.close();
  });
});
