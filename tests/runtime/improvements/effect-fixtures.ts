/**
 * @module Stored tickets, survey answers and improvement items around a go-live date, with known
 * answers: TV CSAT 60 % → 90 % over 50 answers each (significant), laptop CSAT 80 % → 82 % (not),
 * screen-fault FRT from 100–195 min down to 40–97 min over 20 tickets each (Mann–Whitney, exact), and
 * phone tickets outside every scope that would spoil the TV figures if the scope were ignored.
 * Rows are inserted as the runtime stores them, dated where the windows need them.
 */
import type { Knex } from 'knex';
import { MAX_OBSERVATIONS } from '../../../runtime/improvements/kpi-observations';

/** Go-live 2026-10-01 (Asia/Shanghai): before = 1–30 Sep, after = 1–30 Oct, both over by 24 Nov. */
export const GO_LIVE = '2026-10-01';
const BEFORE_DAY = Date.parse('2026-09-10T10:00:00+08:00');
const AFTER_DAY = Date.parse('2026-10-10T10:00:00+08:00');
const MINUTE = 60_000;

export const FRT_BEFORE = Array.from({ length: 20 }, (_, i) => 100 + 5 * i);
export const FRT_AFTER = Array.from({ length: 20 }, (_, i) => 40 + 3 * i);

interface Row {
  id: string;
  form_key: string;
  form_version: number;
  revision: number;
  data: string;
  created_at: number;
  updated_at: number;
  resolved_at?: number | null;
}

const row = (id: string, form: string, data: object, createdAt: number): Row => ({
  id,
  form_key: form,
  form_version: 1,
  revision: 1,
  data: JSON.stringify(data),
  created_at: createdAt,
  updated_at: createdAt,
});

const ticket = (extra: object) => ({
  customer: 'c-1',
  contactName: '张伟',
  channel: 'phone',
  priority: 'normal',
  model: 'A1',
  region: { province: '广东省', city: '深圳市' },
  description: 'test',
  ...extra,
});

/** Tickets with one survey answer each: `good` of `n` rated 5, the others 2. */
function answered(prefix: string, line: string, day: number, n: number, good: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const at = day + i * 10 * MINUTE;
    rows.push(
      row(`${prefix}-t${i}`, 'after-sales-ticket', ticket({ productLine: line, category: 'other' }), at),
    );
    rows.push(
      row(
        `${prefix}-s${i}`,
        'after-sales-survey',
        { ticket: `${prefix}-t${i}`, csat: i < good ? 5 : 2 },
        at + 60 * MINUTE,
      ),
    );
  }
  return rows;
}

function responded(prefix: string, day: number, minutes: number[], extra: object = {}): Row[] {
  return minutes.map((m, i) => {
    const at = day + i * 30 * MINUTE;
    return row(
      `${prefix}-${i}`,
      'after-sales-ticket',
      ticket({
        productLine: 'phone',
        category: 'screen',
        ...extra,
        firstResponseAt: new Date(at + m * MINUTE).toISOString(),
      }),
      at,
    );
  });
}

/** An improvement item (a complaint in the verify stage) with the given plan and execution values. */
export const improvement = (id: string, data: object): Row =>
  row(
    id,
    'after-sales-complaint',
    {
      customer: 'c-1',
      contactName: '张伟',
      complaintType: 'service',
      severity: 'major',
      description: 'test',
      goal: 'better',
      effectWindowDays: 30,
      ...data,
    },
    Date.parse('2026-09-01T09:00:00+08:00'),
  );

const BEIJING = { category: 'battery', region: { province: '北京市', city: '北京市' } };

export const ITEMS = {
  beijingFrt: improvement('imp-beijing', {
    kpi: 'frt',
    scopeProvince: '北京市',
    goLive: GO_LIVE,
    targetValue: 30,
    targetType: 'absolute',
  }),
  tvCsat: improvement('imp-tv', {
    kpi: 'csat',
    scopeProductLine: 'tv',
    goLive: GO_LIVE,
    targetValue: 20,
    targetType: 'absolute',
  }),
  laptopCsat: improvement('imp-laptop', {
    kpi: 'csat',
    scopeProductLine: 'laptop',
    goLive: GO_LIVE,
    targetValue: 1,
    targetType: 'absolute',
  }),
  screenFrt: improvement('imp-frt', {
    kpi: 'frt',
    scopeCategory: 'screen',
    goLive: GO_LIVE,
    targetValue: 20,
    targetType: 'relative',
  }),
  running: improvement('imp-running', {
    kpi: 'csat',
    scopeProductLine: 'tv',
    goLive: '2026-11-10',
    targetValue: 5,
    targetType: 'absolute',
  }),
  unplanned: improvement('imp-unplanned', { targetValue: 5, targetType: 'absolute' }),
  crowded: improvement('imp-crowded', {
    kpi: 'frt',
    scopeCategory: 'noise',
    goLive: GO_LIVE,
    targetValue: 10,
    targetType: 'relative',
  }),
};

/** As many noise tickets in the before window as a window may hold (every 4 minutes from 1 Sep). */
function crowdedBefore(count: number): Row[] {
  const first = Date.parse('2026-09-01T00:10:00+08:00');
  return Array.from({ length: count }, (_, i) =>
    row(
      `crowd-${i}`,
      'after-sales-ticket',
      ticket({
        productLine: 'tv',
        category: 'noise',
        firstResponseAt: new Date(first + i * 4 * MINUTE + 30 * MINUTE).toISOString(),
      }),
      first + i * 4 * MINUTE,
    ),
  );
}

export async function seedEffectRecords(knex: Knex): Promise<void> {
  const rows = [
    ...answered('tvb', 'tv', BEFORE_DAY, 50, 30),
    ...answered('tva', 'tv', AFTER_DAY, 50, 45),
    ...answered('lpb', 'laptop', BEFORE_DAY, 50, 40),
    ...answered('lpa', 'laptop', AFTER_DAY, 50, 41),
    // Outside the TV scope: all unhappy, after go-live.
    ...answered('phx', 'phone', AFTER_DAY, 20, 0),
    ...responded('frb', BEFORE_DAY, FRT_BEFORE),
    ...responded('fra', AFTER_DAY, FRT_AFTER),
    // Beijing battery tickets: the only ones a province scope of 北京市 may count.
    ...responded('bjb', BEFORE_DAY, [200, 210, 220], BEIJING),
    ...responded('bja', AFTER_DAY, [20, 30, 40], BEIJING),
    ...crowdedBefore(MAX_OBSERVATIONS),
    ...Object.values(ITEMS),
  ];
  for (let i = 0; i < rows.length; i += 100) await knex('records').insert(rows.slice(i, i + 100));
}
