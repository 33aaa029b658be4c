/**
 * @module Backlog: tickets open at a point in time (`asOf`, supplied by the runtime, now by default) —
 * created by then and not resolved by then — in total and per age bucket (age = asOf − created).
 */
import type { LocalizedText } from '../../issues/locale';
import type { Condition, PlanOutput, ScalarExpr } from '../query-plan';
import type { KpiPreset } from './kpi-preset';
import { mainOutput } from './kpi-preset';

export const DEFAULT_AGE_BUCKET_DAYS = [1, 3, 7, 30];
const MINUTES_PER_DAY = 1440;

interface Bucket {
  suffix: string;
  label: LocalizedText;
  lowDays?: number;
  highDays?: number;
}

/** Buckets `< d1`, `d1–d2`, …, `≥ dn` from ascending upper bounds. */
export function ageBuckets(bounds: readonly number[]): Bucket[] {
  const sorted = [...bounds].sort((a, b) => a - b);
  const buckets: Bucket[] = [];
  let low: number | undefined;
  for (const high of sorted) {
    buckets.push(
      low === undefined
        ? { suffix: `lt_${high}d`, label: { en: `< ${high} d`, 'zh-CN': `< ${high} 天` }, highDays: high }
        : {
            suffix: `${low}d_${high}d`,
            label: { en: `${low}–${high} d`, 'zh-CN': `${low}–${high} 天` },
            lowDays: low,
            highDays: high,
          },
    );
    low = high;
  }
  buckets.push({ suffix: `ge_${low}d`, label: { en: `≥ ${low} d`, 'zh-CN': `≥ ${low} 天` }, lowDays: low! });
  return buckets;
}

export const backlogPreset: KpiPreset<'backlog'> = {
  key: 'backlog',
  label: { en: 'Backlog', 'zh-CN': '积压工单' },
  format: 'integer',
  formula: () => ({
    en: 'Tickets created by the point in time and not resolved by then, split by age (point in time − created)',
    'zh-CN': '截至该时点已创建且尚未解决的工单数，按工单龄（时点 − 创建时间）分段',
  }),
  better: () => 'lower',
  fieldInputs: () => [],
  compile(m, b) {
    const asOf = b.param('asOf');
    const created = b.system('createdAt');
    const resolved = b.system('resolvedAt');
    const open: Condition = {
      op: 'and',
      args: [
        { op: 'lte', left: created, right: asOf },
        {
          op: 'or',
          args: [
            { op: 'empty', arg: resolved, mode: 'value' },
            { op: 'gt', left: resolved, right: asOf },
          ],
        },
      ],
    };
    const age: ScalarExpr = { op: 'minutes_between', from: created, to: asOf };
    const part = {
      measures: [{ name: m.as, expr: { fn: 'count_if', cond: open } as const }],
      outputs: [mainOutput(this, m)],
    };
    for (const bucket of ageBuckets(m.ageBucketDays ?? DEFAULT_AGE_BUCKET_DAYS)) {
      const args: Condition[] = [open];
      if (bucket.lowDays !== undefined)
        args.push({ op: 'gte', left: age, right: { value: bucket.lowDays * MINUTES_PER_DAY } });
      if (bucket.highDays !== undefined)
        args.push({ op: 'lt', left: age, right: { value: bucket.highDays * MINUTES_PER_DAY } });
      const name = `${m.as}_${bucket.suffix}`;
      part.measures.push({ name, expr: { fn: 'count_if', cond: { op: 'and', args } } });
      const output: PlanOutput = {
        name,
        role: 'measure',
        label: bucket.label,
        format: 'integer',
        kpi: 'backlog',
        better: 'lower',
      };
      part.outputs.push(output);
    }
    return part;
  },
};
