/**
 * The dashboard viewer in headless Chromium, over a complaint form with six complaints filed through
 * the API on three days (screen 3, battery 2, noise 1; X100 has screen 2 + battery 1), a published
 * Pareto of categories, a published line of complaints per day, and a published dashboard of both with
 * a period (date range) and a model (select) filter, refreshing every 30 s.
 *
 * Checked: both charts drawn with the counts filed (the `data-option` ECharts was given); the model
 * filter narrows both charts, sits in the address and survives a reload; a click on the Pareto's screen
 * bar lists exactly the X100 screen complaints, whose link opens the record; a complaint filed meanwhile
 * shows after the refresh interval (Playwright's clock) without a reload; a read-only link made in the
 * Share dialog opens the dashboard for a browser without a session, with no drill-through, edit or
 * share, and says so plainly once revoked. At phone width (Chinese) nothing scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../runtime/auth/users';
import { launchBrowser, PAGE_WAIT_MS } from '../../helpers/browser';
import {
  ADMIN,
  screenshot,
  openSignedIn,
  signIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const DAY = 24 * 60 * 60 * 1000;

const FORM = {
  key: 'complaint',
  title: label('Complaint', '投诉'),
  fields: [
    {
      key: 'category',
      type: 'select',
      label: label('Category', '类别'),
      options: [
        { value: 'screen', label: label('Screen', '屏幕') },
        { value: 'battery', label: label('Battery', '电池') },
        { value: 'noise', label: label('Noise', '噪音') },
      ],
    },
    { key: 'model', type: 'text', label: label('Model', '型号') },
    { key: 'detail', type: 'text', label: label('Detail', '描述') },
  ],
};
const PARETO = {
  key: 'complaint-pareto',
  title: label('Complaint categories', '投诉类别'),
  source: { form: 'complaint' },
  dimensions: [{ field: 'category' }],
  measures: [{ kpi: 'pareto', as: 'complaints' }],
  chart: { type: 'pareto', x: 'category', y: 'complaints', cumulative: 'complaints_cumulative_share' },
};
const DAILY = {
  key: 'complaints-daily',
  title: label('Complaints per day', '每日投诉'),
  source: { form: 'complaint' },
  dimensions: [{ field: 'createdAt', grain: 'day', as: 'day' }],
  measures: [{ op: 'count', as: 'complaints' }],
  sort: [{ by: 'day' }],
  chart: { type: 'line', x: 'day', y: 'complaints' },
};
const REFRESH_SECONDS = 30;
const AGENT = { username: 'agent-li', password: ADMIN.password };
const DASHBOARD = {
  key: 'service',
  title: label('Service dashboard', '服务看板'),
  refreshSeconds: REFRESH_SECONDS,
  filters: [
    { key: 'period', kind: 'dateRange', label: label('Period', '期间'), field: 'createdAt' },
    { key: 'model', kind: 'select', label: label('Model', '型号'), field: 'model' },
  ],
  cards: [
    { report: 'complaint-pareto', x: 0, y: 0, w: 6, h: 4 },
    { report: 'complaints-daily', x: 6, y: 0, w: 6, h: 4 },
    // Saved as a draft only: the card says why it shows nothing, the others run.
    { report: 'complaints-by-model', x: 0, y: 4, w: 12, h: 2, title: label('By model', '按型号') },
  ],
};
const DRAFT_ONLY = {
  key: 'complaints-by-model',
  title: label('Complaints by model', '按型号投诉'),
  source: { form: 'complaint' },
  dimensions: [{ field: 'model' }],
  measures: [{ op: 'count', as: 'complaints' }],
  chart: { type: 'bar', x: 'model', y: 'complaints' },
};
/** category, model, days before today: 3 complaints two days ago, 1 yesterday, 2 today. */
const COMPLAINTS: [string, string, number][] = [
  ['screen', 'X100', 2],
  ['battery', 'X100', 2],
  ['screen', 'X200', 2],
  ['noise', 'X200', 1],
  ['screen', 'X100', 0],
  ['battery', 'X200', 0],
];

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Signs in over the API; calls carry the session cookie and the CSRF token. */
async function apiAs(url: string): Promise<Call> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('closedloop_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

interface Option {
  xAxis: { data: string[] } | { data: string[] }[];
  series: { type: string; data: (number | { value: number })[] }[];
}
const valueOf = (d: number | { value: number }) => (typeof d === 'number' ? d : d.value);

const chart = (page: Page, title: string) =>
  page.getByRole('region', { name: title }).locator('.report-chart[data-drawn="true"]');

async function optionOf(page: Page, title: string): Promise<Option> {
  await chart(page, title).waitFor();
  return JSON.parse((await chart(page, title).getAttribute('data-option'))!) as Option;
}
/** The values of the first series of `type` in the card's chart. */
const seriesValues = async (page: Page, title: string, type: string) =>
  (await optionOf(page, title)).series.find((s) => s.type === type)!.data.map(valueOf);
const categories = async (page: Page, title: string) => {
  const axis = (await optionOf(page, title)).xAxis;
  return (Array.isArray(axis) ? axis[0]! : axis).data;
};

/**
 * Where the bars of a card's chart are on screen: from the canvas's pixels, the lowest row crossed by
 * `count` runs of one colour (the bars, standing on the axis), each run's centre a few pixels up.
 */
async function barPositions(page: Page, title: string, count: number): Promise<{ x: number; y: number }[]> {
  await chart(page, title).locator('canvas').waitFor();
  const positions = await chart(page, title)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement, want: number) => {
      const { width, height } = canvas;
      const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
      const colourAt = (x: number, y: number) => {
        const i = (y * width + x) * 4;
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        return a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60 ? `${r >> 4},${g >> 4},${b >> 4}` : null;
      };
      const scale = canvas.getBoundingClientRect().width / width;
      const box = canvas.getBoundingClientRect();
      for (let y = height - 1; y >= 0; y--) {
        const runs = new Map<string, [number, number][]>();
        let start = -1;
        let colour: string | null = null;
        for (let x = 0; x <= width; x++) {
          const c = x < width ? colourAt(x, y) : null;
          if (c !== colour) {
            if (colour !== null && x - start >= 6)
              runs.set(colour, [...(runs.get(colour) ?? []), [start, x]]);
            colour = c;
            start = x;
          }
        }
        for (const found of runs.values()) {
          if (found.length === want)
            return found.map(([a, b]) => ({
              x: box.left + ((a + b) / 2) * scale,
              y: box.top + (y - 6) * scale,
            }));
        }
      }
      return null;
    }, count);
  if (!positions) throw new Error(`no ${count} bars found in ${title}`);
  return positions;
}

