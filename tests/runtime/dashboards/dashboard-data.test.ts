/**
 * `GET /api/dashboards/:key/data` and `POST /api/dashboards/query` on both databases: each card shows
 * the numbers of the records behind it, the viewer's shared filters narrow each card on that report's
 * own field (and leave alone a card whose report has no field for them), select filters offer the
 * values found in the data, bad filter values are refused naming the filter, a card whose report is
 * not published shows why while the others run, and an invalid draft is refused before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import { createUserAndLogin, type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { responseChecker } from '../http/openapi-response-check';
import { useReportHarness } from '../reports/report-harness';
import {
  cardOf,
  countsOf,
  csatByMonth,
  filtersQuery,
  OVERVIEW,
  PARETO_REPORT,
  seedOverview,
} from './dashboard-fixtures';

describe.each(DIALECTS)('dashboard data on %s', (dialect) => {
  let h: Harness;
  let viewer: TestLogin;
  useReportHarness(dialect, seedOverview, (harness, login) => {
    h = harness;
    viewer = login;
  });

  const data = (query = '') =>
    h.request({
      method: 'GET',
      url: `/api/dashboards/service-overview/data${query}`,
      headers: viewer.headers,
    });
  const filtered = (filters: unknown) => data(`?${filtersQuery(filters)}`);

  it('runs every card of the published dashboard over its records', async () => {
    const res = await data('?locale=en');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: 'service-overview',
      title: OVERVIEW.title,
      refreshSeconds: 300,
      refreshedAt: h.clock.now().toISOString(),
    });
    const [pareto, csat] = res.body.cards;
    expect(pareto).toMatchObject({ report: 'category-pareto', x: 0, y: 0, w: 6, h: 4, error: null });
    expect(pareto.title).toEqual(OVERVIEW.cards[0]!.title);
    // Largest first: screen 5 of 8, then battery 2 (7 of 8), then noise 1.
    expect(pareto.result.rows).toEqual([
      { category: 'screen', complaints: 5, complaints_cumulative_share: 62.5 },
      { category: 'battery', complaints: 2, complaints_cumulative_share: 87.5 },
      { category: 'noise', complaints: 1, complaints_cumulative_share: 100 },
    ]);
    expect(pareto.result.labels.category).toMatchObject({ screen: 'Screen', battery: 'Battery' });
    expect(pareto.result.option.xAxis.data ?? pareto.result.option.xAxis[0].data).toEqual([
      'Screen',
      'Battery',
      'Noise',
    ]);
    expect(pareto.spec).toMatchObject({ key: 'category-pareto', version: 1, source: { form: 'complaint' } });

    // The card has no title of its own: the report's. s5 (00:30 on 1 Nov in Shanghai) counts in November.
    expect(csat).toMatchObject({ report: 'csat-monthly', title: { en: 'CSAT by month' }, error: null });
    expect(csatByMonth(csat)).toEqual({ '2026-10': 50, '2026-11': 75 });
    expect(csat.result.option).toEqual(expect.any(Object));
  });

  it('narrows each card by the period on its own createdAt, whole days in the reports’ zone', async () => {
    const november = await filtered({ period: { from: '2026-11-01' } });
    expect(countsOf(cardOf(november.body, 'category-pareto'))).toEqual({ screen: 2, battery: 1, noise: 1 });
    expect(csatByMonth(cardOf(november.body, 'csat-monthly'))).toEqual({ '2026-11': 75 });

    // "To 31 October" keeps c4, filed at 23:30 that evening.
    const october = await filtered({ period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(countsOf(cardOf(october.body, 'category-pareto'))).toEqual({ screen: 3, battery: 1 });
    expect(csatByMonth(cardOf(october.body, 'csat-monthly'))).toEqual({ '2026-10': 50 });
  });

  it('narrows by model on each report’s own field, and leaves a card without a channel alone', async () => {
    // Complaints filter `model`, surveys `product` (the filter's per-report field).
    const x100 = await filtered({ model: ['X100'] });
    expect(countsOf(cardOf(x100.body, 'category-pareto'))).toEqual({ screen: 3, battery: 1 });
    expect(csatByMonth(cardOf(x100.body, 'csat-monthly'))).toEqual({ '2026-10': 100, '2026-11': 100 });
    // Each card says how the filter was applied to it, so a click asks for the same records.
    expect(cardOf(x100.body, 'csat-monthly').sharedFilters).toEqual([
      { field: 'product', op: 'in', value: ['X100'] },
    ]);
    expect(cardOf(x100.body, 'category-pareto').sharedFilters).toEqual([
      { field: 'model', op: 'in', value: ['X100'] },
    ]);

    // Surveys have no channel: their card shows every survey still.
    const web = await filtered({ channel: ['web'] });
    expect(countsOf(cardOf(web.body, 'category-pareto'))).toEqual({ screen: 1, noise: 1 });
    expect(csatByMonth(cardOf(web.body, 'csat-monthly'))).toEqual({ '2026-10': 50, '2026-11': 75 });

    // Filters combine; an empty selection or an open range is no filter at all.
    const both = await filtered({ period: { to: '2026-10-31' }, model: ['X200'], channel: [] });
    expect(countsOf(cardOf(both.body, 'category-pareto'))).toEqual({ battery: 1, screen: 1 });
    expect(csatByMonth(cardOf(both.body, 'csat-monthly'))).toEqual({ '2026-10': 0 });
    const none = await filtered({ period: {}, model: null });
    expect(countsOf(cardOf(none.body, 'category-pareto'))).toEqual({ screen: 5, battery: 2, noise: 1 });
  });

  it('offers the models found in both reports’ records, and the channels the definition lists', async () => {
    const res = await data();
    expect(res.body.filters).toEqual([
      { key: 'period', kind: 'dateRange', label: { en: 'Period', 'zh-CN': '期间' }, options: [] },
      {
        key: 'model',
        kind: 'select',
        label: { en: 'Model', 'zh-CN': '型号' },
        // X900 has surveys only; each model once.
        options: ['X100', 'X200', 'X300', 'X900'],
      },
      { key: 'channel', kind: 'select', label: null, options: ['phone', 'web', 'store'] },
    ]);
    // The choices stay the whole list whatever is selected.
    const narrowed = await filtered({ model: ['X100'] });
    expect(narrowed.body.filters[1].options).toEqual(['X100', 'X200', 'X300', 'X900']);
  });

  it.each([
    ['not JSON', '{period:', '/filters', 'invalid-json'],
    ['not an object', '["X100"]', '/filters', 'invalid-filters'],
    ['an unknown filter', '{"team":["north"]}', '/filters/team', 'unknown-filter'],
    ['a date that is no day', '{"period":{"from":"2026-02-30"}}', '/filters/period/from', 'invalid-date'],
    ['a date with a time', '{"period":{"to":"2026-11-01T00:00:00Z"}}', '/filters/period/to', 'invalid-date'],
    [
      'from after to',
      '{"period":{"from":"2026-11-02","to":"2026-11-01"}}',
      '/filters/period/from',
      'range-reversed',
    ],
    ['a range given as a list', '{"period":["2026-11-01"]}', '/filters/period', 'invalid-date-range'],
    ['a selection given as text', '{"model":"X100"}', '/filters/model', 'invalid-selection'],
    ['an object among the values', '{"model":["X100",{"x":1}]}', '/filters/model/1', 'invalid-value'],
  ])('refuses %s with 422 naming the filter', async (_name, raw, path, code) => {
    const res = await data(`?filters=${encodeURIComponent(raw)}`);
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({ code, path, message: expect.any(String) }),
    ]);
  });

  it('refuses more than 500 selected values', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `M${i}`);
    const res = await h.request({
      method: 'POST',
      url: '/api/dashboards/query',
      headers: viewer.headers,
      payload: { dashboard: OVERVIEW, filters: { model: many } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({ path: '/filters/model', code: 'too-many-values' }),
    ]);
  });

  it('answers 404 for a dashboard without a published version', async () => {
    const res = await h.request({ method: 'GET', url: '/api/dashboards/nope/data', headers: viewer.headers });
    expect(res.status).toBe(404);
  });

  it('runs an unsaved dashboard with filters, and refuses an invalid one before running anything', async () => {
    // Only the CSAT card and the model filter: a filter may map only reports on the dashboard.
    const draft = {
      key: 'draft-view',
      title: { en: 'Draft' },
      filters: [OVERVIEW.filters[1]!],
      cards: [OVERVIEW.cards[1]!],
    };
    const res = await h.request({
      method: 'POST',
      url: '/api/dashboards/query',
      headers: viewer.headers,
      payload: { dashboard: draft, filters: { model: ['X200'] }, locale: 'zh-CN' },
    });
    expect(res.status).toBe(200);
    expect(res.body.cards).toHaveLength(1);
    // X200 surveys: October 2 → 0 %, November 4 and 1 → 50 %.
    expect(csatByMonth(res.body.cards[0])).toEqual({ '2026-10': 0, '2026-11': 50 });
    expect(res.body.cards[0].result.outputs[1].label['zh-CN']).toBe('客户满意度 CSAT');

    const before = await h.db.knex('events').count({ n: '*' });
    const bad = await h.request({
      method: 'POST',
      url: '/api/dashboards/query',
      headers: viewer.headers,
      payload: {
        dashboard: { ...draft, cards: [{ report: 'no-such-report', x: 0, y: 0, w: 13, h: 2 }] },
      },
    });
    expect(bad.status).toBe(422);
    const paths = bad.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('/cards/0/w');
    const missing = await h.request({
      method: 'POST',
      url: '/api/dashboards/query',
      headers: viewer.headers,
      payload: { filters: {} },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0].path).toBe('/dashboard');
    expect(await h.db.knex('events').count({ n: '*' })).toEqual(before);
  });

  it('reads selected values taken from the page address as text in the type of a numeric field', async () => {
    // A select filter on the surveys' rating: the viewer's choice arrives as text ("4", "5").
    const byRating = {
      key: 'by-rating',
      title: { en: 'By rating' },
      filters: [{ key: 'rating', kind: 'select', fields: { 'csat-monthly': 'rating' } }],
      cards: [OVERVIEW.cards[1]!],
    };
    const query = (rating: unknown[]) =>
      h.request({
        method: 'POST',
        url: '/api/dashboards/query',
        headers: viewer.headers,
        payload: { dashboard: byRating, filters: { rating } },
      });
    const asText = await query(['4', '5']);
    const asNumbers = await query([4, 5]);
    expect(asText.status).toBe(200);
    // Only the 4s and 5s are left: October s1 s2, November s5 s6 s8 — every one satisfied.
    expect(csatByMonth(asText.body.cards[0])).toEqual({ '2026-10': 100, '2026-11': 100 });
    expect(asText.body.cards[0].result.rows).toEqual(asNumbers.body.cards[0].result.rows);
  });

  it('shows why a card has no result while the other cards run', async () => {
    // A report still in draft can be placed on a dashboard, but has nothing published to run.
    const store = new DefinitionStore(h.runtime);
    await store.saveDraft('report', 'draft-only', { ...PARETO_REPORT, key: 'draft-only' }, 'admin');
    const dashboard = {
      ...OVERVIEW,
      key: 'with-gap',
      cards: [...OVERVIEW.cards, { report: 'draft-only', x: 0, y: 4, w: 12, h: 3 }],
    };
    await store.saveDraft('dashboard', 'with-gap', dashboard, 'admin');
    await store.publish('dashboard', 'with-gap', 'admin');
    const res = await h.request({
      method: 'GET',
      url: '/api/dashboards/with-gap/data',
      headers: viewer.headers,
    });
    expect(res.status).toBe(200);
    const gap = cardOf(res.body, 'draft-only');
    expect(gap).toMatchObject({ result: null, spec: null, title: null, error: { code: 'not-found' } });
    expect(gap.error!.message).toContain('draft-only');
    expect(countsOf(cardOf(res.body, 'category-pareto'))).toEqual({ screen: 5, battery: 2, noise: 1 });
    expect(csatByMonth(cardOf(res.body, 'csat-monthly'))).toEqual({ '2026-10': 50, '2026-11': 75 });
    // The answer with a failed card is the one the OpenAPI document describes.
    const check = responseChecker(buildOpenApi()).check(
      'GET',
      '/api/dashboards/with-gap/data',
      200,
      res.body,
    );
    expect(check.errors).toEqual([]);
  });

  it('confines an unexpected failure to its card, logged in full but not shown', async () => {
    // A stored report the engine can no longer compile (as after a bad hand edit of the database).
    const store = new DefinitionStore(h.runtime);
    await store.saveDraft('report', 'broken', { ...PARETO_REPORT, key: 'broken' }, 'admin');
    await store.publish('report', 'broken', 'admin');
    await h.db
      .knex('definitions')
      .where({ kind: 'report', key: 'broken', version: 1 })
      .update({
        body: JSON.stringify({ ...PARETO_REPORT, key: 'broken', measures: [{ kpi: 'gone', as: 'n' }] }),
      });
    const dashboard = {
      key: 'with-broken',
      title: { en: 'Broken' },
      cards: [
        { report: 'broken', x: 0, y: 0, w: 6, h: 3 },
        { report: 'category-pareto', x: 6, y: 0, w: 6, h: 3 },
      ],
    };
    await store.saveDraft('dashboard', dashboard.key, dashboard, 'admin');
    await store.publish('dashboard', dashboard.key, 'admin');
    const res = await h.request({
      method: 'GET',
      url: '/api/dashboards/with-broken/data',
      headers: viewer.headers,
    });
    expect(res.status).toBe(200);
    expect(cardOf(res.body, 'broken')).toMatchObject({
      result: null,
      error: { code: 'card-failed', message: 'This card could not be computed' },
    });
    expect(countsOf(cardOf(res.body, 'category-pareto'))).toEqual({ screen: 5, battery: 2, noise: 1 });
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'dashboard card failed', report: 'broken' }),
    );
  });

  it('is for report readers only', async () => {
    const anonymous = await h.request({ method: 'GET', url: '/api/dashboards/service-overview/data' });
    expect(anonymous.status).toBe(401);
    const engineer = await createUserAndLogin(h, { username: 'eng', roles: ['engineer'] });
    const refused = await h.request({
      method: 'GET',
      url: '/api/dashboards/service-overview/data',
      headers: engineer.headers,
    });
    expect(refused.status).toBe(403);
    const agent = await createUserAndLogin(h, { username: 'agent', roles: ['agent'] });
    const read = await h.request({
      method: 'GET',
      url: '/api/dashboards/service-overview/data',
      headers: agent.headers,
    });
    expect(read.status).toBe(200);
  });
});
