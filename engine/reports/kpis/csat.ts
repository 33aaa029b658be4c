/** @module CSAT: share of 4–5 ratings on the 1–5 scale, with the mean rating as a second output. */
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { percentOf } from './kpi-expressions';

export const csatPreset: KpiPreset<'csat'> = {
  key: 'csat',
  label: { en: 'CSAT', 'zh-CN': '客户满意度 CSAT' },
  format: 'percent',
  formula: () => ({
    en: 'Share of ratings 4–5 among all answered 1–5 ratings × 100 %; the mean rating is shown beside it',
    'zh-CN': '评分为 4–5 分的份数 ÷ 全部作答的 1–5 分评分份数 × 100%，并附平均分',
  }),
  better: () => 'higher',
  fieldInputs: (m) => [
    { tokens: ['field'], field: m.field, expects: { types: ['rating'], describe: 'rating (1–5)' } },
  ],
  compile(m, b) {
    const rating = b.field(m.field, 'number');
    return {
      measures: [
        {
          name: m.as,
          expr: percentOf(
            { fn: 'count_if', cond: { op: 'gte', left: rating, right: { value: 4 } } },
            { fn: 'count', arg: rating },
          ),
        },
        { name: `${m.as}_mean`, expr: { fn: 'avg', arg: rating } },
      ],
      outputs: [
        mainOutput(this, m),
        {
          name: `${m.as}_mean`,
          role: 'measure',
          label: { en: 'Mean rating', 'zh-CN': '平均评分' },
          format: 'number',
          kpi: 'csat',
          formula: { en: 'Mean of answered 1–5 ratings', 'zh-CN': '已作答 1–5 分评分的平均值' },
          better: 'higher',
        },
      ],
    };
  },
};
