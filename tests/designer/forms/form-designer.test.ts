/**
 * The form designer as a business user meets it, in headless Chromium with real mouse drags: create a
 * form, drag five fields from the palette onto the canvas (a rating, and a repeating group with a field
 * inside it), make a field visible only on a choice with the condition builder, save, publish, see
 * version 1 in the history, change a label, publish version 2, see the difference, roll back; and the
 * same designer at phone width without sideways scrolling.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser';
import {
  screenshot,
  signIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { dragWithMouse, horizontalOverflow } from '../../helpers/page-checks';

describe('form designer', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a form by dragging fields, publishes two versions, shows the diff and rolls back', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.goto(server.url + '/forms');
    await page.getByRole('heading', { name: 'Forms' }).waitFor();

    await page.getByLabel('Key (used in the link)').fill('feedback');
    await page.getByLabel('Title (中文)').fill('客户反馈');
    await page.getByLabel('Title (English)').fill('Customer feedback');
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.getByRole('heading', { name: 'Customer feedback' }).waitFor();
    await page.getByText('New form — not saved yet').waitFor();

    const canvas = page.getByRole('list', { name: 'Form canvas' });
    const card = (name: string) => page.getByRole('button', { name: `Edit ${name}`, exact: true });
    for (const type of ['Single-line text', 'Single choice', 'Star rating', 'Repeating group']) {
      await dragWithMouse(page, page.getByRole('button', { name: `Drag ${type}` }), canvas, 'end');
      await card(type).waitFor();
    }
    const group = page.getByRole('list', { name: 'Repeating group' });
    await dragWithMouse(page, page.getByRole('button', { name: 'Drag Number' }), group);
    await group.getByRole('button', { name: 'Edit Number' }).waitFor();
    const order = await canvas.locator('.card-label').allTextContents();
    expect(order.map((s) => s.trim())).toEqual([
      'Single-line text',
      'Single choice',
      'Star rating',
      'Repeating group',
      'Number',
    ]);

    // The keyboard moves a card too: pick it up from its handle, step up, drop.
    await page.getByRole('button', { name: 'Move Star rating' }).focus();
    await page.keyboard.press('Space');
    // Picked up: the live region says where the card is now.
    await page.getByText('Star rating is over Star rating.').waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowUp');
    await page.getByText('Star rating is over Single choice.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByText('Star rating was dropped on Single choice.').waitFor({ state: 'attached' });
    const moved = await canvas.locator('.card-label').allTextContents();
    expect(moved.map((s) => s.trim()).slice(0, 3)).toEqual([
      'Single-line text',
      'Star rating',
      'Single choice',
    ]);

    // The rating shows only when the single choice is "Option 2".
    await card('Star rating').click();
    const builder = page.getByRole('group', { name: 'Visible when' });
    await builder.getByRole('button', { name: '+ Add condition' }).click();
    await builder.getByLabel('Field').selectOption({ label: 'Single choice' });
    await builder.getByLabel('Value').selectOption({ label: 'Option 2' });
    await page.locator('.field-card.selected .badge', { hasText: 'conditional' }).waitFor();
    await screenshot(page, 'form-designer-desktop');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published as version 1.').waitFor();

    const stored = await server.runtime.db
      .knex('definitions')
      .where({ kind: 'form', key: 'feedback', version: 1 })
      .first();
    const body = JSON.parse(String(stored.body)) as {
      fields: { key: string; visibleWhen?: unknown; fields?: unknown[] }[];
    };
    expect(body.fields.map((f) => f.key)).toEqual(['text1', 'rating1', 'radio1', 'group1']);
    expect(body.fields[1]?.visibleWhen).toEqual({ '==': [{ var: 'radio1' }, 'option2'] });
    expect(body.fields[3]?.fields).toEqual([
      { key: 'number1', type: 'number', label: { 'zh-CN': '数字', en: 'Number' } },
    ]);

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('cell', { name: 'Version 1', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Design' }).click();
    await card('Single-line text').click();
    await page.getByLabel('Label (English)').fill('Customer name');
    await card('Customer name').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published as version 2.').waitFor();

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('cell', { name: 'Version 2', exact: true }).waitFor();
    const diff = page.locator('.version-diff');
    await diff.getByText('Changed (1)').waitFor();
    await expect(diff.locator('[data-property="label"]').textContent()).resolves.toContain(
      '单行文本 / Single-line text → 单行文本 / Customer name',
    );
    await screenshot(page, 'form-designer-history-desktop');

    await page.getByRole('button', { name: 'Roll back to version 1' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Roll back' }).click();
    await page.getByText('Rolled back: version 3 has the content of version 1.').waitFor();
    await page.getByRole('cell', { name: 'Version 3', exact: true }).waitFor();
    const v3 = await server.runtime.db
      .knex('definitions')
      .where({ kind: 'form', key: 'feedback', version: 3 })
      .first();
    expect((JSON.parse(String(v3.body)) as { fields: { label: unknown }[] }).fields[0]?.label).toEqual({
      'zh-CN': '单行文本',
      en: 'Single-line text',
    });
    await page.getByRole('tab', { name: 'Share' }).click();
    await expect(page.getByLabel('Public link').inputValue()).resolves.toBe(`${server.url}/f/feedback`);
    await expect(page.getByLabel('Embed on a web page').inputValue()).resolves.toContain(
      `<iframe src="${server.url}/f/feedback"`,
    );
    await context.close();
  }, 60_000);

  it("shows the server's problems on the property they concern", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.goto(server.url + '/forms/service');
    await page.getByText('New form — not saved yet').waitFor();
    await page.getByRole('button', { name: 'Add Customer', exact: true }).click();
    // The engine in the browser cannot know which forms exist; the server can.
    await page.getByLabel('Customer form').fill('nosuch');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    const source = page.getByLabel('Customer form');
    await expect(source.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.locator('.property-panel').getByText('Unknown form "nosuch"').waitFor();
    await page.locator('.field-card .badge', { hasText: '1 problem(s)' }).waitFor();
    await source.fill('');
    await expect(page.locator('.field-card .badge.bad').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.', { exact: true }).waitFor();
    await context.close();
  }, 60_000);

  it('works at phone width without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN', hasTouch: true });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.goto(server.url + '/forms');
    await page.getByRole('heading', { name: '表单', exact: true }).waitFor();
    await page.getByLabel('键（用于链接）').fill('repair');
    await page.getByLabel('标题（中文）').fill('维修申请');
    await page.getByRole('button', { name: '创建表单' }).click();
    await page.getByRole('heading', { name: '维修申请' }).waitFor();
    // On a phone the "+" adds without dragging.
    await page.getByRole('button', { name: '添加星级评分' }).click();
    await page.getByRole('button', { name: '添加下拉选择' }).click();
    await page.getByRole('button', { name: '编辑 下拉选择' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'form-designer-phone');

    await page.getByRole('tab', { name: '预览' }).click();
    await page.getByRole('heading', { name: '预览' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'form-designer-preview-phone');

    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('已发布为版本 1。').waitFor();
    await page.getByRole('tab', { name: '历史版本' }).click();
    await page.getByRole('cell', { name: '版本 1', exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('tab', { name: '分享' }).click();
    await page.getByRole('button', { name: '复制链接' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'form-designer-share-phone');

    await page.getByRole('link', { name: '← 表单' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '打开 维修申请' }) });
    await expect(row.textContent()).resolves.toContain('v1');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'form-list-phone');
    await context.close();
  }, 60_000);
});
