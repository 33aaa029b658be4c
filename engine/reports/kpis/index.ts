/** @module The registry of KPI presets, by key: adding a KPI means adding a file and a row here. */
import type { KpiKey, KpiMeasureOf } from '../report-measure.schema';
import { ahtPreset } from './aht';
import { backlogPreset } from './backlog';
import { cesPreset } from './ces';
import { csatPreset } from './csat';
import { fcrPreset } from './fcr';
import { frtPreset } from './frt';
import type { KpiPreset } from './kpi-preset';
import { npsPreset } from './nps';
import { paretoPreset } from './pareto';
import { punctualityPreset } from './punctuality';
import { qualityIndexPreset } from './quality-index';
import { recurrencePreset } from './recurrence';
import { reopenRatePreset } from './reopen-rate';
import { resolutionTimePreset } from './resolution-time';
import { slaAttainmentPreset } from './sla-attainment';

export const KPI_PRESETS: { readonly [K in KpiKey]: KpiPreset<K> } = {
  csat: csatPreset,
  nps: npsPreset,
  ces: cesPreset,
  frt: frtPreset,
  resolution_time: resolutionTimePreset,
  aht: ahtPreset,
  fcr: fcrPreset,
  sla_attainment: slaAttainmentPreset,
  reopen_rate: reopenRatePreset,
  backlog: backlogPreset,
  recurrence: recurrencePreset,
  pareto: paretoPreset,
  punctuality: punctualityPreset,
  quality_index: qualityIndexPreset,
};

/**
 * The preset of a KPI measure, typed loosely so callers holding a `KpiMeasure` union can use it; the
 * registry guarantees the preset matches the measure's `kpi`.
 */
export function kpiPresetOf(measure: { kpi: KpiKey }): KpiPreset<KpiKey> {
  return KPI_PRESETS[measure.kpi] as unknown as KpiPreset<KpiKey>;
}

export type { KpiPreset, KpiMeasureOf };
