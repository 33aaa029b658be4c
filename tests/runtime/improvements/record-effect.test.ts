/**
 * The effect of an improvement item through `GET /api/records/:id/effect` on SQLite and PostgreSQL,
 * over the real ticket, survey and RCA templates: CSAT 60 % → 90 % over 50 answers each is significant
 * and verified against a 20-point target; 80 % → 82 % is not significant; screen-fault FRT collected
 * per ticket gives the Mann–Whitney verdict computed by hand from the same minutes; tickets outside
 * the scope (another product line, another province) do not count; a running after window gives a provisional verdict; an item without KPI or
 * go-live is refused naming both fields; unknown and unreadable items are 404, a token without
 * `records:read` 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../../../engine';
import { importApp } from '../../../runtime/apps/import-app';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import {
  createTestUser,
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { template } from '../customers/customer-fixtures';
import { FRT_AFTER, FRT_BEFORE, ITEMS, seedEffectRecords } from './effect-fixtures';

describe.each(DIALECTS)('improvement effect on %s', (dialect) => {
  let h: Harness;
  let quality: TestLogin;
  let engineer: TestLogin;
  const effect = (id: string, who: { headers: Record<string, string> } = quality, locale = 'en') =>
    h.request({ method: 'GET', url: `/api/records/${id}/effect?locale=${locale}`, headers: who.headers });

  beforeAll(async () => {
    h = await startHarness(dialect, '2026-11-24T09:00:00+08:00');
    await importApp(h.runtime, template('after-sales-ticket'), null);
    await importApp(h.runtime, template('after-sales-survey'), null);
    await importApp(h.runtime, template('after-sales-rca'), null);
    quality = await createUserAndLogin(h, { username: 'qm', roles: ['quality_manager'] });
    engineer = await createUserAndLogin(h, { username: 'fay', roles: ['field_engineer'] });
    await seedEffectRecords(h.db.knex);
  });
  afterAll(() => h?.close());

  it('verifies CSAT 60 % → 90 % over 50 answers each in scope, ignoring the phone line', async () => {
    const res = await effect(ITEMS.tvCsat.id);
    expect(res.status, res.text).toBe(200);
    const { windows, verdict } = res.body;
    expect(windows).toMatchObject({ days: 30, complete: true, timezone: 'Asia/Shanghai' });
    expect(windows.before).toMatchObject({ firstDay: '2026-09-01', lastDay: '2026-09-30' });
    expect(windows.after).toMatchObject({ firstDay: '2026-10-01', lastDay: '2026-10-30' });
    expect(verdict.before).toEqual({ value: 60, n: 50 });
    expect(verdict.after).toEqual({ value: 90, n: 50 });
    expect(verdict.change.absolute).toBeCloseTo(30, 9);
    expect(verdict.test.name).toBe('two-proportion-z-test');
    expect(verdict.test.pValue).toBeLessThan(0.001);
    expect(verdict).toMatchObject({ significant: true, targetMet: true, verified: true, provisional: false });
  });

  it('does not verify CSAT 80 % → 82 %: not significant, and says so', async () => {
    const res = await effect(ITEMS.laptopCsat.id);
    expect(res.status, res.text).toBe(200);
    const { verdict } = res.body;
    expect(verdict.before).toEqual({ value: 80, n: 50 });
    expect(verdict.after).toEqual({ value: 82, n: 50 });
    expect(verdict.test.pValue).toBeGreaterThan(0.5);
    expect(verdict).toMatchObject({ improved: true, significant: false, targetMet: true, verified: false });
    expect(verdict.notes.map((n: { code: string }) => n.code)).toContain('not-significant');
  });

  it('collects FRT per screen ticket and judges it with the Mann–Whitney U test', async () => {
    const res = await effect(ITEMS.screenFrt.id);
    expect(res.status, res.text).toBe(200);
    const { verdict } = res.body;
    const expected = mannWhitneyU(FRT_BEFORE, FRT_AFTER);
    if (!expected.possible) throw new Error('the fixture must be testable');
    expect(verdict.statistic).toBe('median');
    expect(verdict.before).toEqual({ value: 147.5, n: 20 });
    expect(verdict.after).toEqual({ value: 68.5, n: 20 });
    expect(verdict.test).toMatchObject({ name: 'mann-whitney-u', statistic: 0 });
    expect(verdict.test.pValue).toBeCloseTo(expected.pValue, 12);
    expect(verdict.test.detail.method).toBe('exact');
    // −53.6 % against a target of −20 %: lower is better.
    expect(verdict.change.relative).toBeCloseTo((100 * (68.5 - 147.5)) / 147.5, 9);
    expect(verdict).toMatchObject({ better: 'lower', verified: true });
  });

  it('counts only the tickets of the scoped province (a path inside the region value)', async () => {
    const res = await effect(ITEMS.beijingFrt.id);
    expect(res.status, res.text).toBe(200);
    const { verdict } = res.body;
    expect(verdict.before).toEqual({ value: 210, n: 3 });
    expect(verdict.after).toEqual({ value: 30, n: 3 });
    // 3 against 3 with every after value lower: the exact two-sided p is 2 ÷ C(6, 3) = 0.1.
    expect(verdict.test.pValue).toBeCloseTo(0.1, 12);
    expect(verdict).toMatchObject({ improved: true, significant: false, targetMet: true, verified: false });
  });

  it('gives a provisional verdict while the after window is still running', async () => {
    const res = await effect(ITEMS.running.id, quality, 'zh-CN');
    expect(res.status, res.text).toBe(200);
    expect(res.body.windows).toMatchObject({ complete: false, daysElapsed: 14 });
    expect(res.body.verdict.provisional).toBe(true);
    const note = res.body.verdict.notes.find((n: { code: string }) => n.code === 'window-incomplete');
    expect(note.message).toBe('改进后窗口尚未结束（已过 14 / 30 天）：结论为暂定');
  });

  it('refuses an item without KPI or go-live with 422 naming both fields', async () => {
    const res = await effect(ITEMS.unplanned.id);
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/kpi', '/goLive']);
  });

  it('refuses a window holding more records than the test reads, rather than judging a cut sample', async () => {
    const res = await effect(ITEMS.crowded.id);
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({ code: 'window-too-large', path: '/effectWindowDays' }),
    ]);
    expect(res.body.error.issues[0].message).toContain('before window holds 10000 or more records');
  });

  it('is 404 for an unknown record and for a reader without access to complaints', async () => {
    expect((await effect('no-such-record')).status).toBe(404);
    expect((await effect(ITEMS.tvCsat.id, engineer)).status).toBe(404);
  });

  it('is 403 for an API token without records:read', async () => {
    const user = await createTestUser(h, { username: 'sync', roles: ['quality_manager'] });
    const { token } = await createApiToken(h.runtime, user.id, { name: 'bi', scopes: ['records:write'] });
    const res = await effect(ITEMS.tvCsat.id, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, res.text).toBe(403);
  });
});
