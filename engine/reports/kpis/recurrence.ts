/**
 * @module Recurrence: tickets for which the same customer already had a ticket with the same match
 * fields (product / serial, fault category) resolved within N days before this one was created ÷
 * tickets resolved. The plan states it as an EXISTS over the records table (a self-join).
 */
import type { ColumnRef } from '../query-plan';
import { SOURCE_ALIAS } from '../report-field';
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';
import { isResolved, percentOf } from './kpi-expressions';

export const DEFAULT_RECURRENCE_DAYS = 30;
const PRIOR_ALIAS = 'p';

const inPrior = (ref: ColumnRef): ColumnRef => ({ ...ref, table: PRIOR_ALIAS }) as ColumnRef;

export const recurrencePreset: KpiPreset<'recurrence'> = {
  key: 'recurrence',
  label: { en: 'Recurrence rate', 'zh-CN': '重复故障率' },
  format: 'percent',
  formula: (m) => {
    const n = m.withinDays ?? DEFAULT_RECURRENCE_DAYS;
    const keys = m.match.join(', ');
    return {
      en: `Tickets whose customer had a ticket with the same ${keys} resolved within ${n} days before ÷ tickets resolved × 100 %`,
      'zh-CN': `同一客户在此前 ${n} 天内已解决过相同 ${keys} 的工单数 ÷ 已解决工单数 × 100%`,
    };
  },
  better: () => 'lower',
  fieldInputs: (m) =>
    m.match.map((field, i) => ({
      tokens: ['match', String(i)],
      field,
      expects: { describe: 'field of the source form' },
      sourceOnly: true,
    })),
  compile(m, b) {
    const matchRefs = [
      { kind: 'system', table: SOURCE_ALIAS, column: 'customer' } as const,
      ...m.match.map((f) => b.fieldRef(f)),
    ];
    const createdAt: ColumnRef = { kind: 'system', table: SOURCE_ALIAS, column: 'createdAt' };
    const resolvedAt: ColumnRef = { kind: 'system', table: SOURCE_ALIAS, column: 'resolvedAt' };
    const recurs = b.column({
      kind: 'exists_prior',
      table: SOURCE_ALIAS,
      alias: PRIOR_ALIAS,
      form: b.spec.source.form,
      match: matchRefs.map((outer) => ({ outer, inner: inPrior(outer) })),
      window: { outer: createdAt, inner: inPrior(resolvedAt), days: m.withinDays ?? DEFAULT_RECURRENCE_DAYS },
    });
    return {
      measures: [
        {
          name: m.as,
          expr: percentOf(
            { fn: 'count_if', cond: { op: 'eq', left: recurs, right: { value: 1 } } },
            { fn: 'count_if', cond: isResolved(b) },
          ),
        },
      ],
      outputs: [mainOutput(this, m)],
    };
  },
};
