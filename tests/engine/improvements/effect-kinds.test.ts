/**
 * @module Which KPI is verified how: every preset is decided (rate, time, score or none), directions
 * follow the presets (reopen rate and times lower, CES by its scale), and NPS scored per answer
 * averages to the NPS formula of the domain notes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_PRESETS } from '../../../engine';
import { effectKpiOf, KPI_EFFECT_KINDS, npsPoints, verifyEffect } from '../../../engine/improvements';
import type { KpiMeasure } from '../../../engine/reports';

describe('KPI effect kinds', () => {
  it('decides every KPI preset', () => {
    expect(Object.keys(KPI_EFFECT_KINDS).sort()).toEqual(Object.keys(KPI_PRESETS).sort());
  });

  it.each([
    [{ kpi: 'csat', as: 'c', field: 'rating' }, 'rate', 'higher'],
    [{ kpi: 'fcr', as: 'f', contacts: { field: 'contacts' } }, 'rate', 'higher'],
    [{ kpi: 'sla_attainment', as: 's' }, 'rate', 'higher'],
    [{ kpi: 'reopen_rate', as: 'r' }, 'rate', 'lower'],
    [{ kpi: 'recurrence', as: 'r', match: ['product'] }, 'rate', 'lower'],
    [{ kpi: 'frt', as: 'f', response: { event: 'reply' } }, 'time', 'lower'],
    [{ kpi: 'resolution_time', as: 'r' }, 'time', 'lower'],
    [{ kpi: 'aht', as: 'a', field: 'worked' }, 'time', 'lower'],
    [{ kpi: 'nps', as: 'n', field: 'nps' }, 'score', 'higher'],
    [{ kpi: 'ces', as: 'c', field: 'ces' }, 'score', 'higher'],
    [{ kpi: 'ces', as: 'c', field: 'ces', highMeans: 'effort' }, 'score', 'lower'],
  ] as const)('%o is verified as a %s, %s being better', (measure, kind, better) => {
    expect(effectKpiOf(measure as unknown as KpiMeasure)).toMatchObject({ kind, better });
  });

  it('has no effect test for backlog (a count at a moment) or Pareto (counts per category)', () => {
    expect(effectKpiOf({ kpi: 'backlog', as: 'b' } as KpiMeasure)).toBeNull();
    expect(effectKpiOf({ kpi: 'pareto', as: 'p' } as KpiMeasure)).toBeNull();
  });

  it('describes the observation to collect in both languages', () => {
    for (const info of Object.values(KPI_EFFECT_KINDS)) {
      if (info === null) continue;
      expect(info.observation.en).toBeTruthy();
      expect(info.observation['zh-CN']).toBeTruthy();
    }
  });
});

describe('NPS as a score', () => {
  it('the mean of the points is % of 9–10 minus % of 0–6 (DOMAIN.md)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (answers) => {
        const promoters = answers.filter((a) => a >= 9).length;
        const detractors = answers.filter((a) => a <= 6).length;
        const nps = ((promoters - detractors) / answers.length) * 100;
        const points = answers.map(npsPoints);
        expect(points.reduce((s, p) => s + p, 0) / points.length).toBeCloseTo(nps, 9);
      }),
    );
  });

  it('NPS 0 → 30 on 100 answers each (30/40/30 → 50/30/20 promoters/passives/detractors) is verified against +10', () => {
    // Values: NPS before (30 − 30)/100 × 100 = 0, after (50 − 20)/100 × 100 = 30. The rank test on three
    // tied levels: U(after) = 6050 of 10000, p = 0.00619 (scipy mannwhitneyu, asymptotic, continuity).
    const answers = (p: number, q: number, d: number) => [
      ...Array<number>(p).fill(10),
      ...Array<number>(q).fill(8),
      ...Array<number>(d).fill(3),
    ];
    const v = verifyEffect({
      kind: 'score',
      better: 'higher',
      before: answers(30, 40, 30).map(npsPoints),
      after: answers(50, 30, 20).map(npsPoints),
      target: { value: 10, type: 'absolute' },
    });
    expect(v.before.value).toBe(0);
    expect(v.after.value).toBe(30);
    expect(v.change.relative).toBeNull();
    expect('pValue' in v.test && v.test.statistic).toBe(6050);
    expect('pValue' in v.test && v.test.pValue).toBeCloseTo(0.00619177, 6);
    expect(v.verified).toBe(true);
  });
});
