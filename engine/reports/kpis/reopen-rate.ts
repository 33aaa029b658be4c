/**
 * @module Reopen rate: tickets reopened within N days of a resolution (a resolved record re-entering an
 * open stage, read from record revisions) ÷ tickets that have been resolved. Filter or group by
 * `resolvedAt` to mean "resolved in the period".
 */
import type { Condition } from '../query-plan';
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { isResolved, percentOf, reopenCount } from './kpi-expressions';

export const DEFAULT_REOPEN_DAYS = 7;

export const reopenRatePreset: KpiPreset<'reopen_rate'> = {
  key: 'reopen_rate',
  label: { en: 'Reopen rate', 'zh-CN': '重开率' },
  format: 'percent',
  formula: (m) => {
    const n = m.withinDays ?? DEFAULT_REOPEN_DAYS;
    return {
      en: `Tickets reopened within ${n} days of being resolved ÷ tickets resolved × 100 %`,
      'zh-CN': `解决后 ${n} 天内被重新打开的工单数 ÷ 已解决工单数 × 100%`,
    };
  },
  better: () => 'lower',
  fieldInputs: () => [],
  compile(m, b) {
    const within = reopenCount(b, m.withinDays ?? DEFAULT_REOPEN_DAYS);
    const ever = reopenCount(b);
    // A ticket reopened and still open has no resolvedAt now, but it was resolved: it belongs to the base.
    const wasResolved: Condition = {
      op: 'or',
      args: [isResolved(b), { op: 'gt', left: ever, right: { value: 0 } }],
    };
    return {
      measures: [
        {
          name: m.as,
          expr: percentOf(
            { fn: 'count_if', cond: { op: 'gt', left: within, right: { value: 0 } } },
            { fn: 'count_if', cond: wasResolved },
          ),
        },
      ],
      outputs: [mainOutput(this, m)],
    };
  },
};
