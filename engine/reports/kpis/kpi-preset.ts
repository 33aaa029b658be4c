/**
 * @module What a KPI preset is: its declared formula (zh-CN / en), which way is better, the form
 * fields it needs (checked against the form before the report is saved) and how it compiles into
 * plan measures. One preset per file in this folder; `index.ts` is the registry.
 */
import type { LocalizedText } from '../../issues/locale';
import type { PlanBuilder } from '../plan-builder';
import type { OutputFormat, PlanMeasure, PlanOutput, PostStep } from '../query-plan';
import type { ReportDefinition } from '../report-definition.schema';
import type { KpiKey, KpiMeasureOf } from '../report-measure.schema';

/** What a field named as a KPI input must be. */
export interface FieldExpectation {
  /** Accepted form field types (e.g. `rating`); any type when absent. */
  types?: readonly string[];
  numeric?: boolean;
  /** A date / datetime field. */
  time?: boolean;
  /** Names the expectation in messages, e.g. `rating (1–5)`. */
  describe: string;
}

/** One field a KPI measure names: where in the measure (JSON Pointer tokens) and what it must be. */
export interface KpiFieldInput {
  tokens: string[];
  field: string;
  expects: FieldExpectation;
  /** Only fields of the source form (not the joined form) make sense here. */
  sourceOnly?: boolean;
}

/** A problem a preset finds with its own measure; the checker adds the message. */
export interface KpiProblem {
  code: string;
  /** JSON Pointer tokens relative to the report. */
  tokens: (string | number)[];
  params?: Record<string, unknown>;
}

export interface KpiPlanPart {
  measures: PlanMeasure[];
  outputs: PlanOutput[];
  post?: PostStep[];
  orderBy?: { name: string; direction: 'asc' | 'desc' }[];
}

export interface KpiPreset<K extends KpiKey = KpiKey> {
  key: K;
  label: LocalizedText;
  /** The unit of the main figure. */
  format: OutputFormat;
  formula(measure: KpiMeasureOf<K>): LocalizedText;
  better(measure: KpiMeasureOf<K>): 'higher' | 'lower';
  fieldInputs(measure: KpiMeasureOf<K>): KpiFieldInput[];
  /** Checks beyond the field inputs (e.g. Pareto needs exactly one dimension). */
  check?(measure: KpiMeasureOf<K>, report: ReportDefinition, index: number): KpiProblem[];
  compile(measure: KpiMeasureOf<K>, b: PlanBuilder): KpiPlanPart;
}

/** The output of a preset's main figure, carrying its formula and direction. */
export function mainOutput<K extends KpiKey>(preset: KpiPreset<K>, measure: KpiMeasureOf<K>): PlanOutput {
  return {
    name: measure.as,
    role: 'measure',
    label: measure.label ?? preset.label,
    format: preset.format,
    kpi: preset.key,
    formula: preset.formula(measure),
    better: preset.better(measure),
  };
}
