/**
 * The agent's inbox and record page in headless Chromium, over the engine tour's app with tickets
 * submitted through the API: the agent (who also diagnoses) sees the tickets with ticking SLA
 * countdowns, filters them by priority and by text, opens one, accepts it, is refused the diagnosis
 * with a message naming the missing severity, fills it in and moves on to planning, adds a note — and
 * after the server's clock passes the next SLA warning (timers swept) the timeline shows the stage
 * changes, the note and the warning. A manager assigns two tickets at once from the team queue. Both
 * pages at desk width (English) and phone width (Chinese), without sideways scrolling, photographed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBundle } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { createUser } from '../../../runtime/auth/users';
import { updateRecord } from '../../../runtime/records/record-service';
import { sweepDueTimers } from '../../../runtime/timers/timer-sweeper';
import { launchBrowser, PAGE_WAIT_MS } from '../../helpers/browser';
import {
  screenshot,
  signIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';

const tour = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;

const PASSWORD = 'correct horse battery staple';
const AGENT = { username: 'wang', password: PASSWORD };
const MANAGER = { username: 'li', password: PASSWORD };

const TICKETS = [
  {
    customer: 'ACME East',
    priority: 'high',
    category: 'screen',
    detail: 'Screen flickers ten minutes after start-up',
  },
  { customer: 'Beta Labs', priority: 'normal', category: 'battery', detail: 'Battery drains overnight' },
  { customer: 'Gamma Co', priority: 'low', category: 'noise', detail: 'Fan noise when charging' },
];

/** Waits until the inbox lists exactly one task, the one mentioning `text`. */
async function onlyTask(page: Page, text: string): Promise<void> {
  await page.waitForFunction((wanted) => {
    const tasks = [...document.querySelectorAll('[data-testid=task]')];
    return tasks.length === 1 && (tasks[0]!.textContent ?? '').includes(wanted);
  }, text);
}

