/** @module AHT: mean worked minutes per resolved ticket, from a work-log / stage-timer field, not elapsed time. */
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { isResolved } from './kpi-expressions';

export const ahtPreset: KpiPreset<'aht'> = {
  key: 'aht',
  label: { en: 'Average handle time', 'zh-CN': '平均处理时长 AHT' },
  format: 'minutes',
  formula: (m) => ({
    en: `Mean of worked minutes (field ${m.field}: work log / stage timers, not elapsed time) per resolved ticket`,
    'zh-CN': `已解决工单实际处理分钟数（字段 ${m.field}：工时记录 / 阶段计时，非经过时间）的平均值`,
  }),
  better: () => 'lower',
  fieldInputs: (m) => [
    {
      tokens: ['field'],
      field: m.field,
      expects: { numeric: true, describe: 'number (minutes)' },
      sourceOnly: true,
    },
  ],
  compile(m, b) {
    return {
      measures: [{ name: m.as, expr: { fn: 'avg', arg: b.field(m.field, 'number'), where: isResolved(b) } }],
      outputs: [mainOutput(this, m)],
    };
  },
};
