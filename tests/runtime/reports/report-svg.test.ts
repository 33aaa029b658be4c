/**
 * `GET /api/reports/:key/data.svg` on both databases: the published report's chart rendered on the
 * server from the option `/data` returns — the categories (choice options by their labels), the measure's
 * label in the chosen language, the counts
 * computed in SQL as bar labels; a report without a chart is 404; the same guards as `/data`.
 */
import { describe, expect, it } from 'vitest';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { useReportHarness } from './report-harness';

const FORM = {
  key: 'complaint',
  title: { 'zh-CN': '投诉', en: 'Complaint' },
  fields: [
    {
      key: 'category',
      type: 'select',
      label: { 'zh-CN': '类别', en: 'Category' },
      options: [
        { value: 'screen', label: { 'zh-CN': '屏幕', en: 'Screen' } },
        { value: 'battery', label: { 'zh-CN': '电池', en: 'Battery' } },
      ],
    },
  ],
};

const CHARTED = {
  key: 'by-category',
  title: { en: 'By category', 'zh-CN': '按类别' },
  source: { form: 'complaint' },
  dimensions: [{ field: 'category' }],
  measures: [{ op: 'count', as: 'n', label: { en: 'Tickets', 'zh-CN': '工单数' } }],
  sort: [{ by: 'category' }],
  chart: { type: 'bar', x: 'category', y: 'n' },
};

const { chart: _chart, ...UNCHARTED_BODY } = CHARTED;
const UNCHARTED = { ...UNCHARTED_BODY, key: 'by-category-rows' };

async function seed(h: Harness): Promise<void> {
  const store = new DefinitionStore(h.runtime);
  for (const [kind, body] of [
    ['form', FORM],
    ['report', CHARTED],
    ['report', UNCHARTED],
  ] as const) {
    await store.saveDraft(kind, body.key, body, 'admin');
    await store.publish(kind, body.key, 'admin');
  }
  const at = Date.parse('2026-11-01T00:00:00Z');
  // i = 0..19: multiples of 3 are batteries (7), the rest screens (13).
  await h.db.knex('records').insert(
    Array.from({ length: 20 }, (_, i) => ({
      id: `c${i}`,
      form_key: 'complaint',
      form_version: 1,
      revision: 1,
      data: JSON.stringify({ category: i % 3 === 0 ? 'battery' : 'screen' }),
      created_at: at + i * 3_600_000,
      updated_at: at + i * 3_600_000,
    })),
  );
}

const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe.each(DIALECTS)('report SVG on %s', (dialect) => {
  let h: Harness;
  let viewer: TestLogin;
  useReportHarness(dialect, seed, (harness, login) => {
    h = harness;
    viewer = login;
  });

  it('renders the chart on the server with the labels and the values computed in SQL', async () => {
    const res = await h.request({
      method: 'GET',
      url: '/api/reports/by-category/data.svg?locale=zh-CN&width=640&height=360',
      headers: viewer.headers,
    });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^image\/svg\+xml/);
    expect(res.text).toMatch(/^<svg[^>]*width="640"[^>]*height="360"/);
    expect(res.text).toMatch(/<path|<rect/);
    const texts = labels(res.text);
    // The categories by their option labels, the measure's label in Chinese, the SQL counts.
    expect(texts).toEqual(expect.arrayContaining(['屏幕', '电池', '工单数', '13', '7']));
    expect(texts).not.toContain('screen');

    const english = await h.request({
      method: 'GET',
      url: '/api/reports/by-category/data.svg',
      headers: viewer.headers,
    });
    expect(english.status).toBe(200);
    expect(english.text).toMatch(/width="800"/);
    expect(labels(english.text)).toEqual(expect.arrayContaining(['Screen', 'Battery', 'Tickets', '13']));
  });

  it('is 404 without a chart or a report, 422 for a bad size, 401 when signed out', async () => {
    const get = (url: string, headers: Record<string, string> = viewer.headers) =>
      h.request({ method: 'GET', url, headers });
    expect((await get('/api/reports/by-category-rows/data.svg')).status).toBe(404);
    expect((await get('/api/reports/by-category-rows/data')).status).toBe(200);
    expect((await get('/api/reports/missing/data.svg')).status).toBe(404);
    const bad = await get('/api/reports/by-category/data.svg?width=5');
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('/width');
    expect((await get('/api/reports/by-category/data.svg', {})).status).toBe(401);
  });
});
