/**
 * @module FCR, chosen definition: resolved tickets that took at most one customer interaction and were
 * never reopened ÷ resolved tickets. Interactions come from a numeric field or a count of events of a
 * type; a ticket whose interaction count is unknown does not count as resolved at first contact.
 */
import type { ScalarExpr } from '../query-plan';
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { eventAggregate, isResolved, percentOf, reopenCount } from './kpi-expressions';

export const fcrPreset: KpiPreset<'fcr'> = {
  key: 'fcr',
  label: { en: 'First-contact resolution', 'zh-CN': '首次解决率 FCR' },
  format: 'percent',
  formula: () => ({
    en: 'Resolved tickets with at most one customer interaction and never reopened ÷ resolved tickets × 100 %',
    'zh-CN': '仅一次客户交互即解决且从未重开的已解决工单数 ÷ 已解决工单数 × 100%',
  }),
  better: () => 'higher',
  fieldInputs: (m) =>
    m.contacts.field !== undefined
      ? [
          {
            tokens: ['contacts', 'field'],
            field: m.contacts.field,
            expects: { numeric: true, describe: 'number (interactions)' },
            sourceOnly: true,
          },
        ]
      : [],
  compile(m, b) {
    const contacts: ScalarExpr =
      m.contacts.field !== undefined
        ? b.field(m.contacts.field, 'number')
        : eventAggregate(b, 'count', [{ op: 'eq', left: { column: 'type' }, value: m.contacts.event! }]);
    const resolved = isResolved(b);
    return {
      measures: [
        {
          name: m.as,
          expr: percentOf(
            {
              fn: 'count_if',
              cond: {
                op: 'and',
                args: [
                  resolved,
                  { op: 'lte', left: contacts, right: { value: 1 } },
                  {
                    op: 'eq',
                    left: { op: 'coalesce', args: [reopenCount(b), { value: 0 }] },
                    right: { value: 0 },
                  },
                ],
              },
            },
            { fn: 'count_if', cond: resolved },
          ),
        },
      ],
      outputs: [mainOutput(this, m)],
    };
  },
};