describe('dashboard viewer', () => {
  let server: DesignerServer;
  let browser: Browser;
  let call: Call;
  const ids: string[] = [];

  async function file(category: string, model: string, daysAgo: number, now: number): Promise<string> {
    server.clock.set(new Date(now - daysAgo * DAY));
    const res = await call('POST', '/api/forms/complaint/records', {
      data: { category, model, detail: `${category} problem on ${model} #${ids.length}` },
    });
    expect(res.status).toBe(201);
    server.clock.set(new Date(now));
    ids.push(res.body.id as string);
    return res.body.id as string;
  }

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    call = await apiAs(server.url);
    const publish = async (path: string, body: { key: string }) => {
      expect((await call('POST', path, body)).status).toBe(201);
      expect((await call('POST', `${path}/${body.key}/publish`)).status).toBe(200);
    };
    await publish('/api/forms', FORM);
    await publish('/api/reports', PARETO);
    await publish('/api/reports', DAILY);
    const draft = await call('POST', '/api/reports', DRAFT_ONLY);
    expect(draft.status).toBe(201);
    await publish('/api/dashboards', DASHBOARD);
    const now = server.clock.now().getTime();
    for (const [category, model, daysAgo] of COMPLAINTS) await file(category, model, daysAgo, now);
    await createUser(server.runtime, {
      username: AGENT.username,
      password: AGENT.password,
      roles: ['agent'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'shows the charts, filters them from the address, drills into the records, refreshes and shares read-only',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_WAIT_MS);
      await page.clock.install();
      await signIn(page, server.url);
      await page.goto(`${server.url}/dashboards/service`);
      await page.getByRole('heading', { name: 'Service dashboard' }).waitFor();

      // Both charts drawn, with the counts filed: largest category first, one point per day.
      await chart(page, 'Complaint categories').waitFor();
      await chart(page, 'Complaints per day').waitFor();
      expect(await categories(page, 'Complaint categories')).toEqual(['Screen', 'Battery', 'Noise']);
      expect(await seriesValues(page, 'Complaint categories', 'bar')).toEqual([3, 2, 1]);
      expect(await seriesValues(page, 'Complaints per day', 'line')).toEqual([3, 1, 2]);
      // The card whose report is only a draft says why it is empty.
      await page
        .getByRole('region', { name: 'By model' })
        .getByRole('alert')
        .filter({ hasText: 'The report “complaints-by-model” is not published' })
        .waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^Updated \d\d:\d\d:\d\d$/ })
        .waitFor();
      expect(await page.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(
        '/dashboards/service/edit',
      );

      // The model filter: the choices are the models found; X100 narrows both charts.
      const model = page.getByLabel('Model', { exact: true });
      expect(await model.locator('option').allTextContents()).toEqual(['X100', 'X200']);
      await model.selectOption(['X100']);
      await expect.poll(() => seriesValues(page, 'Complaint categories', 'bar')).toEqual([2, 1]);
      expect(await seriesValues(page, 'Complaints per day', 'line')).toEqual([2, 1]);
      expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['X100']);
      // The filtered view is an address: it survives a reload.
      await page.reload();
      await page.getByRole('heading', { name: 'Service dashboard' }).waitFor();
      expect(await seriesValues(page, 'Complaint categories', 'bar')).toEqual([2, 1]);
      expect(
        await page
          .getByLabel('Model', { exact: true })
          .evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value)),
      ).toEqual(['X100']);
      await screenshot(page, 'dashboard-viewer-desktop');

      // A click on the screen bar lists the X100 screen complaints, newest first.
      const [screenBar] = await barPositions(page, 'Complaint categories', 2);
      await page.mouse.click(screenBar!.x, screenBar!.y);
      const drill = page.getByRole('dialog', { name: 'Records behind Screen' });
      await drill.getByRole('status').filter({ hasText: '2 records.' }).waitFor();
      expect(
        await drill.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record'))),
      ).toEqual([ids[4], ids[0]]);
      const newest = drill.locator('tbody tr').first();
      await newest.getByRole('link', { name: ids[4]! }).waitFor();
      expect(await newest.locator('td').allTextContents()).toEqual(
        expect.arrayContaining([`${ids[4]!.slice(0, 8)}…screen problem on X100 #4`, 'Screen']),
      );
      await screenshot(page, 'dashboard-viewer-drill');
      await page.keyboard.press('Escape');
      await drill.waitFor({ state: 'detached' });
      await page.mouse.click(screenBar!.x, screenBar!.y);
      await drill.getByRole('link', { name: ids[0]! }).click();
      await page.getByRole('heading', { name: 'screen problem on X100 #0' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/records/${ids[0]}`);
      await page.goBack();
      await chart(page, 'Complaint categories').waitFor();
      expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['X100']);

      // A complaint filed meanwhile shows after the refresh interval, without reloading the page.
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
      await file('screen', 'X100', 0, server.clock.now().getTime());
      await page.clock.fastForward(REFRESH_SECONDS * 1000);
      await expect.poll(() => seriesValues(page, 'Complaint categories', 'bar')).toEqual([3, 1]);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
      // Switched off, it stays put.
      await page.getByLabel(`Auto-refresh every ${REFRESH_SECONDS} s`).uncheck();
      await file('noise', 'X100', 0, server.clock.now().getTime());
      await page.clock.fastForward(REFRESH_SECONDS * 1000);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => seriesValues(page, 'Complaint categories', 'bar')).toEqual([3, 1, 1]);

      // A read-only link, shown once at creation.
      await page.getByRole('button', { name: 'Share' }).click();
      const share = page.getByRole('dialog', { name: 'Read-only links' });
      await share.getByText('No links yet.').waitFor();
      await share.getByRole('button', { name: 'Create link' }).click();
      const address = await share.getByLabel('New link').inputValue();
      expect(address).toMatch(new RegExp(`^${server.url}/d/[^/?#]+$`));
      await share.getByRole('button', { name: /^Revoke the link created / }).waitFor();
      await screenshot(page, 'dashboard-viewer-share');

      const stranger = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
      const outside = await stranger.newPage();
      outside.setDefaultTimeout(PAGE_WAIT_MS);
      await outside.goto(`${address}?model=X100`);
      await outside.getByRole('heading', { name: 'Service dashboard' }).waitFor();
      await outside.getByText('Read-only view').waitFor();
      expect(await seriesValues(outside, 'Complaint categories', 'bar')).toEqual([3, 1, 1]);
      await chart(outside, 'Complaints per day').waitFor();
      expect(await outside.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await outside.getByRole('button', { name: 'Share' }).count()).toBe(0);
      // No records behind the points: a click on a bar opens nothing.
      const [outsideBar] = await barPositions(outside, 'Complaint categories', 3);
      await outside.mouse.click(outsideBar!.x, outsideBar!.y);
      await outside.getByRole('button', { name: 'Refresh' }).click();
      await outside
        .getByRole('status')
        .filter({ hasText: /^Updated / })
        .waitFor();
      expect(await outside.getByRole('dialog').count()).toBe(0);
      await screenshot(outside, 'dashboard-shared-desktop');

      // Revoked: the link says so plainly.
      await share.getByRole('button', { name: /^Revoke the link created / }).click();
      await share.getByText('The link was revoked: it no longer opens the dashboard.').waitFor();
      await share.getByText('No links yet.').waitFor();
      await outside.reload();
      await outside
        .getByRole('alert')
        .filter({ hasText: 'This link does not exist or has been revoked.' })
        .waitFor();
      expect(await outside.locator('.report-chart').count()).toBe(0);
      await stranger.close();
      await context.close();
    },
  );

  it(
    'fits a phone in Chinese, with the records behind a point in a full-width panel',
    { timeout: 60_000 },
    async () => {
      const { context: phone, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.phone,
        locale: 'zh-CN',
        hasTouch: true,
      });
      await page.goto(`${server.url}/dashboards/service?model=X200`);
      await page.getByRole('heading', { name: '服务看板' }).waitFor();
      expect(await seriesValues(page, '投诉类别', 'bar')).toEqual([1, 1, 1]);
      await chart(page, '每日投诉').waitFor();
      await page
        .getByRole('region', { name: '按型号' })
        .getByRole('alert')
        .filter({ hasText: '报表“complaints-by-model”尚未发布' })
        .waitFor();
      await page.getByRole('button', { name: '本月' }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'dashboard-viewer-phone');

      await chart(page, '投诉类别').scrollIntoViewIfNeeded();
      const [first] = await barPositions(page, '投诉类别', 3);
      await page.mouse.click(first!.x, first!.y);
      const drill = page.getByRole('dialog', { name: /背后的记录$/ });
      await drill.getByRole('status').filter({ hasText: '共 1 条记录。' }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'dashboard-viewer-phone-drill');
      await drill.getByRole('button', { name: '关闭' }).click();
      await phone.close();
    },
  );

  it('offers Edit and Share only to those who author, and drills into what the reader may read', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await signIn(page, server.url, AGENT);
    await page.goto(`${server.url}/dashboards/service`);
    await page.getByRole('heading', { name: 'Service dashboard' }).waitFor();
    await chart(page, 'Complaints per day').waitFor();
    const bars = await seriesValues(page, 'Complaint categories', 'bar');
    expect(await page.getByRole('button', { name: 'Refresh' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Share' }).count()).toBe(0);
    // An agent reads only their own records: none of these complaints is theirs.
    const [first] = await barPositions(page, 'Complaint categories', bars.length);
    await page.mouse.click(first!.x, first!.y);
    const drill = page.getByRole('dialog', { name: /^Records behind / });
    await drill.getByRole('status').filter({ hasText: 'No records are behind this point.' }).waitFor();
    await drill.getByRole('button', { name: 'Close' }).click();
    await drill.waitFor({ state: 'detached' });
    await context.close();
  });
});
