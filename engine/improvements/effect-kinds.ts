/**
 * @module Which test verifies an improvement of each KPI preset, next to the presets' own knowledge:
 * the direction comes from the preset (`better`), the kind from the table below, which is typed over
 * every KPI key so a new preset does not compile until someone decides how its effect is verified.
 *
 * - `rate`: a share of tickets / answers (CSAT's 4–5 ratings, FCR, SLA attainment, reopen rate,
 *   recurrence, on-site punctuality): successes out of trials per window, the two-proportion z-test.
 * - `time`: minutes per ticket (FRT, resolution time, AHT): the Mann–Whitney U test, value = median.
 * - `score`: one answer per respondent (CES 1–7; NPS with each answer scored +100 / 0 / −100, whose
 *   mean is exactly the NPS): the Mann–Whitney U test, value = mean, as these KPIs are defined.
 * - none: backlog (a count at a point in time, not an outcome per ticket) and Pareto (counts per
 *   category) have no per-ticket observation to compare.
 */
import type { LocalizedText } from '../issues/locale';
import { KPI_PRESETS } from '../reports/kpis/index';
import type { KpiKey, KpiMeasure, KpiMeasureOf } from '../reports/report-measure.schema';

export type EffectKind = 'rate' | 'time' | 'score';
export type Better = 'higher' | 'lower';

export interface EffectKindInfo {
  kind: EffectKind;
  /** One observation of a window: what the runtime collects per ticket or answer. */
  observation: LocalizedText;
}

export const KPI_EFFECT_KINDS: { readonly [K in KpiKey]: EffectKindInfo | null } = {
  csat: {
    kind: 'rate',
    observation: {
      en: 'trial: an answered 1–5 rating; success: a rating of 4 or 5',
      'zh-CN': '样本：一份已作答的 1–5 分评分；成功：评分为 4 或 5 分',
    },
  },
  fcr: {
    kind: 'rate',
    observation: {
      en: 'trial: a resolved ticket; success: resolved at first contact and never reopened',
      'zh-CN': '样本：一张已解决工单；成功：一次交互即解决且从未重开',
    },
  },
  punctuality: {
    kind: 'rate',
    observation: {
      en: 'trial: an on-site visit with both times; success: arrived by the promised time',
      'zh-CN': '样本：一次两个时间都已填写的上门；成功：按承诺时间到达',
    },
  },
  sla_attainment: {
    kind: 'rate',
    observation: {
      en: 'trial: a completed SLA clock (met or breached); success: met',
      'zh-CN': '样本：一个已完成的 SLA 计时（达标或超时）；成功：达标',
    },
  },
  reopen_rate: {
    kind: 'rate',
    observation: {
      en: 'trial: a resolved ticket; success: reopened within N days',
      'zh-CN': '样本：一张已解决工单；成功：N 天内被重新打开',
    },
  },
  recurrence: {
    kind: 'rate',
    observation: {
      en: 'trial: a resolved ticket; success: the same fault recurred for the customer within N days',
      'zh-CN': '样本：一张已解决工单；成功：同一客户 N 天内出现相同故障',
    },
  },
  frt: {
    kind: 'time',
    observation: {
      en: 'minutes from creation to the first public, human response, per ticket',
      'zh-CN': '每张工单从创建到首次人工公开回复的分钟数',
    },
  },
  resolution_time: {
    kind: 'time',
    observation: {
      en: 'minutes from creation to resolution minus paused time, per resolved ticket',
      'zh-CN': '每张已解决工单从创建到解决的分钟数（扣除暂停时长）',
    },
  },
  aht: {
    kind: 'time',
    observation: { en: 'worked minutes per resolved ticket', 'zh-CN': '每张已解决工单的实际处理分钟数' },
  },
  ces: {
    kind: 'score',
    observation: { en: 'one 1–7 effort answer', 'zh-CN': '一份 1–7 分费力度作答' },
  },
  nps: {
    kind: 'score',
    observation: {
      en: 'one 0–10 answer scored 9–10 → +100, 7–8 → 0, 0–6 → −100 (the mean is the NPS)',
      'zh-CN': '一份 0–10 分作答，9–10 分记 +100，7–8 分记 0，0–6 分记 −100（其平均值即 NPS）',
    },
  },
  backlog: null,
  pareto: null,
  // A blend of other KPIs: verify the component KPIs themselves.
  quality_index: null,
};

export interface EffectKpi extends EffectKindInfo {
  kpi: KpiKey;
  better: Better;
}

/** How an improvement of this KPI measure is verified, or null when the KPI has no per-ticket outcome. */
export function effectKpiOf(measure: KpiMeasure): EffectKpi | null {
  const info = KPI_EFFECT_KINDS[measure.kpi];
  if (info === null) return null;
  const preset = KPI_PRESETS[measure.kpi] as { better(m: KpiMeasureOf<KpiKey>): Better };
  return { kpi: measure.kpi, ...info, better: preset.better(measure) };
}

/** One NPS answer (0–10) as an observation of the `score` kind: promoter +100, passive 0, detractor −100. */
export function npsPoints(answer: number): number {
  return answer >= 9 ? 100 : answer >= 7 ? 0 : -100;
}
