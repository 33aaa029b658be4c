/**
 * @module On-site punctuality: visits where the engineer arrived by the promised time ÷ visits with both
 * times recorded. A visit without a promise or an arrival is not a visit yet (booked but not made, or
 * not on site at all), so it counts on neither side rather than as late.
 */
import type { Condition } from '../query-plan';
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { percentOf } from './kpi-expressions';

export const punctualityPreset: KpiPreset<'punctuality'> = {
  key: 'punctuality',
  label: { en: 'On-site punctuality', 'zh-CN': '上门准时率' },
  format: 'percent',
  formula: (m) => ({
    en: `Visits with ${m.arrived} ≤ ${m.promised} (arrived by the promised time) ÷ visits with both times × 100 %`,
    'zh-CN': `${m.arrived} ≤ ${m.promised}（按承诺时间到达）的上门次数 ÷ 两个时间都已填写的上门次数 × 100%`,
  }),
  better: () => 'higher',
  fieldInputs: (m) =>
    (['promised', 'arrived'] as const).map((key) => ({
      tokens: [key],
      field: m[key],
      expects: { time: true, describe: 'datetime' },
      sourceOnly: true,
    })),
  compile(m, b) {
    const promised = b.field(m.promised, 'timestamp');
    const arrived = b.field(m.arrived, 'timestamp');
    const visit: Condition = {
      op: 'and',
      args: [
        { op: 'not_empty', arg: promised, mode: 'value' },
        { op: 'not_empty', arg: arrived, mode: 'value' },
      ],
    };
    const onTime: Condition = { op: 'and', args: [visit, { op: 'lte', left: arrived, right: promised }] };
    return {
      measures: [
        { name: m.as, expr: percentOf({ fn: 'count_if', cond: onTime }, { fn: 'count_if', cond: visit }) },
      ],
      outputs: [mainOutput(this, m)],
    };
  },
};
