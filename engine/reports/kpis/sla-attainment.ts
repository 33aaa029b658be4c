/**
 * @module SLA attainment: clocks met ÷ clocks completed (met + breached), over the SLA clocks of the
 * records the report selects (optionally of one stage). Counted per record and summed, so the
 * record-level dimensions (team, agent, tier, month created) split it without double counting.
 */
import type { RelatedCondition } from '../query-plan';
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { percentOf, slaClockCount } from './kpi-expressions';

export const slaAttainmentPreset: KpiPreset<'sla_attainment'> = {
  key: 'sla_attainment',
  label: { en: 'SLA attainment', 'zh-CN': 'SLA 达成率' },
  format: 'percent',
  formula: (m) => ({
    en: `SLA clocks met ÷ clocks completed (met + breached)${m.stage ? ` in stage ${m.stage}` : ''} × 100 %; running, paused and cancelled clocks excluded`,
    'zh-CN': `达标的 SLA 计时数 ÷ 已完成计时数（达标 + 超时）${m.stage ? `（阶段 ${m.stage}）` : ''} × 100%；不含进行中、暂停和已取消的计时`,
  }),
  better: () => 'higher',
  fieldInputs: () => [],
  compile(m, b) {
    const stage: RelatedCondition[] = m.stage
      ? [{ op: 'eq', left: { column: 'stage' }, value: m.stage }]
      : [];
    const met = slaClockCount(b, [{ op: 'eq', left: { column: 'state' }, value: 'met' }, ...stage]);
    const completed = slaClockCount(b, [
      { op: 'in', left: { column: 'state' }, values: ['met', 'breached'] },
      ...stage,
    ]);
    return {
      measures: [{ name: m.as, expr: percentOf({ fn: 'sum', arg: met }, { fn: 'sum', arg: completed }) }],
      outputs: [mainOutput(this, m)],
    };
  },
};
