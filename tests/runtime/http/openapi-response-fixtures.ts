/**
 * @module What the OpenAPI response suite drives the runtime with: the engine tour's app bundle, a
 * ticket's values, a new definition of every kind, and a webhook receiver that fails once per delivery.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredKind } from '../../../runtime/definitions/definition-store';

export const TOUR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
);

export const ticket = (
  customer: string,
  model: string,
  category: string,
  extra: Record<string, unknown> = {},
) => ({
  data: {
    customer,
    tier: 'standard',
    priority: 'normal',
    channel: 'phone',
    model,
    category,
    detail: 'x',
    ...extra,
  },
});

/** A new definition of each kind, valid against the tour's stored parts. */
export const NEW_DEFINITIONS: Record<StoredKind, Record<string, unknown>> = {
  form: { ...TOUR.forms[1], key: 'rd-task-copy' },
  flow: { ...TOUR.flows[0], key: 'ticket-sop-copy' },
  rule: { ...TOUR.rules[0], key: 'screen-threshold-copy', enabled: false },
  report: { ...TOUR.reports[0], key: 'category-pareto-copy' },
  dashboard: {
    key: 'overview',
    title: { 'zh-CN': '总览', en: 'Overview' },
    cards: [{ report: 'category-pareto', x: 0, y: 0, w: 12, h: 4 }],
  },
  calendar: {
    key: 'day-shift',
    title: { 'zh-CN': '白班', en: 'Day shift' },
    timezone: 'Asia/Shanghai',
    week: {
      mon: [['09:00', '18:00']],
      tue: [['09:00', '18:00']],
      wed: [['09:00', '18:00']],
      thu: [['09:00', '18:00']],
      fri: [['09:00', '18:00']],
      sat: [],
      sun: [],
    },
  },
};

/** A receiver that fails the first time it sees a delivery and accepts it afterwards. */
export function flakyReceiver() {
  const seen = new Set<string>();
  return async (_url: string, init: RequestInit) => {
    const id = (init.headers as Record<string, string>)['X-Closedloop-Delivery']!;
    const first = !seen.has(id);
    seen.add(id);
    return new Response(first ? 'busy' : 'ok', { status: first ? 503 : 200 });
  };
}
