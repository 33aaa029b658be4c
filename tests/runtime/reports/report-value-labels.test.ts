/**
 * Choice-field dimensions on both databases: the chart option and the CSV show the option labels in the
 * reader's language (`Accept-Language`, or an explicit `locale`), while the rows keep the raw option
 * values that a drill-down into records needs, with the labels beside them. People (the assignee) are
 * shown by name the same way, their ids kept in the rows.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../runtime/auth/users';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { useReportHarness } from './report-harness';

const FORM = {
  key: 'ticket',
  title: { 'zh-CN': '工单', en: 'Ticket' },
  fields: [
    {
      key: 'category',
      type: 'select',
      label: { 'zh-CN': '类别', en: 'Category' },
      options: [
        { value: 'screen', label: { 'zh-CN': '屏幕', en: 'Screen' } },
        { value: 'battery', label: { 'zh-CN': '电池', en: 'Battery' } },
        { value: 'noise', label: { 'zh-CN': '噪音' } },
      ],
    },
  ],
};

const REPORT = {
  key: 'tickets-by-category',
  title: { en: 'By category', 'zh-CN': '按类别' },
  source: { form: 'ticket' },
  dimensions: [{ field: 'category', label: { en: 'Category', 'zh-CN': '类别' } }],
  measures: [{ op: 'count', as: 'n', label: { en: 'Tickets', 'zh-CN': '工单数' } }],
  sort: [{ by: 'category' }],
  chart: { type: 'bar', x: 'category', y: 'n' },
};

async function seed(h: Harness): Promise<void> {
  const store = new DefinitionStore(h.runtime);
  for (const [kind, body] of [
    ['form', FORM],
    ['report', REPORT],
  ] as const) {
    await store.saveDraft(kind, body.key, body, 'admin');
    await store.publish(kind, body.key, 'admin');
  }
  const wang = await createUser(h.runtime, {
    username: 'wang',
    displayName: 'Wang Wei 王伟',
    password: 'correct horse battery',
    roles: ['agent'],
  });
  const li = await createUser(h.runtime, {
    username: 'li',
    password: 'correct horse battery',
    roles: ['agent'],
  });
  // i % 3 === 0 → Wang (4), i % 3 === 1 → li (4), else nobody (4).
  const assigneeOf = (i: number) => (i % 3 === 0 ? wang.id : i % 3 === 1 ? li.id : null);
  const at = Date.parse('2026-11-01T00:00:00Z');
  // i = 0..11: i % 4 === 0 → battery (3), i % 4 === 1 → noise (3), else screen (6).
  const categoryOf = (i: number) => (i % 4 === 0 ? 'battery' : i % 4 === 1 ? 'noise' : 'screen');
  await h.db.knex('records').insert(
    Array.from({ length: 12 }, (_, i) => ({
      id: `t${i}`,
      form_key: 'ticket',
      form_version: 1,
      revision: 1,
      data: JSON.stringify({ category: categoryOf(i) }),
      assignee: assigneeOf(i),
      created_at: at + i * 3_600_000,
      updated_at: at + i * 3_600_000,
    })),
  );
}

describe.each(DIALECTS)('choice-field labels in reports on %s', (dialect) => {
  let h: Harness;
  let viewer: TestLogin;
  useReportHarness(dialect, seed, (harness, login) => {
    h = harness;
    viewer = login;
  });

  const query = (acceptLanguage: string) =>
    h.request({
      method: 'POST',
      url: '/api/reports/query',
      headers: { ...viewer.headers, 'accept-language': acceptLanguage },
      payload: { spec: REPORT },
    });

  it('shows option labels in the Accept-Language language on the chart, raw values in the rows', async () => {
    const en = await query('en-GB,en;q=0.9');
    expect(en.status).toBe(200);
    expect(en.body.rows).toEqual([
      { category: 'battery', n: 3 },
      { category: 'noise', n: 3 },
      { category: 'screen', n: 6 },
    ]);
    // `noise` has no English label: the Chinese one stands in.
    expect(en.body.option.xAxis.data).toEqual(['Battery', '噪音', 'Screen']);
    expect(en.body.labels).toEqual({ category: { screen: 'Screen', battery: 'Battery', noise: '噪音' } });

    const zh = await query('zh-CN,zh;q=0.9');
    expect(zh.status).toBe(200);
    expect(zh.body.rows.map((r: { category: string }) => r.category)).toEqual(['battery', 'noise', 'screen']);
    expect(zh.body.option.xAxis.data).toEqual(['电池', '噪音', '屏幕']);
    expect(zh.body.labels.category.screen).toBe('屏幕');
  });

  it('shows the assignee by display name (else username), ids kept in the rows', async () => {
    const spec = {
      ...REPORT,
      key: 'tickets-by-assignee',
      dimensions: [{ field: 'assignee', label: { en: 'Agent', 'zh-CN': '处理人' } }],
      sort: [{ by: 'n', direction: 'desc' }],
      chart: { type: 'bar', x: 'assignee', y: 'n' },
    };
    const res = await h.request({
      method: 'POST',
      url: '/api/reports/query',
      headers: viewer.headers,
      payload: { spec },
    });
    expect(res.status).toBe(200);
    const ids = await h.db.knex('users').whereIn('username', ['wang', 'li']).select('id', 'username');
    const idOf = (name: string) => ids.find((u: { username: string }) => u.username === name)!.id as string;
    expect(res.body.labels.assignee).toEqual({ [idOf('wang')]: 'Wang Wei 王伟', [idOf('li')]: 'li' });
    expect(new Set(res.body.rows.map((r: { assignee: string | null }) => r.assignee))).toEqual(
      new Set([idOf('wang'), idOf('li'), null]),
    );
    expect(res.body.option.xAxis.data).toEqual(expect.arrayContaining(['Wang Wei 王伟', 'li']));
    expect(res.body.option.xAxis.data.join(' ')).not.toContain(idOf('wang'));
  });

  it('lets an explicit locale win over Accept-Language', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/reports/query',
      headers: { ...viewer.headers, 'accept-language': 'zh-CN' },
      payload: { spec: REPORT, locale: 'en' },
    });
    expect(res.body.option.xAxis.data).toEqual(['Battery', '噪音', 'Screen']);
  });

  it('writes the CSV with the option labels in the same language', async () => {
    const csv = async (headers: Record<string, string>, url = `/api/reports/${REPORT.key}/data.csv`) => {
      const res = await h.request({ method: 'GET', url, headers: { ...viewer.headers, ...headers } });
      expect(res.status).toBe(200);
      return res.text.slice(1).split('\r\n');
    };
    expect(await csv({ 'accept-language': 'en' })).toEqual([
      'Category,Tickets',
      'Battery,3',
      '噪音,3',
      'Screen,6',
      '',
    ]);
    expect(await csv({ 'accept-language': 'zh-CN' })).toEqual([
      '类别,工单数',
      '电池,3',
      '噪音,3',
      '屏幕,6',
      '',
    ]);
    expect((await csv({}, `/api/reports/${REPORT.key}/data.csv?locale=zh-CN`))[3]).toBe('屏幕,6');

    const data = await h.request({
      method: 'GET',
      url: `/api/reports/${REPORT.key}/data`,
      headers: { ...viewer.headers, 'accept-language': 'zh-CN' },
    });
    expect(data.body.rows[2]).toEqual({ category: 'screen', n: 6 });
    expect(data.body.option.xAxis.data).toEqual(['电池', '噪音', '屏幕']);
  });
});
