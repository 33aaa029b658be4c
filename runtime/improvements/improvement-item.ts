/**
 * @module Reads an improvement item from a stored record: the KPI, the scope, the go-live date, the
 * window length and the target. Any record whose form names these fields is an improvement item (the
 * `after-sales-rca` complaint form does, in its plan and execution sections), so the effect can be
 * verified wherever a team keeps its improvement plans. Missing or unusable values are issues naming the
 * field, as the route answers them with 422.
 */
import { DEFAULT_EFFECT_WINDOW_DAYS, KPI_EFFECT_KINDS, type Issue, type Locale } from '../../engine';
import type { EffectTarget } from '../../engine/improvements/index';
import type { KpiKey } from '../../engine/reports/report-measure.schema';
import { effectIssue } from './effect-messages';
import { SCOPE_FIELDS, type EffectScope, type ScopeField } from './effect-scope';
import { MEASURABLE_KPIS, type MeasurableKpi } from './kpi-observations';

export interface ImprovementItem {
  kpi: MeasurableKpi;
  scope: EffectScope;
  /** The go-live date `YYYY-MM-DD` or instant as stored. */
  goLive: string;
  days: number;
  target: EffectTarget;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

export function readImprovementItem(
  data: Record<string, unknown>,
  locale: Locale,
): { item: ImprovementItem } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const { kpi, goLive, effectWindowDays, targetValue, targetType } = data;
  if (!present(kpi)) issues.push(effectIssue('kpi-missing', '/kpi', {}, locale));
  else if (!(MEASURABLE_KPIS as readonly unknown[]).includes(kpi)) {
    const known =
      typeof kpi === 'string' && kpi in KPI_EFFECT_KINDS && KPI_EFFECT_KINDS[kpi as KpiKey] !== null;
    issues.push(
      effectIssue(known ? 'kpi-not-collected' : 'kpi-not-verifiable', '/kpi', { kpi: String(kpi) }, locale),
    );
  }
  if (!present(goLive)) issues.push(effectIssue('go-live-missing', '/goLive', {}, locale));
  else if (typeof goLive !== 'string' || !Number.isFinite(Date.parse(goLive)))
    issues.push(effectIssue('go-live-invalid', '/goLive', {}, locale));
  const days = present(effectWindowDays) ? effectWindowDays : DEFAULT_EFFECT_WINDOW_DAYS;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
    issues.push(effectIssue('window-invalid', '/effectWindowDays', {}, locale));
  if (typeof targetValue !== 'number' || !(targetValue >= 0))
    issues.push(effectIssue('target-missing', '/targetValue', {}, locale));
  if (targetType !== 'absolute' && targetType !== 'relative')
    issues.push(effectIssue('target-type-missing', '/targetType', {}, locale));
  if (issues.length > 0) return { issues };

  const scope: EffectScope = {};
  for (const key of Object.keys(SCOPE_FIELDS) as ScopeField[]) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') scope[key] = value.trim();
  }
  return {
    item: {
      kpi: kpi as MeasurableKpi,
      scope,
      goLive: goLive as string,
      days: days as number,
      target: { value: targetValue as number, type: targetType as EffectTarget['type'] },
    },
  };
}
