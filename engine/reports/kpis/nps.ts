/** @module NPS: % promoters (9–10) minus % detractors (0–6) over 0–10 answers, −100 … 100. */
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';

export const npsPreset: KpiPreset<'nps'> = {
  key: 'nps',
  label: { en: 'NPS', 'zh-CN': '净推荐值 NPS' },
  format: 'number',
  formula: () => ({
    en: '(answers 9–10 − answers 0–6) ÷ all 0–10 answers × 100, from −100 to 100',
    'zh-CN': '（9–10 分人数 − 0–6 分人数）÷ 全部 0–10 分作答人数 × 100，取值 −100 至 100',
  }),
  better: () => 'higher',
  fieldInputs: (m) => [
    { tokens: ['field'], field: m.field, expects: { types: ['nps'], describe: 'NPS question (0–10)' } },
  ],
  compile(m, b) {
    const score = b.field(m.field, 'number');
    const promoters = { fn: 'count_if', cond: { op: 'gte', left: score, right: { value: 9 } } } as const;
    const detractors = { fn: 'count_if', cond: { op: 'lte', left: score, right: { value: 6 } } } as const;
    return {
      measures: [
        {
          name: m.as,
          expr: {
            op: 'multiply',
            args: [
              {
                op: 'divide',
                args: [
                  { op: 'subtract', args: [promoters, detractors] },
                  { op: 'nullif', args: [{ fn: 'count', arg: score }, { value: 0 }] },
                ],
              },
              { value: 100 },
            ],
          },
        },
      ],
      outputs: [mainOutput(this, m)],
    };
  },
};
