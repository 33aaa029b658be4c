/**
 * A quality manager in headless Chromium opens an improvement item of the `after-sales-rca` app whose
 * TV-line CSAT rose from 60 % to 90 % over 50 answers each, and reads the effect panel: before and after
 * with n, the two-proportion z-test's p-value (0.000532), significant, target met, the verdict "Verified", and a
 * bar chart of before vs after actually painted on its canvas. In Chinese the same panel says 已验证有效.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBundle } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { createUser } from '../../../runtime/auth/users';
import { sendRecordEvent } from '../../../runtime/records/send-record-event';
import { submitRecord } from '../../../runtime/records/submit-record';
import { launchBrowser } from '../../helpers/browser';
import {
  openSignedIn,
  screenshot,
  showIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { paintedPixels } from '../../helpers/page-checks';
import { ITEMS, seedEffectRecords } from '../../runtime/improvements/effect-fixtures';

const template = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../templates/${name}.app.json`), 'utf8'),
  ) as AppBundle;

interface WalkStep {
  event?: string;
  data?: Record<string, unknown>;
  refused?: string;
}
const rcaCases = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../templates/after-sales-rca.cases.json'), 'utf8'),
) as { submissions: { name: string; data: Record<string, unknown> }[]; walks: { steps: WalkStep[] }[] };
/** The data the template's first walk moves a complaint with, per event (the accepted step's). */
const walkData = (event: string) =>
  rcaCases.walks[0]!.steps.find((s) => s.event === event && !s.refused)!.data!;

const QM = { username: 'qin', password: 'correct horse battery staple' };

describe('the effect panel of an improvement item', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    server.clock.set('2026-11-24T09:00:00+08:00');
    browser = await launchBrowser();
    for (const name of ['after-sales-ticket', 'after-sales-survey', 'after-sales-rca'])
      await importApp(server.runtime, template(name), null);
    await createUser(server.runtime, { ...QM, roles: ['quality_manager'] });
    await seedEffectRecords(server.db.knex);
  });

  /** A complaint of the template walked to the verify stage, its plan aimed at TV CSAT + 20 points. */
  async function complaintInVerify(): Promise<string> {
    const system = { id: null };
    const customer = await submitRecord(
      server.runtime,
      'after-sales-customer',
      { data: { name: '张伟', phone: '13800138000', tier: 'vip' } },
      system,
    );
    const sample = rcaCases.submissions.find((s) => s.name.startsWith('a critical complaint'))!.data;
    const { kpi: _k, goLive: _g, targetValue: _v, targetType: _t, evidence: _e, ...intake } = sample;
    const complaint = await submitRecord(
      server.runtime,
      'after-sales-complaint',
      { data: { ...intake, customer: customer.id } },
      system,
    );
    const send = (type: string, data: Record<string, unknown>) =>
      sendRecordEvent(server.runtime, complaint.id, { type, data }, system);
    await send('ACCEPT', walkData('ACCEPT'));
    await send('ANALYSED', walkData('ANALYSED'));
    await send('PLAN_APPROVED', {
      ...walkData('PLAN_APPROVED'),
      kpi: 'csat',
      targetValue: 20,
      targetType: 'absolute',
    });
    const moved = await send('EXECUTED', {
      ...walkData('EXECUTED'),
      scopeProductLine: 'tv',
      goLive: '2026-10-01',
      effectWindowDays: 30,
    });
    expect(moved.stage).toBe('verify');
    return complaint.id;
  }
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows before / after with n, the test, the verdict and a painted bar chart', async () => {
    const { context, page } = await openSignedIn(
      browser,
      server,
      { viewport: VIEWPORTS.desktop, locale: 'en-US' },
      QM,
    );
    try {
      await page.goto(`${server.url}/records/${ITEMS.tvCsat.id}`);
      await showIn(page, 'English');
      const panel = page.getByTestId('record-effect');
      await panel.getByRole('heading', { name: 'Effect' }).waitFor();
      expect(await panel.getByTestId('effect-verdict').textContent()).toBe('Verdict: Verified');
      expect(await panel.getByTestId('effect-before').textContent()).toBe('60 % n = 50');
      expect(await panel.getByTestId('effect-after').textContent()).toBe('90 % n = 50');
      // z = 0.3 ÷ √(0.75 × 0.25 × 2 ÷ 50) = 3.464, two-sided p = 0.000532.
      expect(await panel.getByTestId('effect-p').textContent()).toBe('0.000532');
      expect(await panel.getByTestId('effect-significant').textContent()).toBe('Yes');
      expect(await panel.getByTestId('effect-target-met').textContent()).toMatch(/^Yes Target: 20 pp$/);
      await expect.poll(() => panel.getByText('Two-proportion z-test').count()).toBe(1);
      await panel.locator('.report-chart[data-drawn="true"]').waitFor();
      await expect
        .poll(() => paintedPixels(page, '[data-testid="record-effect"] .report-chart'))
        .toBeGreaterThan(500);
      await screenshot(page, 'record-effect-desktop');

      await showIn(page, '中文');
      await panel.getByRole('heading', { name: '改进效果' }).waitFor();
      await expect.poll(() => panel.getByTestId('effect-verdict').textContent()).toBe('结论: 已验证有效');
    } finally {
      await context.close();
    }
  });

  it('records the verdict with the verification event, its figures written into the complaint', async () => {
    const id = await complaintInVerify();
    const { context, page } = await openSignedIn(
      browser,
      server,
      { viewport: VIEWPORTS.desktop, locale: 'en-US' },
      QM,
    );
    try {
      await page.goto(`${server.url}/records/${id}`);
      await showIn(page, 'English');
      const panel = page.getByTestId('record-effect');
      await expect.poll(() => panel.getByTestId('effect-verdict').textContent()).toBe('Verdict: Verified');
      await panel.getByRole('button', { name: /^Record this verdict/ }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('The verdict was recorded.');
      expect(await page.getByTestId('record-stage').textContent()).toMatch(/\(Closed\)$/);
      const stored = await server.db.knex('records').where({ id }).first();
      const data = typeof stored.data === 'string' ? JSON.parse(stored.data) : stored.data;
      expect(data).toMatchObject({ kpiBefore: 60, kpiAfter: 90, verificationResult: 'passed' });
      expect(data.pValue).toBeCloseTo(0.000532, 6);
      expect(data.verificationNote).toBe('Computed: csat 60 % → 90 % (Two-proportion z-test, p = 0.000532).');
    } finally {
      await context.close();
    }
  });
});
