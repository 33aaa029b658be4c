/**
 * @module What the dashboard suites run over: complaints and satisfaction surveys in October and
 * November 2026 (Asia/Shanghai, the reports' default zone), a Pareto of complaint categories, a
 * monthly CSAT line, and the "service overview" dashboard with three shared filters — a period on
 * `createdAt`, the product model (`model` on complaints, `product` on surveys) and the channel, which
 * only the complaints have. Expected numbers are worked out beside the records.
 */
import type { Harness } from '../../helpers/runtime-harness';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const COMPLAINT_FORM = {
  key: 'complaint',
  title: label('Complaint', '投诉'),
  fields: [
    {
      key: 'category',
      type: 'select',
      label: label('Category', '类别'),
      options: [
        { value: 'screen', label: label('Screen', '屏幕') },
        { value: 'battery', label: label('Battery', '电池') },
        { value: 'noise', label: label('Noise', '噪音') },
      ],
    },
    { key: 'model', type: 'text', label: label('Model', '型号') },
    {
      key: 'channel',
      type: 'select',
      label: label('Channel', '渠道'),
      options: [
        { value: 'phone', label: label('Phone', '电话') },
        { value: 'web', label: label('Web', '网页') },
      ],
    },
  ],
};

export const SURVEY_FORM = {
  key: 'survey',
  title: label('Satisfaction survey', '满意度回访'),
  fields: [
    { key: 'product', type: 'text', label: label('Product', '产品') },
    { key: 'rating', type: 'rating', label: label('Rating', '评分') },
  ],
};

export const PARETO_REPORT = {
  key: 'category-pareto',
  title: label('Complaint categories', '投诉类别帕累托'),
  source: { form: 'complaint' },
  dimensions: [{ field: 'category' }],
  measures: [{ kpi: 'pareto', as: 'complaints' }],
  chart: { type: 'pareto', x: 'category', y: 'complaints', cumulative: 'complaints_cumulative_share' },
};

export const CSAT_REPORT = {
  key: 'csat-monthly',
  title: label('CSAT by month', '月度满意度'),
  source: { form: 'survey' },
  dimensions: [{ field: 'createdAt', grain: 'month', as: 'month' }],
  measures: [{ kpi: 'csat', field: 'rating', as: 'csat' }],
  sort: [{ by: 'month' }],
  chart: { type: 'line', x: 'month', y: 'csat' },
};

export const OVERVIEW = {
  key: 'service-overview',
  title: label('Service overview', '服务总览'),
  refreshSeconds: 300,
  filters: [
    { key: 'period', kind: 'dateRange', label: label('Period', '期间'), field: 'createdAt' },
    {
      key: 'model',
      kind: 'select',
      label: label('Model', '型号'),
      field: 'model',
      fields: { 'csat-monthly': 'product' },
    },
    // Only complaints have a channel: the CSAT card is left alone by this filter.
    {
      key: 'channel',
      kind: 'select',
      fields: { 'category-pareto': 'channel' },
      options: ['phone', 'web', 'store'],
    },
  ],
  cards: [
    {
      report: 'category-pareto',
      x: 0,
      y: 0,
      w: 6,
      h: 4,
      title: label('What customers complain about', '客户投诉什么'),
    },
    { report: 'csat-monthly', x: 6, y: 0, w: 6, h: 4 },
  ],
};

/** Shanghai wall time → epoch ms. */
const at = (local: string) => Date.parse(`${local}+08:00`);

/**
 * Complaints: screen 5 (c1 c2 c4 c5 c8), battery 2 (c3 c7), noise 1 (c6). c4 is late on 31 October
 * in Shanghai (still October there, though 15:30 UTC).
 */
