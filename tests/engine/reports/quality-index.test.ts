/**
 * The weighted quality index on constructed tickets with hand-computed answers: CSAT, FCR and FRT per
 * fault category, each scored between the manager's worst and best value, blended 40 / 35 / 25; a
 * category without surveys re-scales the other weights, one without any data has no index; the
 * declared formula lists the weights in both languages.
 */
import { describe, expect, it } from 'vitest';
import { compileReport } from '../../../engine/reports/compile-report';
import { evaluatePlan, type PlanRecord } from '../../../engine/reports/evaluate-plan';
import { componentScore, postProcess } from '../../../engine/reports/post-process';
import type { ReportDefinition } from '../../../engine/reports/report-definition.schema';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';

const { lookup } = reportContext(SERVICE_FORMS);
const CREATED = '2025-03-01T01:00:00.000Z';
const after = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000).toISOString();

const SPEC: ReportDefinition = {
  key: 'quality',
  title: { en: 'Quality' },
  source: { form: 'ticket' },
  dimensions: [{ field: 'category' }],
  measures: [
    { kpi: 'csat', field: 'satisfaction', as: 'csat' },
    { kpi: 'fcr', contacts: { field: 'contacts' }, as: 'fcr' },
    { kpi: 'frt', response: { field: 'firstResponseAt' }, as: 'frt' },
    {
      kpi: 'quality_index',
      as: 'quality',
      components: [
        { measure: 'csat', weight: 40, worst: 50, best: 100 },
        { measure: 'fcr', weight: 35, worst: 40, best: 90 },
        // Lower is better: 120 minutes scores 0, an instant answer 100.
        { measure: 'frt', weight: 25, worst: 120, best: 0 },
      ],
    },
  ],
  sort: [{ by: 'category' }],
};

let seq = 0;
function ticket(category: string, data: Record<string, unknown>, resolved = true): PlanRecord {
  seq += 1;
  return {
    id: `t${seq}`,
    form: 'ticket',
    createdAt: CREATED,
    resolvedAt: resolved ? after(600) : null,
    customer: `c${seq}`,
    data: { category, ...data },
  };
}

const records = [
  // screen: CSAT 3 of 4 ratings ≥ 4 = 75 % → (75 − 50) ÷ 50 = 50 points; FCR 3 of 4 with one contact
  // = 75 % → (75 − 40) ÷ 50 = 70; FRT mean (30 + 60 + 90 + 60) ÷ 4 = 60 min → (60 − 120) ÷ −120 = 50.
  ticket('screen', { satisfaction: 5, contacts: 1, firstResponseAt: after(30) }),
  ticket('screen', { satisfaction: 5, contacts: 1, firstResponseAt: after(60) }),
  ticket('screen', { satisfaction: 4, contacts: 2, firstResponseAt: after(90) }),
  ticket('screen', { satisfaction: 2, contacts: 1, firstResponseAt: after(60) }),
  // battery: no survey; FCR 100 % → 120 % of the range, clamped to 100; FRT 210 min → clamped to 0.
  ticket('battery', { contacts: 1, firstResponseAt: after(180) }),
  ticket('battery', { contacts: 1, firstResponseAt: after(240) }),
  // noise: open, unanswered, no response yet: no KPI has data.
  ticket('noise', {}, false),
];

describe('weighted quality index', () => {
  const plan = compileReport(SPEC, { fields: lookup });
  const rows = evaluatePlan(plan, { records });
  const row = (category: string) => rows.find((r) => r.category === category)!;

  it('blends the KPIs of a row by their weights: 0.40 × 50 + 0.35 × 70 + 0.25 × 50 = 57', () => {
    expect(row('screen').csat).toBe(75);
    expect(row('screen').fcr).toBe(75);
    expect(row('screen').frt).toBe(60);
    expect(row('screen').quality).toBeCloseTo(57, 9);
  });

  it('leaves out a KPI without data and re-scales the rest: (35 × 100 + 25 × 0) ÷ 60 = 58.33', () => {
    expect(row('battery').csat).toBeNull();
    expect(row('battery').fcr).toBe(100);
    expect(row('battery').frt).toBe(210);
    expect(row('battery').quality).toBeCloseTo(3500 / 60, 9);
  });

  it('has no index (not 0) where no component has data', () => {
    expect(row('noise').quality).toBeNull();
  });

  it('scores each KPI between worst and best, clamped, for either direction', () => {
    expect(componentScore(75, { worst: 50, best: 100 })).toBe(50);
    expect(componentScore(30, { worst: 50, best: 100 })).toBe(0);
    expect(componentScore(110, { worst: 50, best: 100 })).toBe(100);
    expect(componentScore(30, { worst: 120, best: 0 })).toBe(75);
    expect(componentScore(300, { worst: 120, best: 0 })).toBe(0);
  });

  it('is computed after the query: no SQL measure, a computed output with its direction', () => {
    expect(plan.measures.map((m) => m.name)).not.toContain('quality');
    const output = plan.outputs.find((o) => o.name === 'quality')!;
    expect(output).toMatchObject({ role: 'measure', format: 'number', kpi: 'quality_index', computed: true });
    expect(output.better).toBe('higher');
    // The same post step over rows as the runtime returns them (numbers as PostgreSQL's text included).
    expect(postProcess(plan, [{ category: 'x', csat: '75', fcr: 75, frt: null }])[0]!.quality).toBeCloseTo(
      (40 * 50 + 35 * 70) / 75,
      9,
    );
  });

  it('declares its formula with the weights and bounds, in both languages', () => {
    const formula = plan.outputs.find((o) => o.name === 'quality')!.formula!;
    expect(formula.en).toContain('0.40 × csat + 0.35 × fcr + 0.25 × frt');
    expect(formula.en).toContain('frt 120→0');
    expect(formula.en).toContain('left out and the other weights re-scaled');
    expect(formula['zh-CN']).toContain('0.40 × csat + 0.35 × fcr + 0.25 × frt');
    expect(formula['zh-CN']).toContain('其余权重按比例放大');
  });
});
