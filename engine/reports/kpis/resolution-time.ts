/**
 * @module Resolution time: created → resolved minus the time the record's SLA clocks were paused
 * (waiting for the customer / parts), wall clock; and the business minutes its completed clocks ran.
 * Assumes a record's clocks do not overlap in time (one clock per stage), so paused spans add up.
 */
import type { ScalarExpr } from '../query-plan';
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { isResolved, slaClockSum, STATISTIC_TEXT, statisticOf } from './kpi-expressions';

export const resolutionTimePreset: KpiPreset<'resolution_time'> = {
  key: 'resolution_time',
  label: { en: 'Resolution time', 'zh-CN': '解决时长' },
  format: 'minutes',
  formula: (m) => {
    const s = STATISTIC_TEXT[m.statistic ?? 'avg'];
    return {
      en: `${s.en} over resolved tickets of (resolved − created − paused SLA time) in minutes, wall clock`,
      'zh-CN': `已解决工单（解决时间 − 创建时间 − SLA 暂停时长）分钟数的${s['zh-CN']}，自然时间`,
    };
  },
  better: () => 'lower',
  fieldInputs: () => [],
  compile(m, b) {
    const paused = slaClockSum(b, 'pausedWallMinutes', [
      { op: 'in', left: { column: 'state' }, values: ['met', 'breached', 'cancelled'] },
    ]);
    const wall: ScalarExpr = {
      op: 'subtract',
      args: [
        { op: 'minutes_between', from: b.system('createdAt'), to: b.system('resolvedAt') },
        { op: 'coalesce', args: [paused, { value: 0 }] },
      ],
    };
    const business = slaClockSum(b, 'businessElapsedMinutes', [
      { op: 'in', left: { column: 'state' }, values: ['met', 'breached'] },
    ]);
    const s = STATISTIC_TEXT[m.statistic ?? 'avg'];
    return {
      measures: [
        { name: m.as, expr: statisticOf(m.statistic, wall, isResolved(b)) },
        { name: `${m.as}_business`, expr: statisticOf(m.statistic, business, isResolved(b)) },
      ],
      outputs: [
        mainOutput(this, m),
        {
          name: `${m.as}_business`,
          role: 'measure',
          label: { en: 'Resolution time (business)', 'zh-CN': '解决时长（工作时间）' },
          format: 'minutes',
          kpi: 'resolution_time',
          formula: {
            en: `${s.en} over resolved tickets of the business minutes their completed SLA clocks ran (pauses excluded)`,
            'zh-CN': `已解决工单各已完成 SLA 计时的工作时间分钟数之和的${s['zh-CN']}（不含暂停）`,
          },
          better: 'lower',
        },
      ],
    };
  },
};
