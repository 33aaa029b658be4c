/**
 * @module Pareto: count per category (the report's one dimension), largest first, with the cumulative
 * share of the total — computed by `postProcess` over the rows, as the plan declares.
 */
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';

export const paretoPreset: KpiPreset<'pareto'> = {
  key: 'pareto',
  label: { en: 'Count', 'zh-CN': '数量' },
  format: 'integer',
  formula: () => ({
    en: 'Count per category, largest first; cumulative share = running total ÷ grand total × 100 %',
    'zh-CN': '按类别计数并从大到小排列；累计占比 = 累计数 ÷ 总数 × 100%',
  }),
  better: () => 'lower',
  fieldInputs: () => [],
  check: (_m, report, index) =>
    (report.dimensions ?? []).length === 1 && report.dimensions![0]!.grain === undefined
      ? []
      : [{ code: 'pareto-needs-one-dimension', tokens: ['measures', index, 'kpi'] }],
  compile(m) {
    const share = `${m.as}_cumulative_share`;
    return {
      measures: [{ name: m.as, expr: { fn: 'count' } }],
      outputs: [
        mainOutput(this, m),
        {
          name: share,
          role: 'measure',
          label: { en: 'Cumulative share', 'zh-CN': '累计占比' },
          format: 'percent',
          kpi: 'pareto',
          formula: { en: 'Running total ÷ grand total × 100 %', 'zh-CN': '累计数 ÷ 总数 × 100%' },
          computed: true,
        },
      ],
      post: [{ step: 'cumulative_share', of: m.as, as: share }],
      orderBy: [{ name: m.as, direction: 'desc' }],
    };
  },
};