export const COMPLAINTS: [id: string, category: string, model: string, channel: string, createdAt: string][] =
  [
    ['c1', 'screen', 'X100', 'phone', '2026-10-10T10:00:00'],
    ['c2', 'screen', 'X100', 'web', '2026-10-12T10:00:00'],
    ['c3', 'battery', 'X200', 'phone', '2026-10-15T10:00:00'],
    ['c4', 'screen', 'X200', 'phone', '2026-10-31T23:30:00'],
    ['c5', 'screen', 'X100', 'phone', '2026-11-03T10:00:00'],
    ['c6', 'noise', 'X300', 'web', '2026-11-05T10:00:00'],
    ['c7', 'battery', 'X100', 'phone', '2026-11-10T10:00:00'],
    ['c8', 'screen', 'X300', 'phone', '2026-11-12T10:00:00'],
  ];

/**
 * Surveys. October: 5, 4, 2, 3 → 2 of 4 at 4–5 = 50 %. November: 5, 4, 1, 5 → 3 of 4 = 75 %; s5 is
 * just after midnight on 1 November in Shanghai (still 31 October in UTC). X900 has surveys only.
 */
export const SURVEYS: [id: string, product: string, rating: number, createdAt: string][] = [
  ['s1', 'X100', 5, '2026-10-05T10:00:00'],
  ['s2', 'X100', 4, '2026-10-20T10:00:00'],
  ['s3', 'X200', 2, '2026-10-21T10:00:00'],
  ['s4', 'X900', 3, '2026-10-22T10:00:00'],
  ['s5', 'X100', 5, '2026-11-01T00:30:00'],
  ['s6', 'X200', 4, '2026-11-06T10:00:00'],
  ['s7', 'X200', 1, '2026-11-07T10:00:00'],
  ['s8', 'X300', 5, '2026-11-08T10:00:00'],
];

async function publish(store: DefinitionStore, kind: 'form' | 'report' | 'dashboard', body: { key: string }) {
  await store.saveDraft(kind, body.key, body as unknown as Record<string, unknown>, 'admin');
  await store.publish(kind, body.key, 'admin');
}

/** Publishes the forms, the two reports and the overview, and stores the records. */
export async function seedOverview(h: Harness): Promise<void> {
  const store = new DefinitionStore(h.runtime);
  await publish(store, 'form', COMPLAINT_FORM);
  await publish(store, 'form', SURVEY_FORM);
  await publish(store, 'report', PARETO_REPORT);
  await publish(store, 'report', CSAT_REPORT);
  await publish(store, 'dashboard', OVERVIEW);
  const row = (id: string, form: string, data: Record<string, unknown>, local: string) => ({
    id,
    form_key: form,
    form_version: 1,
    revision: 1,
    data: JSON.stringify(data),
    created_at: at(local),
    updated_at: at(local),
  });
  await h.db
    .knex('records')
    .insert([
      ...COMPLAINTS.map(([id, category, model, channel, time]) =>
        row(id, 'complaint', { category, model, channel }, time),
      ),
      ...SURVEYS.map(([id, product, rating, time]) => row(id, 'survey', { product, rating }, time)),
    ]);
}

interface Card {
  report: string;
  result: { rows: Record<string, unknown>[] } | null;
  error: { code: string; message: string } | null;
  sharedFilters: unknown[] | null;
}

/** The card of `report` in a DashboardData answer. */
export const cardOf = (body: { cards: Card[] }, report: string): Card => {
  const card = body.cards.find((c) => c.report === report);
  if (!card) throw new Error(`no card of ${report}`);
  return card;
};

/** A Pareto card's counts by category. */
export const countsOf = (card: Card) =>
  Object.fromEntries((card.result?.rows ?? []).map((r) => [r.category, r.complaints]));

/** A CSAT card's share by month (`2026-10`). */
export const csatByMonth = (card: Card) =>
  Object.fromEntries((card.result?.rows ?? []).map((r) => [String(r.month).slice(0, 7), r.csat]));

/** `?filters=` for a URL. */
export const filtersQuery = (filters: unknown) => `filters=${encodeURIComponent(JSON.stringify(filters))}`;
