/**
 * The report routes on both databases: an ad-hoc spec runs with the values computed in SQL and the
 * chart option built from them, an invalid one is refused naming the field, a published report's
 * rows download as CSV that Excel reads (BOM, labels in the chosen language, escaped values).
 */
import { inject } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { useReportHarness } from './report-harness';

const COMPLAINT_FORM = {
  key: 'complaint',
  title: { 'zh-CN': '投诉', en: 'Complaint' },
  fields: [
    {
      key: 'category',
      type: 'select',
      label: { 'zh-CN': '类别', en: 'Category' },
      indexed: true,
      options: [
        { value: 'screen', label: { 'zh-CN': '屏幕', en: 'Screen' } },
        { value: 'battery', label: { 'zh-CN': '电池', en: 'Battery' } },
      ],
    },
    { key: 'subject', type: 'text', label: { 'zh-CN': '主题', en: 'Subject' } },
    { key: 'satisfaction', type: 'rating', label: { 'zh-CN': '评分', en: 'Rating' } },
    {
      key: 'device',
      type: 'section',
      label: { 'zh-CN': '设备', en: 'Device' },
      fields: [
        { key: 'serialNo', type: 'serial', label: { 'zh-CN': '序列号', en: 'Serial' }, indexed: true },
      ],
    },
  ],
};

const SUBJECTS = ['Screen, cracked', 'Says "dead"', 'line one\nline two', '屏幕闪烁', '=1+1'];

const REPORT = {
  key: 'by-subject',
  title: { en: 'By subject', 'zh-CN': '按主题' },
  source: { form: 'complaint' },
  dimensions: [{ field: 'subject', label: { en: 'Subject, text', 'zh-CN': '主题' } }],
  measures: [
    { op: 'count', as: 'n', label: { en: 'Tickets "all"', 'zh-CN': '工单数' } },
    { kpi: 'csat', field: 'satisfaction', as: 'csat' },
  ],
  sort: [{ by: 'subject' }],
};

async function seed(h: Harness): Promise<void> {
  const store = new DefinitionStore(h.runtime);
  await store.saveDraft('form', 'complaint', COMPLAINT_FORM, 'admin');
  await store.publish('form', 'complaint', 'admin');
  await store.saveDraft('report', REPORT.key, REPORT, 'admin');
  await store.publish('report', REPORT.key, 'admin');
  const at = Date.parse('2026-11-01T00:00:00Z');
  const rows = Array.from({ length: 20 }, (_, i) => ({
    id: `c${i}`,
    form_key: 'complaint',
    form_version: 1,
    revision: 1,
    team: i % 2 === 0 ? 'north' : 'south',
    data: JSON.stringify({
      category: i % 3 === 0 ? 'battery' : 'screen',
      subject: SUBJECTS[i % SUBJECTS.length],
      satisfaction: (i % 5) + 1,
    }),
    created_at: at + i * 3_600_000,
    updated_at: at + i * 3_600_000,
  }));
  await h.db.knex('records').insert(rows);
}

describe.each(DIALECTS)('report routes on %s', (dialect) => {
  let h: Harness;
  let viewer: TestLogin;
  useReportHarness(dialect, seed, (harness, login) => {
    h = harness;
    viewer = login;
  });

  it('runs an ad-hoc spec: rows computed in SQL and the chart option built from them', async () => {
    const spec = {
      key: 'adhoc',
      title: { en: 'Screens by team' },
      source: { form: 'complaint' },
      filters: [{ field: 'category', op: 'eq', value: 'screen' }],
      dimensions: [{ field: 'team' }],
      measures: [
        { op: 'count', as: 'n' },
        { kpi: 'csat', field: 'satisfaction', as: 'csat' },
      ],
      sort: [{ by: 'team' }],
      chart: { type: 'bar', x: 'team', y: 'n' },
    };
    const res = await h.request({
      headers: viewer.headers,
      method: 'POST',
      url: '/api/reports/query',
      payload: { spec, locale: 'zh-CN' },
    });
    expect(res.status).toBe(200);
    // i = 1..19 without multiples of 3: north (even) 2,4,8,10,14,16 → 6; south 1,5,7,11,13,17,19 → 7.
    expect(res.body.rows.map((r: { team: string; n: number }) => [r.team, r.n])).toEqual([
      ['north', 6],
      ['south', 7],
    ]);
    // Ratings (i % 5) + 1 ≥ 4 for i % 5 ∈ {3, 4}: north 4, 8, 14 → 3 of 6; south 13, 19 → 2 of 7.
    expect(res.body.rows[0].csat).toBeCloseTo(50, 9);
    expect(res.body.rows[1].csat).toBeCloseTo((2 / 7) * 100, 9);
    expect(res.body.outputs.map((o: { name: string }) => o.name)).toEqual(['team', 'n', 'csat', 'csat_mean']);
    expect(res.body.option.xAxis.data).toEqual(['north', 'south']);
    expect(
      res.body.option.series[0].data.map((d: unknown) =>
        typeof d === 'object' ? (d as { value: number }).value : d,
      ),
    ).toEqual([6, 7]);
  });

  it('refuses an invalid spec with 422 naming the bad field', async () => {
    const spec = { ...REPORT, key: 'bad', measures: [{ op: 'sum', field: 'nosuchfield', as: 'x' }] };
    const res = await h.request({
      headers: viewer.headers,
      method: 'POST',
      url: '/api/reports/query',
      payload: { spec },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('/measures/0/field');
    const missing = await h.request({
      headers: viewer.headers,
      method: 'POST',
      url: '/api/reports/query',
      payload: {},
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0].path).toBe('/spec');
  });

  it('serves a published report’s data, and 404 for an unknown one', async () => {
    const res = await h.request({
      headers: viewer.headers,
      method: 'GET',
      url: '/api/reports/by-subject/data',
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(SUBJECTS.length);
    expect(res.body.rows.every((r: { n: number }) => r.n === 4)).toBe(true);
    expect(res.body.option).toBeNull();
    const missing = await h.request({
      headers: viewer.headers,
      method: 'GET',
      url: '/api/reports/nope/data',
    });
    expect(missing.status).toBe(404);
  });

  it('downloads CSV with a BOM, labels in the chosen language and escaped values', async () => {
    // Injected directly for the raw bytes: the BOM must be EF BB BF on the wire.
    const res = await inject(h.runtime.app.callback(), {
      method: 'GET',
      url: '/api/reports/by-subject/data.csv',
      headers: viewer.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('by-subject.csv');
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('"Subject, text","Tickets ""all""",CSAT,Mean rating');
    // Sorted by subject: code-point order, as the engine sorts.
    const body = lines.slice(1).join('\r\n');
    expect(body).toContain('"Says ""dead""",4,');
    expect(body).toContain('"Screen, cracked",4,');
    expect(body).toContain('"line one\nline two",4,');
    expect(body).toContain("'=1+1,4,");
    expect(body).toContain('屏幕闪烁,4,');
    expect(text.endsWith('\r\n')).toBe(true);

    const zh = await h.request({
      headers: viewer.headers,
      method: 'GET',
      url: '/api/reports/by-subject/data.csv?locale=zh-CN',
    });
    expect(zh.text.charCodeAt(0)).toBe(0xfeff);
    expect(zh.text.slice(1).split('\r\n')[0]).toBe('主题,工单数,客户满意度 CSAT,平均评分');
  });
});
