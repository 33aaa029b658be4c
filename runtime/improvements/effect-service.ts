/**
 * @module The effect of an improvement item (`GET /api/records/:id/effect`): the item's equal windows
 * before and after go-live (`effectWindows`, in the report time zone), the KPI's observations in each
 * from the stored tickets and answers, and the engine's verdict (`verifyEffect`). While the after window
 * is still running the answer is the same verdict marked provisional — a team wants to watch the KPI
 * settle, not an error. Reading the effect changes nothing; the verdict is recorded by the flow's
 * verification event with the figures written into the item's fields (see the designer's panel).
 */
import {
  effectKpiOf,
  effectWindows,
  pickText,
  verifyEffect,
  type EffectVerdict,
  type Locale,
} from '../../engine';
import type { EffectWindows, EffectTarget } from '../../engine/improvements/index';
import { DEFAULT_REPORT_TIMEZONE } from '../../engine/reports/index';
import { invalid } from '../http/errors';
import { loadRecord } from '../records/record-rows';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import type { EffectScope } from './effect-scope';
import { readImprovementItem } from './improvement-item';
import { collectObservations, kpiMeasureOf, type MeasurableKpi } from './kpi-observations';

export interface RecordEffect {
  recordId: string;
  kpi: MeasurableKpi;
  /** What one observation is, in the request's language. */
  observation: string;
  scope: EffectScope;
  target: EffectTarget;
  windows: EffectWindows;
  verdict: EffectVerdict;
}

export async function recordEffect(
  runtime: RuntimeContext,
  id: string,
  locale: Locale,
): Promise<RecordEffect> {
  const row = await loadRecord(runtime.db.knex, id);
  const data = readJson<Record<string, unknown>>(row.data) ?? {};
  const read = readImprovementItem(data, locale);
  if ('issues' in read)
    throw invalid(read.issues, 'The improvement item lacks what its effect is computed from');
  const { item } = read;
  const windows = effectWindows({
    goLive: item.goLive,
    now: runtime.clock.now(),
    timezone: DEFAULT_REPORT_TIMEZONE,
    days: item.days,
  });
  const [before, after] = await Promise.all([
    collectObservations(runtime, item.kpi, windows.before, item.scope, { name: 'before', locale }),
    collectObservations(runtime, item.kpi, windows.after, item.scope, { name: 'after', locale }),
  ]);
  const info = effectKpiOf(kpiMeasureOf(item.kpi))!;
  const common = { better: info.better, target: item.target, window: windows, locale };
  const verdict =
    before.kind === 'rate' && after.kind === 'rate'
      ? verifyEffect({ ...common, kind: 'rate', before: before.sample, after: after.sample })
      : verifyEffect({
          ...common,
          kind: info.kind === 'score' ? 'score' : 'time',
          before: before.kind === 'values' ? before.sample : [],
          after: after.kind === 'values' ? after.sample : [],
        });
  return {
    recordId: id,
    kpi: item.kpi,
    observation: pickText(info.observation, locale),
    scope: item.scope,
    target: item.target,
    windows,
    verdict,
  };
}