describe('inbox and record page', () => {
  let server: DesignerServer;
  let browser: Browser;
  const ids: string[] = [];
  let zhangId: string;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, tour, null);
    // The only agent gets every new ticket (round-robin over one); as an engineer too, they diagnose.
    await createUser(server.runtime, { ...AGENT, displayName: '王工', roles: ['agent', 'engineer'] });
    await createUser(server.runtime, { ...MANAGER, displayName: 'Li Manager', roles: ['manager'] });
    for (const ticket of TICKETS) {
      const res = await fetch(`${server.url}/api/forms/ticket/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { ...ticket, tier: 'standard', channel: 'web', model: 'X200' } }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // A colleague who joins after the tickets came in: the manager hands two of them over.
    zhangId = (await createUser(server.runtime, { username: 'zhang', password: PASSWORD, roles: ['agent'] }))
      .id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'lets the agent filter the inbox, move a ticket through two stages, add a note and see the timeline',
    { timeout: 90_000 },
    async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en' });
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_WAIT_MS);
      await signIn(page, server.url, AGENT);
      await page.goto(server.url + '/inbox');
      const tasks = page.getByTestId('task');
      await tasks.nth(2).waitFor();
      expect(await tasks.count()).toBe(3);
      // Every ticket counts down, and the countdown ticks.
      const timers = page.getByRole('timer');
      expect(await timers.count()).toBe(3);
      const first = await timers.first().textContent();
      expect(first).toMatch(/left$/);
      await page.waitForFunction(
        (before) => document.querySelector('[role=timer]')?.textContent !== before,
        first,
        { timeout: 5000 },
      );
      expect(await page.locator('.sla-countdown.sla-on-time').count()).toBe(3);

      await page.getByLabel('Priority').selectOption('high');
      await onlyTask(page, 'ACME East');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=task]').length === 3);
      await page.getByLabel('Search').fill('fan noise');
      await onlyTask(page, 'Gamma Co');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=task]').length === 3);
      await screenshot(page, 'inbox-desktop');

      await page.getByRole('link', { name: 'Screen flickers ten minutes after start-up' }).click();
      await page.getByRole('heading', { name: 'Screen flickers ten minutes after start-up' }).waitFor();
      await page.getByRole('heading', { name: 'Actions' }).waitFor();
      const stage = page.getByTestId('record-stage');
      await expect(stage.textContent()).resolves.toBe('Accept');

      // Accept: the category came with the ticket.
      await page.getByRole('button', { name: /^ACCEPT/ }).click();
      await page.getByText('Done: the record is now in “Diagnose”.').waitFor();
      await expect(stage.textContent()).resolves.toBe('Diagnose');

      // Diagnosed without a severity: refused, naming the field; filled in, accepted.
      await page.getByRole('button', { name: /^DIAGNOSED/ }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toBe('Cannot leave this stage yet — required: Severity.');
      await expect(stage.textContent()).resolves.toBe('Diagnose');
      await page.getByLabel('Severity').selectOption('s2');
      await page.getByRole('button', { name: 'Fill in and DIAGNOSED' }).click();
      await page.getByText('Done: the record is now in “Plan”.').waitFor();
      await expect(stage.textContent()).resolves.toBe('Plan');
      await expect(page.locator('.data-row', { hasText: 'Severity' }).textContent()).resolves.toContain(
        'Major',
      );

      await page.getByLabel('Note').fill('Called the customer: flicker only when the room is cold.');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('Note added.').waitFor();

      // Editing under If-Match: someone else changes the record first, so the save is refused, the
      // agent is told and sees the record reloaded; the second save goes through.
      const solution = 'Replace the display cable';
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Solution').fill(solution);
      const { revision } = (await server.db.knex('records').where({ id: ids[0] }).first('revision')) as {
        revision: number;
      };
      await updateRecord(
        server.runtime,
        ids[0]!,
        Number(revision),
        { data: { complexity: 'low' } },
        { id: null },
      );
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Someone changed this record while you were editing' })
        .waitFor();
      await expect(page.locator('.data-row', { hasText: 'Complexity' }).textContent()).resolves.toContain(
        'Low',
      );
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Solution').fill(solution);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Saved.').waitFor();
      await expect(page.locator('.data-row', { hasText: 'Solution' }).textContent()).resolves.toContain(
        solution,
      );

      // The server's clock passes the ticket's next SLA warning; the sweeper records it.
      const next = (await server.db
        .knex('timers')
        .where({ record_id: ids[0], kind: 'sla.warning' })
        .orderBy('due_at')
        .first('due_at')) as { due_at: number | string };
      server.clock.set(new Date(Number(next.due_at) + 1000));
      expect((await sweepDueTimers(server.runtime)).fired).toBeGreaterThan(0);
      // Days later by the server's clock: the session has ended, so the agent signs in again.
      const recordUrl = page.url();
      await signIn(page, server.url, AGENT);
      await page.goto(recordUrl);
      const timeline = page.locator('.timeline');
      await timeline
        .getByText(/^SLA warning: “/)
        .first()
        .waitFor();
      // Stage names come from the pinned flow and field labels from the pinned form, both loaded
      // after the record: each line is awaited until it reads as a person would see it.
      for (const line of [
        'Entered the stage “Diagnose”',
        'Entered the stage “Plan”',
        '王工 did “DIAGNOSED” and filled in Severity: Diagnose → Plan',
        '王工 added a note',
        '王工 changed Solution',
        'Called the customer: flicker only when the room is cold.',
        'The customer submitted the record',
      ]) {
        await expect.poll(async () => (await timeline.textContent()) ?? '').toContain(line);
      }
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'record-desktop');
      await context.close();
    },
  );

  it('lets a manager assign two tickets at once from the team queue', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en' });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await signIn(page, server.url, MANAGER);
    await page.goto(server.url + '/inbox');
    await page.getByRole('tab', { name: 'My team’s queue' }).click();
    await page.getByTestId('task').nth(2).waitFor();
    await page.getByRole('checkbox', { name: 'Select Battery drains overnight' }).check();
    await page.getByRole('checkbox', { name: 'Select Fan noise when charging' }).check();
    await page.getByLabel('Assign to').selectOption({ label: 'zhang' });
    await page.getByLabel('Reason').fill('Rebalancing the queue');
    await screenshot(page, 'inbox-bulk-desktop');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Assigned 2 tasks.').waitFor();

    const rows = (await server.db.knex('records').whereIn('id', ids.slice(1)).select('assignee')) as {
      assignee: string;
    }[];
    expect(rows.map((r) => r.assignee)).toEqual([zhangId, zhangId]);
    const events = (await server.db
      .knex('events')
      .where({ stream: 'record', stream_id: ids[1], type: 'record.assigned' })
      .orderBy('id', 'desc')
      .first('payload')) as { payload: unknown };
    const payload = typeof events.payload === 'string' ? JSON.parse(events.payload) : events.payload;
    expect(payload).toMatchObject({ assignee: zhangId, reason: 'Rebalancing the queue', manual: true });
    await context.close();
  });

  it('works at phone width in Chinese', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await signIn(page, server.url, AGENT);
    await page.goto(server.url + '/inbox');
    await page.getByRole('tab', { name: '我的待办' }).waitFor();
    await page.getByTestId('task').first().waitFor();
    await page.getByRole('timer').first().waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'inbox-phone');

    await page.getByRole('link', { name: 'Screen flickers ten minutes after start-up' }).click();
    await page.getByRole('heading', { name: '时间线' }).waitFor();
    await page
      .locator('.timeline')
      .getByText(/^时效预警：/)
      .first()
      .waitFor();
    await expect(page.getByTestId('record-stage').textContent()).resolves.toBe('方案');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'record-phone');
    await context.close();
  });
});
