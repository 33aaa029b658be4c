/**
 * The records list (`/forms/:key/records`) in headless Chromium, over the engine tour's app with four
 * tickets submitted a minute apart and moved to different stages (one cancelled — in nobody's inbox):
 * reached from the forms list, it shows them newest first with titles, stage labels and the agent's
 * name; the stage filter (a final stage included) and the text search narrow them; a title opens the
 * record, whose "All … records" link leads back; a small page size pages with "Load more"; at phone
 * width in Chinese it stacks without sideways scrolling; a user whose roles may not read the form is
 * told so.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { createUser } from '../../../runtime/auth/users';
import { sendRecordEvent } from '../../../runtime/records/send-record-event';
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

const PASSWORD = 'correct horse battery staple';
const RD_LEAD = { username: 'chen', password: PASSWORD };

/** Oldest first, each with the event that moves it after submission (none: it stays in "Accept"). */
const TICKETS = [
  { detail: 'Screen flickers after start-up', category: 'screen', event: 'CANCEL' },
  { detail: 'Battery drains overnight', category: 'battery', event: 'ACCEPT' },
  { detail: 'Fan noise when charging', category: 'noise', event: null },
  { detail: 'Keyboard keys stick', category: 'other', event: 'ACCEPT' },
];
const NEWEST_FIRST = TICKETS.map((t) => t.detail).reverse();

/** The shown rows' titles, once the list shows exactly `count` of them. */
async function rowTitles(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=record-row]').length === n,
    count,
  );
  return page.locator('[data-testid=record-row] td:first-child').allTextContents();
}

const stageLabels = (page: Page) => page.locator('[data-testid=record-row] .stage-badge').allTextContents();

describe('records list', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, tourApp(), null);
    // The only agent gets every new ticket; the R&D lead may read R&D tasks, not tickets.
    await createUser(server.runtime, {
      username: 'wang',
      password: PASSWORD,
      displayName: '王工',
      roles: ['agent'],
    });
    await createUser(server.runtime, { ...RD_LEAD, roles: ['rd-lead'] });
    for (const [n, ticket] of TICKETS.entries()) {
      server.clock.advanceMinutes(1);
      const id = await submitTicket(server.url, n, { detail: ticket.detail, category: ticket.category });
      if (ticket.event) await sendRecordEvent(server.runtime, id, { type: ticket.event }, { id: null });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'is reached from the forms list, lists newest first, filters by stage and text, and links to records',
    { timeout: 60_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en',
      });
      await page.goto(server.url + '/forms');
      await page.getByRole('link', { name: 'Records of After-sales ticket' }).click();
      await page.getByRole('heading', { name: 'After-sales ticket records' }).waitFor();
      expect(await rowTitles(page, 4)).toEqual(NEWEST_FIRST);
      expect(await stageLabels(page)).toEqual(['Diagnose', 'Accept', 'Diagnose', 'Cancelled']);
      const assignees = await page.locator('[data-testid=record-row] td:nth-child(3)').allTextContents();
      // The agent took every ticket in; "Diagnose" goes to an engineer, and there is none yet.
      expect(assignees).toEqual(['Unassigned', '王工', 'Unassigned', '王工']);
      await page.getByText('4 shown').waitFor();
      await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);

      // The cancelled ticket is in nobody's inbox; its final stage finds it.
      await page.getByLabel('Stage').selectOption({ label: 'Cancelled (final)' });
      expect(await rowTitles(page, 1)).toEqual(['Screen flickers after start-up']);
      await page.getByLabel('Stage').selectOption({ label: 'Diagnose' });
      expect(await rowTitles(page, 2)).toEqual(['Keyboard keys stick', 'Battery drains overnight']);
      await page.getByLabel('Stage').selectOption({ label: 'Closed (final)' });
      await page.getByText('No record matches these filters.').waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      expect(await rowTitles(page, 4)).toEqual(NEWEST_FIRST);

      // The search looks in the field the titles come from.
      await page.getByLabel('Search in Description').fill('BATTERY');
      expect(await rowTitles(page, 1)).toEqual(['Battery drains overnight']);
      await page.getByLabel('Search in Description').fill('');
      expect(await rowTitles(page, 4)).toEqual(NEWEST_FIRST);
      await screenshot(page, 'record-list-desktop');

      await page.getByRole('link', { name: 'Screen flickers after start-up' }).click();
      await page.getByRole('heading', { name: 'Screen flickers after start-up' }).waitFor();
      await expect(page.getByTestId('record-stage').textContent()).resolves.toBe('Cancelled (Closed)');
      await page.getByRole('link', { name: 'All After-sales ticket records' }).click();
      await page.getByRole('heading', { name: 'After-sales ticket records' }).waitFor();
      expect(await rowTitles(page, 4)).toEqual(NEWEST_FIRST);
      await context.close();
    },
  );

  it('pages with "Load more" under a small page size', { timeout: 60_000 }, async () => {
    const { context, page } = await openSignedIn(browser, server, {
      viewport: VIEWPORTS.desktop,
      locale: 'en',
    });
    await page.goto(server.url + '/forms/ticket/records?limit=2');
    expect(await rowTitles(page, 2)).toEqual(NEWEST_FIRST.slice(0, 2));
    await page.getByText('2 shown').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    expect(await rowTitles(page, 4)).toEqual(NEWEST_FIRST);
    // Four records in pages of two: the second page is the last.
    await page.getByText('4 shown').waitFor();
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);

    // A filtered list pages too.
    await page.getByLabel('Stage').selectOption({ label: 'Accept' });
    expect(await rowTitles(page, 1)).toEqual(['Fan noise when charging']);
    await context.close();
  });

  it('stacks at phone width in Chinese without sideways scrolling', { timeout: 60_000 }, async () => {
    const { context, page } = await openSignedIn(browser, server, {
      viewport: VIEWPORTS.phone,
      locale: 'zh-CN',
    });
    await page.goto(server.url + '/forms/ticket/records?limit=2');
    await page.getByRole('heading', { name: '售后工单记录' }).waitFor();
    expect(await rowTitles(page, 2)).toEqual(NEWEST_FIRST.slice(0, 2));
    await page.getByRole('button', { name: '加载更多' }).click();
    expect(await rowTitles(page, 4)).toEqual(NEWEST_FIRST);
    expect(await stageLabels(page)).toEqual(['诊断', '受理', '诊断', '已取消']);
    await page.getByText('已显示 4 条').waitFor();
    await page.getByLabel('阶段').selectOption({ label: '已取消（已结束）' });
    expect(await rowTitles(page, 1)).toEqual(['Screen flickers after start-up']);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await rowTitles(page, 2);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'record-list-phone');
    await context.close();
  });

  it('tells a user whose roles may not read the form', { timeout: 30_000 }, async () => {
    const { context, page } = await openSignedIn(
      browser,
      server,
      { viewport: VIEWPORTS.desktop, locale: 'en' },
      RD_LEAD,
    );
    await page.goto(server.url + '/forms/ticket/records');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your roles may not read the records of this form.' })
      .waitFor();
    await expect(page.locator('[data-testid=record-row]').count()).resolves.toBe(0);
    await context.close();
  });
});
