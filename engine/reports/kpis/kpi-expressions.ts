/**
 * @module Building blocks the KPI presets share: shares in percent, statistics, "resolved", and the
 * related-table subqueries (SLA clocks, events, revisions) with the exact conditions each KPI means.
 */
import type { PlanBuilder } from '../plan-builder';
import type { AggregateExpr, Condition, RelatedCondition, ScalarExpr } from '../query-plan';

/** `num ÷ den × 100`, NULL when `den` is 0. */
export function percentOf(num: AggregateExpr, den: AggregateExpr): AggregateExpr {
  return {
    op: 'multiply',
    args: [{ op: 'divide', args: [num, { op: 'nullif', args: [den, { value: 0 }] }] }, { value: 100 }],
  };
}

export type Statistic = 'avg' | 'p50' | 'p90';

export function statisticOf(
  statistic: Statistic | undefined,
  arg: ScalarExpr,
  where?: Condition,
): AggregateExpr {
  const w = where ? { where } : {};
  if (statistic === 'p50') return { fn: 'percentile', p: 0.5, arg, ...w };
  if (statistic === 'p90') return { fn: 'percentile', p: 0.9, arg, ...w };
  return { fn: 'avg', arg, ...w };
}

export const STATISTIC_TEXT: Record<Statistic, { en: string; 'zh-CN': string }> = {
  avg: { en: 'mean', 'zh-CN': '平均值' },
  p50: { en: 'median', 'zh-CN': '中位数' },
  p90: { en: '90th percentile', 'zh-CN': '90 分位数' },
};

/** The record has a resolution time (it is resolved now). */
export const isResolved = (b: PlanBuilder): Condition => ({
  op: 'not_empty',
  arg: b.system('resolvedAt'),
  mode: 'value',
});

/** Count of the source record's SLA clocks matching `where` (`sla_clocks.recordId = r.id`). */
export function slaClockCount(b: PlanBuilder, where: RelatedCondition[]): ScalarExpr {
  return b.column({
    kind: 'related',
    table: 'r',
    related: 'sla_clocks',
    foreignKey: 'recordId',
    fn: 'count',
    where,
  });
}

export function slaClockSum(b: PlanBuilder, column: string, where: RelatedCondition[]): ScalarExpr {
  return b.column({
    kind: 'related',
    table: 'r',
    related: 'sla_clocks',
    foreignKey: 'recordId',
    fn: 'sum',
    column,
    where,
  });
}

/**
 * Times the record was reopened: revisions where `resolvedAt` became empty while the previous
 * revision had it set (a resolved record re-entering an open stage), optionally only within `days`
 * days of that resolution.
 */
export function reopenCount(b: PlanBuilder, days?: number): ScalarExpr {
  const where: RelatedCondition[] = [
    { op: 'empty', left: { column: 'resolvedAt' } },
    { op: 'notEmpty', left: { column: 'resolvedAt', previous: true } },
  ];
  if (days !== undefined) {
    where.push({
      op: 'within_days',
      left: { column: 'at' },
      after: { column: 'resolvedAt', previous: true },
      days,
    });
  }
  return b.column({
    kind: 'related',
    table: 'r',
    related: 'record_revisions',
    foreignKey: 'recordId',
    fn: 'count',
    where,
    orderBy: 'revision',
  });
}

/**
 * The record's events of `type` that are public and written by a human (`payload.visibility =
 * 'public'`, `payload.actorKind = 'human'`): auto-replies and internal notes never count.
 */
export function publicHumanEvents(type: string): RelatedCondition[] {
  return [
    { op: 'eq', left: { column: 'type' }, value: type },
    { op: 'eq', left: { column: 'payload', path: ['visibility'] }, value: 'public' },
    { op: 'eq', left: { column: 'payload', path: ['actorKind'] }, value: 'human' },
  ];
}

export function eventAggregate(b: PlanBuilder, fn: 'count' | 'min', where: RelatedCondition[]): ScalarExpr {
  return b.column({
    kind: 'related',
    table: 'r',
    related: 'events',
    foreignKey: 'recordId',
    fn,
    ...(fn === 'min' ? { column: 'at' } : {}),
    where,
  });
}
