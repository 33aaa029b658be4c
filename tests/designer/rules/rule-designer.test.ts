/**
 * The rule designer in headless Chromium, as an admin authors the screen-failure threshold of the
 * example app: trigger "ticket created", an aggregate counting screen tickets per product model this
 * calendar month (filter built with the condition builder), condition count ≥ 3, action "create an
 * R&D task" with mapped fields. Published, dry-run over October against back-dated tickets (one
 * firing for X200 with its three records), enabled, the rules consumer drained, and the task it
 * created opened from the firing history. Then the designer at phone width, in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createRulesConsumer } from '../../../runtime/rules/rules-consumer';
import { readJson } from '../../../runtime/storage/json-value';
import { launchBrowser } from '../../helpers/browser';
import {
  screenshot,
  openSignedIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';

const TOUR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
);
const RULE = 'screen-threshold-ui';

const ticket = (model: string, category: string, i: number) => ({
  customer: `C-${i}`,
  tier: 'standard',
  priority: 'normal',
  channel: 'phone',
  model,
  category,
  detail: `ticket ${i}`,
});

describe('rule designer', () => {
  let server: DesignerServer;
  let browser: Browser;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, TOUR, null);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Submits a ticket through the API as the signed-in admin, dated `at` by the server's clock. */
  async function submit(page: Page, at: string, data: Record<string, unknown>) {
    const now = new Date().toISOString();
    server.clock.set(at);
    const result = await page.evaluate(async (body) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken?: string };
      const res = await fetch('/api/forms/ticket/records', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
        body: JSON.stringify({ data: body }),
      });
      return { status: res.status, body: (await res.json()) as { id?: string } };
    }, data);
    server.clock.set(now);
    expect(result.status).toBe(201);
    ids.push(result.body.id!);
  }

  it(
    'authors, publishes, dry-runs and enables the screen-failure threshold (desktop)',
    { timeout: 120_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en',
      });
      await page.goto(server.url + '/rules');
      await page.getByRole('link', { name: 'Screen-failure threshold' }).waitFor();
      await expect(
        page.getByRole('listitem').filter({ hasText: 'screen-failure-threshold' }).textContent(),
      ).resolves.toContain('Enabled');

      // Create the rule.
      await page.getByLabel('Key').fill(RULE);
      await page.getByLabel('Name (English)').fill('Screen threshold (UI)');
      await page.getByLabel('Name (Chinese)').fill('屏幕故障阈值（界面）');
      await page.getByLabel('Form it watches').selectOption('ticket');
      await page.getByRole('button', { name: 'Create rule' }).click();
      await page.getByRole('heading', { name: 'Screen threshold (UI)' }).waitFor();

      // The new rule starts with a notification to the managers; without a recipient, the problem
      // shows on that action.
      const action = page.getByRole('region', { name: 'Action 1' });
      await action.getByLabel('Notify 1: Who: value').fill('');
      await action.locator('.rule-issues li').first().waitFor();
      await page.getByRole('note').filter({ hasText: 'Problems' }).waitFor();
      // The server refuses to publish it too, with the same problem (422 issues).
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('alert').filter({ hasText: 'Failed' }).waitFor();

      // Trigger: a ticket is created.
      const trigger = page.getByRole('region', { name: 'When' });
      await expect(trigger.getByLabel('Trigger').inputValue()).resolves.toBe('record.created');
      await trigger.getByLabel('Form').selectOption('ticket');

      // Aggregate: count of screen tickets, per product model, this calendar month.
      await page.getByRole('button', { name: 'Add aggregate' }).click();
      const aggregate = page.getByRole('region', { name: 'count1' });
      await aggregate.getByLabel('Name').fill('screenCount');
      await aggregate.getByLabel('Name').blur();
      const screenCount = page.getByRole('region', { name: 'screenCount' });
      await screenCount.getByLabel('Measure').selectOption('count');
      await screenCount.getByLabel('Window').selectOption('month');
      await screenCount.getByRole('checkbox', { name: 'Product model (model)' }).check();
      const filter = screenCount.getByRole('group', { name: 'Only records where' });
      await filter.getByRole('button', { name: 'Add condition' }).click();
      await filter.getByLabel('Field').selectOption('category');
      await filter.getByLabel('Operator').selectOption('eq');
      await filter.getByLabel('Value').selectOption('screen');

      // Condition: the count is at least 3.
      const condition = page.getByRole('group', { name: 'Condition', exact: true });
      await condition.getByRole('button', { name: 'Add condition' }).click();
      await condition.getByLabel('Field').selectOption('aggregates.screenCount');
      await condition.getByLabel('Operator').selectOption('gte');
      await condition.getByLabel('Value').fill('3');

      // Action: create an R&D task with model, fault and count mapped.
      await action.getByRole('combobox', { name: /^Do/ }).selectOption('create-record');
      await action.getByLabel('In form').selectOption('rd-task');
      const addField = action.getByLabel('Add field');
      await addField.selectOption('model'); // the record's model, by default
      await addField.selectOption('title');
      await action.getByLabel('Value of Title (title)').selectOption('logic');
      await action
        .getByLabel('Value for Title (title)')
        .fill('{"cat":[{"var":"record.model"}," ",{"var":"record.category"}," failures"]}');
      await addField.selectOption('count');
      await action.getByLabel('Value of Complaints (count)').selectOption('aggregate');
      await addField.selectOption('month');
      await action.getByLabel('Value of Month (month)').selectOption('window');
      await expect(action.getByLabel('Value for Product model (model)').inputValue()).resolves.toBe('model');
      await expect(action.getByLabel('Value for Complaints (count)').inputValue()).resolves.toBe(
        'screenCount',
      );

      await expect(page.getByRole('note').count()).resolves.toBe(0); // no problems
      await expect(action.locator('.rule-issues li').count()).resolves.toBe(0);
      await screenshot(page, 'rule-designer-desktop');
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();

      // What was stored is the example rule's shape.
      const stored = (await server.db
        .knex('definitions')
        .where({ kind: 'rule', key: RULE, version: 1 })
        .first('body')) as { body: unknown };
      const body = readJson<Record<string, unknown>>(stored.body);
      expect(body).toMatchObject({
        enabled: false,
        trigger: { type: 'record.created', form: 'ticket' },
        aggregates: {
          screenCount: {
            form: 'ticket',
            measure: { op: 'count' },
            window: { type: 'calendar', unit: 'month' },
            groupBy: ['model'],
            filter: { '==': [{ var: 'category' }, 'screen'] },
          },
        },
        condition: { '>=': [{ var: 'aggregates.screenCount' }, 3] },
        actions: [
          {
            type: 'create-record',
            form: 'rd-task',
            map: {
              model: { var: 'record.model' },
              count: { var: 'aggregates.screenCount' },
              month: { var: 'window.key' },
            },
          },
        ],
      });

      // October: three X200 screen failures, one X300, and an X200 battery complaint.
      await submit(page, '2026-10-03T10:00:00+08:00', ticket('X200', 'screen', 1));
      await submit(page, '2026-10-09T10:00:00+08:00', ticket('X300', 'screen', 2));
      await submit(page, '2026-10-12T10:00:00+08:00', ticket('X200', 'battery', 3));
      await submit(page, '2026-10-15T10:00:00+08:00', ticket('X200', 'screen', 4));
      await submit(page, '2026-10-20T10:00:00+08:00', ticket('X200', 'screen', 5));

      // Dry run over October.
      const dry = page.getByRole('region', { name: 'Dry run' });
      await dry.getByLabel('From').fill('2026-10-01');
      await dry.getByLabel('To').fill('2026-11-01');
      await dry.getByRole('checkbox', { name: 'Use the draft' }).uncheck();
      await dry.getByRole('button', { name: 'Run' }).click();
      await dry.getByText(/^1 firings/).waitFor();
      const firing = dry.getByRole('list', { name: 'Dry run' }).getByRole('listitem').first();
      await expect(firing.textContent()).resolves.toMatch(/model = X200.*2026-10/);
      await expect(firing.textContent()).resolves.toContain('screenCount = 3');
      await expect(firing.textContent()).resolves.toContain('create-record rd-task');
      await firing.getByText('Records (3)').click();
      for (const i of [0, 3, 4]) await firing.getByRole('link', { name: ids[i] }).waitFor();
      await screenshot(page, 'rule-designer-dry-run');

      // Enable: a new version is published.
      await page.getByRole('button', { name: 'Enable' }).click();
      await page.getByRole('status').filter({ hasText: 'Enabled: version 2 published' }).waitFor();
      await page.getByRole('button', { name: 'Disable' }).waitFor();

      await drainOutboxFully(server.runtime, createRulesConsumer());
      const history = page.getByRole('region', { name: 'Firing history' });
      await history.getByRole('button', { name: 'Refresh' }).click();
      const created = history.getByRole('link', { name: /^Created / });
      await created.waitFor();
      await expect(history.textContent()).resolves.toMatch(/v2.*model = X200.*2026-10/);
      await created.click();
      await page.waitForURL(/\/records\//);
      await page.getByText('X200 screen failures').first().waitFor();
      await screenshot(page, 'rule-designer-created-task');

      const tasks = (await server.db.knex('records').where({ form_key: 'rd-task' }).select('data')) as {
        data: unknown;
      }[];
      expect(tasks.map((t) => readJson(t.data))).toEqual([
        { title: 'X200 screen failures', model: 'X200', count: 3, month: '2026-10' },
      ]);

      // The list shows it enabled.
      await page.goto(server.url + '/rules');
      const row = page.getByRole('listitem').filter({ hasText: RULE });
      await row.getByText('Enabled').waitFor();
      await row.getByText(/Last firing/).waitFor();
      await context.close();
    },
  );

  it('fits a phone, in Chinese', { timeout: 60_000 }, async () => {
    const { context, page } = await openSignedIn(browser, server, {
      viewport: VIEWPORTS.phone,
      locale: 'zh-CN',
    });
    await page.evaluate(() => localStorage.setItem('closedloop.locale', 'zh-CN'));
    await page.goto(server.url + '/rules');
    await page
      .getByRole('heading', { name: /规则|Rules/ })
      .first()
      .waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'rule-list-phone');
    await page.goto(`${server.url}/rules/screen-failure-threshold`);
    await page.getByRole('button', { name: /保存草稿|Save draft/ }).waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'rule-designer-phone');

    // The authored rule's dry run and firing history, with their long ids and actions, fit too.
    await page.goto(`${server.url}/rules/${RULE}`);
    const dry = page.getByRole('region', { name: '试运行' });
    await dry.getByLabel('开始').fill('2026-10-01');
    await dry.getByLabel('结束').fill('2026-11-01');
    await dry.getByRole('button', { name: '运行' }).click();
    await dry.getByText(/^1 次触发/).waitFor();
    await dry.getByText('相关记录（3）').click();
    await page
      .getByRole('region', { name: '触发记录' })
      .getByRole('link', { name: /^已创建/ })
      .waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'rule-designer-dry-run-phone');
    await context.close();
  });
});
