/**
 * @module CES: mean of 1–7 effort answers. Which end is good depends on how the question is worded,
 * so the measure says it (`highMeans`: `easy` by default, as the form's CES field asks "how easy").
 */
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';

export const cesPreset: KpiPreset<'ces'> = {
  key: 'ces',
  label: { en: 'CES', 'zh-CN': '客户费力度 CES' },
  format: 'number',
  formula: (m) =>
    (m.highMeans ?? 'easy') === 'easy'
      ? {
          en: 'Mean of 1–7 effort answers (7 = very easy: higher is better)',
          'zh-CN': '1–7 分费力度作答的平均值（7 = 非常容易，越高越好）',
        }
      : {
          en: 'Mean of 1–7 effort answers (7 = much effort: lower is better)',
          'zh-CN': '1–7 分费力度作答的平均值（7 = 非常费力，越低越好）',
        },
  better: (m) => ((m.highMeans ?? 'easy') === 'easy' ? 'higher' : 'lower'),
  fieldInputs: (m) => [
    { tokens: ['field'], field: m.field, expects: { types: ['ces'], describe: 'CES question (1–7)' } },
  ],
  compile(m, b) {
    return {
      measures: [{ name: m.as, expr: { fn: 'avg', arg: b.field(m.field, 'number') } }],
      outputs: [mainOutput(this, m)],
    };
  },
};
