/**
 * @module Weighted quality index: Σ weightᵢ × scoreᵢ ÷ Σ weightᵢ over other measures of the same report,
 * each scored 0–100 between the value the manager calls worst and the one called best. It reads the
 * rows the query returned (a `weighted_index` post step), so it needs nothing new in SQL and blends any
 * KPIs one report can compute — CSAT through the survey join, FCR, SLA attainment, FRT.
 *
 * Chosen rules: the weights must sum to 100 (the manager sets shares, "CSAT 30 %, FCR 25 %"), and a
 * component with no value in a row (no surveys that month) is left out with the remaining weights
 * re-scaled, so a missing KPI neither drags the index to 0 nor lifts it.
 */
import type { LocalizedText } from '../../issues/locale';
import type { KpiMeasureOf } from '../report-measure.schema';
import type { KpiPreset, KpiProblem } from './kpi-preset';
import { mainOutput } from './kpi-preset';

type QualityIndexMeasure = KpiMeasureOf<'quality_index'>;
type Component = QualityIndexMeasure['components'][number];

/** The sum the weights must reach, in percent. */
export const QUALITY_WEIGHT_TOTAL = 100;
/** Rounding slack for weights typed with decimals (33.3 + 33.3 + 33.4). */
const WEIGHT_TOLERANCE = 1e-6;

/** `30` → `0.30`, `12.5` → `0.125`: at least two decimals, no trailing noise. */
function weightText(weight: number): string {
  const exact = (weight / 100).toFixed(4).replace(/0+$/, '');
  const decimals = exact.split('.')[1] ?? '';
  return decimals.length >= 2 ? exact : (weight / 100).toFixed(2);
}

function formulaOf(components: readonly Component[]): LocalizedText {
  const sum = components.map((c) => `${weightText(c.weight)} × ${c.measure}`).join(' + ') || '…';
  const bounds = components.map((c) => `${c.measure} ${c.worst}→${c.best}`).join(', ');
  return {
    en:
      `Quality index (0–100) = ${sum}; each KPI scored 0–100 where it lies between its worst and best ` +
      `value${bounds ? ` (${bounds})` : ''}, clamped; a KPI without data in a row is left out and the ` +
      'other weights re-scaled to 100 %',
    'zh-CN':
      `质量指数（0–100）= ${sum}；各指标按其在最差值与最佳值之间的位置折算为 0–100 分` +
      `${bounds ? `（${bounds}）` : ''}并截断到该区间；某行无数据的指标不计入，其余权重按比例放大至 100%`,
  };
}

function check(m: QualityIndexMeasure, report: { measures: { as: string; kpi?: string }[] }, index: number) {
  const problems: KpiProblem[] = [];
  const components = m.components;
  const at = (j: number, key: keyof Component) => ['measures', index, 'components', j, key];
  const known = report.measures.filter((x) => x.kpi !== 'quality_index').map((x) => x.as);
  const seen = new Set<string>();
  components.forEach((c, j) => {
    const target = report.measures.find((x) => x.as === c.measure);
    if (c.measure === m.as) problems.push({ code: 'quality-index-self', tokens: at(j, 'measure') });
    else if (target === undefined)
      problems.push({
        code: 'quality-index-unknown-measure',
        tokens: at(j, 'measure'),
        params: { name: c.measure, known },
      });
    else if (target.kpi === 'quality_index')
      problems.push({ code: 'quality-index-nested', tokens: at(j, 'measure'), params: { name: c.measure } });
    if (seen.has(c.measure))
      problems.push({
        code: 'quality-index-duplicate-component',
        tokens: at(j, 'measure'),
        params: { name: c.measure },
      });
    seen.add(c.measure);
    if (c.worst === c.best)
      problems.push({ code: 'quality-index-flat-bounds', tokens: at(j, 'best'), params: { value: c.best } });
  });
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(total - QUALITY_WEIGHT_TOTAL) > WEIGHT_TOLERANCE)
    problems.push({
      code: 'quality-index-weights-not-100',
      tokens: ['measures', index, 'components'],
      params: { total: Number(total.toFixed(4)) },
    });
  return problems;
}

export const qualityIndexPreset: KpiPreset<'quality_index'> = {
  key: 'quality_index',
  label: { en: 'Weighted quality index', 'zh-CN': '加权质量指数' },
  format: 'number',
  // Measures built from a sample (the preset list's formula check) may carry no components yet.
  formula: (m) => formulaOf(m.components ?? []),
  better: () => 'higher',
  fieldInputs: () => [],
  check: (m, report, index) => check(m, report as { measures: { as: string; kpi?: string }[] }, index),
  compile(m) {
    return {
      measures: [],
      outputs: [{ ...mainOutput(this, m), computed: true }],
      post: [
        {
          step: 'weighted_index',
          as: m.as,
          components: m.components.map((c) => ({
            of: c.measure,
            weight: c.weight,
            worst: c.worst,
            best: c.best,
          })),
        },
      ],
    };
  },
};
