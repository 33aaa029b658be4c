/**
 * @module The weights of a quality-index measure while it is edited: components point at the other
 * measures by their well id (names change when an aggregate or field changes, ids do not) and become
 * the engine's `{ measure, weight, worst, best }` by output name when the draft is written.
 */
import type { KpiKey } from '../../engine/reports/report-measure.schema';

export interface QualityComponentDraft {
  /** The well id of the measure blended in. */
  measureId: string;
  /** Percent; the engine wants the weights to sum to 100. */
  weight: number;
  /** The value that scores 0 … */
  worst: number;
  /** … and the value that scores 100 (below `worst` for lower-is-better KPIs such as FRT). */
  best: number;
}

export interface QualityComponentSpec {
  measure: string;
  weight: number;
  worst: number;
  best: number;
}

/** Starting bounds per KPI, so a weight typed for CSAT does not score it between 0 and 100 by default. */
const DEFAULT_BOUNDS: Partial<Record<KpiKey, { worst: number; best: number }>> = {
  csat: { worst: 60, best: 95 },
  nps: { worst: -20, best: 60 },
  ces: { worst: 3, best: 6 },
  fcr: { worst: 50, best: 90 },
  sla_attainment: { worst: 80, best: 100 },
  frt: { worst: 480, best: 30 },
  resolution_time: { worst: 4320, best: 480 },
  aht: { worst: 120, best: 20 },
  reopen_rate: { worst: 20, best: 0 },
  recurrence: { worst: 15, best: 0 },
};

export function defaultBounds(kpi: KpiKey | undefined): { worst: number; best: number } {
  return (kpi && DEFAULT_BOUNDS[kpi]) ?? { worst: 0, best: 100 };
}

export const weightTotal = (components: readonly QualityComponentDraft[]) =>
  components.reduce((sum, c) => sum + c.weight, 0);

/** The components as the report spec names them; a component whose measure left the report is dropped. */
export function componentsSpec(
  components: readonly QualityComponentDraft[],
  nameOf: (measureId: string) => string | undefined,
): QualityComponentSpec[] {
  return components.flatMap((c) => {
    const measure = nameOf(c.measureId);
    return measure === undefined ? [] : [{ measure, weight: c.weight, worst: c.worst, best: c.best }];
  });
}

/** The id prefix of a component whose stored measure name the report no longer has. */
export const MISSING_MEASURE = 'missing:';

/** A stored index's components back onto the wells' ids (an unknown name keeps a placeholder id). */
export function componentsDraft(
  components: readonly QualityComponentSpec[],
  idOf: (name: string) => string | undefined,
): QualityComponentDraft[] {
  return components.map((c) => ({
    measureId: idOf(c.measure) ?? `${MISSING_MEASURE}${c.measure}`,
    weight: c.weight,
    worst: c.worst,
    best: c.best,
  }));
}
