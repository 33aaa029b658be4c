/**
 * The flow designer in headless Chromium, as a process owner uses it on the example app's ticket SOP:
 * every stage laid out, a stage dragged, a stage and transitions added, an SLA target and a guard set,
 * problems shown on the stage they concern and fixed, the flow published, and its XState export
 * loaded with `createMachine`. Then the same designer at phone width, in Chinese.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { createMachine, initialTransition, transition } from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { launchBrowser } from '../../helpers/browser';
import {
  screenshot,
  signIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { tourBundle } from './tour-flow';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';

const STAGES = [
  'accept',
  'diagnose',
  'waiting_customer',
  'plan',
  'execute',
  'follow_up',
  'closed',
  'cancelled',
];

const node = (page: Page, stage: string) => page.locator(`.react-flow__node[data-id="${stage}"]`);

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

/**
 * Drags `grip` with the mouse in small steps, as a person would, to the centre of `to` or by an offset.
 * The pointer first hovers the grip: Playwright waits until it stands still and is what the pointer
 * hits there (on a busy machine the canvas may still be settling).
 */
async function drag(page: Page, grip: Locator, to: Locator | { dx: number; dy: number }) {
  await grip.hover();
  const from = centre(await box(grip));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const end = 'dx' in to ? { x: from.x + to.dx, y: from.y + to.dy } : centre(await box(to));
  await page.mouse.move(from.x + (end.x - from.x) / 3, from.y + (end.y - from.y) / 3, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await page.mouse.up();
}

const centre = (b: { x: number; y: number; width: number; height: number }) => ({
  x: b.x + b.width / 2,
  y: b.y + b.height / 2,
});

describe('flow designer', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, tourBundle(), null);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('edits, checks, publishes and exports the ticket SOP (desktop)', async () => {
    const context = await browser.newContext({
      viewport: VIEWPORTS.desktop,
      locale: 'en',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('link', { name: 'Ticket SOP' }).click();
    await page.getByRole('heading', { name: 'Ticket SOP' }).waitFor();

    // Every stage laid out left to right, none on top of another.
    const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const stage of STAGES) {
      await node(page, stage).waitFor();
      boxes.set(stage, await box(node(page, stage)));
    }
    for (const [i, a] of STAGES.entries()) {
      for (const b of STAGES.slice(i + 1)) {
        const p = boxes.get(a)!;
        const q = boxes.get(b)!;
        const apart =
          p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
    }
    const path = ['accept', 'diagnose', 'plan', 'execute', 'follow_up', 'closed'];
    for (let i = 1; i < path.length; i += 1)
      expect(boxes.get(path[i]!)!.x).toBeGreaterThan(boxes.get(path[i - 1]!)!.x);
    await page.getByRole('heading', { name: 'Problems (0)' }).waitFor();
    await screenshot(page, 'flow-designer-desktop');

    // Drag the plan stage down.
    const before = boxes.get('plan')!;
    await drag(page, node(page, 'plan'), { dx: 0, dy: 90 });
    const after = await box(node(page, 'plan'));
    expect(after.y - before.y).toBeGreaterThan(40);
    expect(Math.abs(after.x - before.x)).toBeLessThan(5);

    // A new stage: nothing reaches it and it leads nowhere, which is shown on it.
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByRole('heading', { name: 'Stage: New stage' }).waitFor();
    await expect.poll(() => node(page, 'stage').getAttribute('class')).toContain('selected');
    await expect
      .poll(async () => (await node(page, 'stage').locator('.stage-node').getAttribute('class')) ?? '')
      .toContain('has-issues');
    const panelAlert = page.locator('.stage-panel [role="alert"]');
    await expect.poll(() => panelAlert.textContent()).toContain('cannot be reached from the initial stage');
    expect(await panelAlert.textContent()).toContain('is not final but has no transition to another stage');
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await page.getByLabel('Name (English)').fill('Parts on order');
    await page.getByLabel('Name (中文)').fill('等待备件');
    await page.getByRole('heading', { name: 'Stage: Parts on order' }).waitFor();

    // Connect plan → the new stage by dragging between their connection points.
    await drag(
      page,
      node(page, 'plan').locator('.react-flow__handle.source'),
      node(page, 'stage').locator('.react-flow__handle.target'),
    );
    await page.getByRole('heading', { name: 'Transition: TO_STAGE' }).waitFor();
    await page.getByLabel('Event name').fill('ORDER_PARTS');
    await page.getByLabel('Event name').press('Enter');
    await page.getByRole('heading', { name: 'Transition: ORDER_PARTS' }).waitFor();
    await page.getByLabel('Button text (English)').fill('Order parts');
    await page.getByRole('checkbox', { name: 'Engineer', exact: true }).check();

    // The guard, first typed as JSON-Logic naming a field the form lacks (a problem on the transition),
    // then fixed with the condition builder: only critical tickets wait for parts.
    await page.getByText('Edit the condition as JSON-Logic').first().click();
    const guardBox = page.getByRole('textbox', { name: 'Edit the condition as JSON-Logic' });
    await guardBox.fill('{"==":[{"var":"data.nothing"},"s1"]}');
    await page.getByRole('button', { name: 'Apply' }).click();
    const transitionAlert = page.locator('.transition-panel [role="alert"]');
    await expect.poll(() => transitionAlert.textContent()).toContain('Guard reads field "nothing"');
    await expect.poll(async () => await page.locator('.react-flow__edge.has-issues').count()).toBe(1);
    const builder = page.getByRole('group', { name: 'Allowed when' });
    await builder.getByRole('group', { name: 'Condition 1' }).getByLabel('Field').selectOption('severity');
    await expect.poll(() => guardBox.inputValue()).toBe('{"==":[{"var":"data.severity"},"s1"]}');
    await expect.poll(() => transitionAlert.count()).toBe(0);
    await page.getByRole('button', { name: 'Transition ORDER_PARTS: Plan → Parts on order' }).waitFor();
    await page.locator('.react-flow__edge-text', { hasText: 'ORDER_PARTS · if …' }).waitFor();
    await screenshot(page, 'flow-designer-transition-desktop');

    // Still a dead end: add its way on from its own panel.
    await node(page, 'stage').click();
    await expect.poll(() => panelAlert.textContent()).not.toContain('cannot be reached');
    await page.getByLabel('Add a transition to').selectOption('execute');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { name: 'Transition: TO_EXECUTE' }).waitFor();
    await page.getByRole('heading', { name: 'Problems (0)' }).waitFor();

    // An SLA of its own; clearing the default target is a problem on the stage until it is set again.
    await node(page, 'stage').click();
    await page.getByRole('button', { name: 'Add SLA targets' }).click();
    await page.getByLabel('Target for VIP · Urgent (minutes)').fill('240');
    await page.getByLabel('Default target (minutes)').fill('');
    await expect.poll(() => panelAlert.textContent()).toContain('must have no "when"');
    await expect
      .poll(async () => (await node(page, 'stage').locator('.stage-node').getAttribute('class')) ?? '')
      .toContain('has-issues');
    await page.getByRole('heading', { name: 'Problems (1)' }).waitFor();
    await screenshot(page, 'flow-designer-issue-desktop');
    await page.getByLabel('Default target (minutes)').fill('480');
    await page.getByRole('heading', { name: 'Problems (0)' }).waitFor();
    await page.getByLabel('Waiting for the customer: every SLA clock pauses here').check();

    // Publish, then read back what the server stored.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published as version 2.').waitFor();
    await page.getByText('Published v2').waitFor();
    const stored = (await page.evaluate(async () => (await fetch('/api/flows/ticket-sop')).json())) as {
      version: number;
      status: string;
      body: Record<string, any>;
    };
    expect(stored).toMatchObject({ version: 2, status: 'published' });
    const states = stored.body.machine.states;
    expect(states.plan.on.ORDER_PARTS).toEqual({
      target: 'stage',
      guard: 'plan_ORDER_PARTS',
      meta: { roles: ['engineer'], label: { en: 'Order parts' } },
    });
    expect(stored.body.guards.plan_ORDER_PARTS).toEqual({ '==': [{ var: 'data.severity' }, 's1'] });
    expect(states.stage).toEqual({
      on: { TO_EXECUTE: 'execute' },
      meta: { label: { en: 'Parts on order', 'zh-CN': '等待备件' }, sla: 'stage-sla', waiting: true },
    });
    expect(stored.body.sla.policies.find((p: { key: string }) => p.key === 'stage-sla').targets).toEqual([
      { when: { tier: 'vip', priority: 'urgent' }, minutes: 240 },
      { minutes: 480 },
    ]);

    // Export: the JSON shown and the file downloaded both load with createMachine.
    await page.getByRole('button', { name: 'Export XState JSON' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as XState' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('.provide({ guards, actions })');
    const shown = await dialog.getByRole('textbox').inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ticket-sop.xstate.json');
    const file = await readFile((await download.path())!, 'utf8');
    expect(file).toBe(shown);
    const machine = createMachine(JSON.parse(file) as Parameters<typeof createMachine>[0]).provide({
      guards: { hasCategory: () => true, isVerified: () => true, plan_ORDER_PARTS: () => true },
    });
    expect(Object.keys(machine.states)).toEqual([...STAGES, 'stage']);
    let [snapshot] = initialTransition(machine);
    for (const type of ['ACCEPT', 'DIAGNOSED', 'ORDER_PARTS'])
      [snapshot] = transition(machine, snapshot, { type });
    expect(snapshot.value).toBe('stage');
    await screenshot(page, 'flow-designer-export-desktop');
    await expectNoSidewaysScroll(page);
    await context.close();
  }, 120_000);

  it('creates a new flow from the list and opens it in the designer', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en' });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.goto(server.url + '/flows');
    await page.getByLabel(/^Key/).fill('Repair');
    await page.getByText('Start with a lower-case letter').waitFor();
    expect(await page.getByRole('button', { name: 'Create flow' }).isDisabled()).toBe(true);
    await page.getByLabel(/^Key/).fill('repair-sop');
    await page.getByLabel('Name (English)').fill('Repair SOP');
    await page.getByLabel('Form of its tickets').selectOption('ticket');
    await page.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/repair-sop$/);
    await page.getByRole('heading', { name: 'Repair SOP' }).waitFor();
    await node(page, 'accept').waitFor();
    await node(page, 'closed').waitFor();
    await page.getByRole('heading', { name: 'Problems (0)' }).waitFor();
    await page.getByText('Draft', { exact: true }).waitFor();
    await context.close();
  }, 60_000);

  it('puts the graph above the panel, top to bottom, at phone width (zh-CN)', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.goto(server.url + '/flows');
    await page.getByRole('heading', { name: '流程', exact: true }).waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'flow-list-phone');
    await page.getByRole('link', { name: '工单处理 SOP' }).click();
    for (const stage of STAGES) await node(page, stage).waitFor();
    const accept = await box(node(page, 'accept'));
    const diagnose = await box(node(page, 'diagnose'));
    expect(diagnose.y).toBeGreaterThan(accept.y + accept.height);

    await page.getByRole('button', { name: '阶段 诊断（diagnose）' }).click();
    await page.getByRole('heading', { name: '阶段：诊断' }).waitFor();
    const canvas = await box(page.getByRole('region', { name: '阶段图' }));
    const panel = await box(page.locator('.stage-panel'));
    expect(panel.y).toBeGreaterThanOrEqual(canvas.y + canvas.height);
    expect(canvas.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await page.getByRole('table', { name: /客户等级 × 优先级/ }).waitFor();
    // A stage can be selected from the keyboard too.
    await node(page, 'plan').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '阶段：方案' }).waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'flow-designer-phone');
    await context.close();
  }, 60_000);
});
