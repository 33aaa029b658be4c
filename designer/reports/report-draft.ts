/**
 * @module The report designer's working state and how it becomes a report spec: the form (and an
 * optional joined form), the dimensions and measures dropped on the wells, filters as typed, the
 * chart type and its target. `draftToSpec` is the one place the engine's report schema is written;
 * `specToDraft` reads a stored report back.
 */
import type { LocalizedText, ReportDefinition } from '../../engine';
import type { ChartType, ReportChart } from '../../engine/reports/report-chart.schema';
import type { ReportDimension, TimeGrain } from '../../engine/reports/report-definition.schema';
import type { FilterOp, ReportFilter } from '../../engine/reports/report-filter.schema';
import {
  AGGREGATE_OPS,
  type AggregateOp,
  type KpiKey,
  type ReportMeasure,
} from '../../engine/reports/report-measure.schema';
import {
  componentsDraft,
  componentsSpec,
  MISSING_MEASURE,
  type QualityComponentDraft,
  type QualityComponentSpec,
} from './quality-components';

export interface DimensionItem {
  id: string;
  field: string;
  grain?: TimeGrain;
  /** The column's heading; a new dimension takes its field's label. */
  label?: LocalizedText;
}

export type MeasureItem =
  | { id: string; kind: 'aggregate'; op: AggregateOp; field?: string; as?: string }
  | {
      id: string;
      kind: 'kpi';
      kpi: KpiKey;
      field?: string;
      as?: string;
      /** On-site punctuality's second field (its first, `field`, is the arrival time). */
      promised?: string;
      /** A quality index's weights, by the wells' ids of the measures it blends. */
      components?: QualityComponentDraft[];
    };

export interface FilterItem {
  id: string;
  field: string;
  op: FilterOp;
  /** As typed; lists are comma-separated. */
  text: string;
}

export interface JoinDraft {
  form: string;
  as: string;
  /** Field of the source form (`id`) equal to … */
  source: string;
  /** … this field of the joined form (`ticket`). */
  joined: string;
}

export interface TargetDraft {
  value: number;
  direction: 'above' | 'below';
}

export interface ReportDraft {
  key: string;
  title: LocalizedText;
  form: string;
  join?: JoinDraft;
  dimensions: DimensionItem[];
  measures: MeasureItem[];
  filters: FilterItem[];
  chartType: ChartType;
  target?: TargetDraft;
}

/** Where a KPI preset takes its one field, if it takes one. */
export const KPI_FIELD_INPUT: Record<KpiKey, 'field' | 'contacts' | 'response' | 'match' | 'times' | null> = {
  csat: 'field',
  nps: 'field',
  ces: 'field',
  aht: 'field',
  fcr: 'contacts',
  frt: 'response',
  recurrence: 'match',
  resolution_time: null,
  sla_attainment: null,
  reopen_rate: null,
  backlog: null,
  pareto: null,
  punctuality: 'times',
  quality_index: null,
};

/** Aggregates that need a field (the others count rows). */
export const FIELD_OPS: readonly AggregateOp[] = AGGREGATE_OPS.filter(
  (op) => op !== 'count' && op !== 'ratio',
);

let counter = 0;
export const newId = (prefix: string) => `${prefix}${++counter}`;

export function emptyDraft(key: string, title: LocalizedText = {}): ReportDraft {
  return { key, title, form: '', dimensions: [], measures: [], filters: [], chartType: 'bar' };
}

/** The measure a field dropped on the measures well starts as: average of numbers, else a count. */
export function measureForField(field: string | undefined, numeric: boolean): MeasureItem {
  if (field === undefined) return { id: newId('m'), kind: 'aggregate', op: 'count' };
  return { id: newId('m'), kind: 'aggregate', op: numeric ? 'avg' : 'count', field };
}

const ident = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '') || 'value';

function baseName(m: MeasureItem): string {
  if (m.as) return m.as;
  if (m.kind === 'kpi') return m.kpi;
  return m.field ? ident(`${m.op}_${m.field}`) : 'count';
}

/** Output names of the measures, unique within the report (`count`, `count_2`). */
export function measureNames(measures: readonly MeasureItem[]): string[] {
  const taken = new Set<string>();
  return measures.map((m) => {
    const base = baseName(m).slice(0, 60);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}

/**
 * The spec of one measure named `as`; `nameOf` gives the output names of the other measures (a quality
 * index names its components by them).
 */
export function measureSpec(
  m: MeasureItem,
  as: string,
  nameOf: (measureId: string) => string | undefined = () => undefined,
): ReportMeasure {
  if (m.kind === 'aggregate') {
    return (
      m.field !== undefined && m.field !== '' ? { op: m.op, field: m.field, as } : { op: m.op, as }
    ) as ReportMeasure;
  }
  if (m.kpi === 'quality_index') {
    // A component whose measure was stored under a name the report lacks keeps that name, so the
    // engine's check names it instead of the designer dropping it quietly.
    const name = (id: string) =>
      id.startsWith(MISSING_MEASURE) ? id.slice(MISSING_MEASURE.length) : nameOf(id);
    return { kpi: 'quality_index', as, components: componentsSpec(m.components ?? [], name) };
  }
  const input = KPI_FIELD_INPUT[m.kpi];
  const f = m.field ?? '';
  const extra =
    input === 'field'
      ? { field: f }
      : input === 'contacts'
        ? { contacts: { field: f } }
        : input === 'response'
          ? { response: { field: f } }
          : input === 'match'
            ? { match: [f] }
            : input === 'times'
              ? { arrived: f, promised: m.promised ?? '' }
              : {};
  return { kpi: m.kpi, as, ...extra } as ReportMeasure;
}

function scalar(text: string, numeric: boolean): string | number | boolean {
  const t = text.trim();
  if (numeric && t !== '' && Number.isFinite(Number(t))) return Number(t);
  if (t === 'true') return true;
  if (t === 'false') return false;
  return t;
}

/** A typed filter as the schema wants it: lists for `in` / `nin` / `between`, no value for emptiness. */
export function filterSpec(f: FilterItem, numeric: boolean): ReportFilter {
  if (f.op === 'empty' || f.op === 'notEmpty') return { field: f.field, op: f.op };
  if (f.op === 'in' || f.op === 'nin' || f.op === 'between') {
    const value = f.text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => scalar(s, numeric));
    return { field: f.field, op: f.op, value } as ReportFilter;
  }
  return { field: f.field, op: f.op, value: scalar(f.text, numeric) } as ReportFilter;
}

export const dimensionName = (d: DimensionItem) => d.field;

/** The chart spec of the draft: first dimension on x, measures on y, a second dimension as series. */
export function chartSpec(draft: ReportDraft, names: readonly string[]): ReportChart {
  const [first, second] = draft.dimensions;
  const x = first ? dimensionName(first) : '';
  const y = names[0] ?? '';
  const target = draft.target
    ? { target: { value: draft.target.value, direction: draft.target.direction } }
    : {};
  switch (draft.chartType) {
    case 'line':
    case 'bar':
    case 'stacked_bar':
      return {
        type: draft.chartType,
        x,
        y: names.length > 1 && !second ? [...names] : y,
        ...(second ? { series: dimensionName(second) } : {}),
        ...target,
      };
    case 'pie':
      return { type: 'pie', x, y, ...target };
    case 'pareto': {
      const m = draft.measures[0];
      const cumulative =
        m?.kind === 'kpi' && m.kpi === 'pareto' ? { cumulative: `${y}_cumulative_share` } : {};
      return { type: 'pareto', x, y, ...cumulative, ...target };
    }
    case 'gauge':
      return { type: 'gauge', y, ...target };
    case 'kpi_card':
      return { type: 'kpi_card', y, ...(first ? { x } : {}), ...target };
    case 'table':
      return { type: 'table', ...target };
  }
}

/** The report spec of the draft (not yet checked: the engine's `validateDefinition` says what is wrong). */
export function draftToSpec(
  draft: ReportDraft,
  numericFields: ReadonlySet<string> = new Set(),
): ReportDefinition {
  const names = measureNames(draft.measures);
  const dimensions: ReportDimension[] = draft.dimensions.map((d) => ({
    field: d.field,
    ...(d.grain ? { grain: d.grain } : {}),
    ...(d.label && Object.keys(d.label).length > 0 ? { label: d.label } : {}),
  }));
  const source: ReportDefinition['source'] = { form: draft.form };
  if (draft.join) {
    source.join = {
      form: draft.join.form,
      as: draft.join.as,
      on: { source: draft.join.source, joined: draft.join.joined },
      type: 'left',
    };
  }
  const spec: ReportDefinition = {
    key: draft.key,
    title: draft.title,
    source,
    measures: draft.measures.map((m, i) =>
      measureSpec(m, names[i]!, (id) => names[draft.measures.findIndex((x) => x.id === id)]),
    ),
    chart: chartSpec(draft, names),
  } as ReportDefinition;
  if (dimensions.length > 0) spec.dimensions = dimensions;
  if (draft.filters.length > 0)
    spec.filters = draft.filters.map((f) => filterSpec(f, numericFields.has(f.field)));
  return spec;
}

function filterText(f: ReportFilter): string {
  if (!('value' in f)) return '';
  return Array.isArray(f.value) ? f.value.map(String).join(', ') : String(f.value);
}

const TARGET_OF = (chart: ReportChart | undefined): TargetDraft | undefined =>
  chart?.target ? { value: chart.target.value, direction: chart.target.direction } : undefined;

/** A stored report as a draft (measures keep their output names). */
export function specToDraft(spec: ReportDefinition): ReportDraft {
  const join = spec.source.join;
  const draft: ReportDraft = {
    key: spec.key,
    title: (spec.title ?? {}) as LocalizedText,
    form: spec.source.form,
    dimensions: (spec.dimensions ?? []).map((d) => ({
      id: newId('d'),
      field: d.field,
      ...(d.grain ? { grain: d.grain } : {}),
      ...(d.label ? { label: d.label as LocalizedText } : {}),
    })),
    measures: spec.measures.map((m): MeasureItem => {
      if ('kpi' in m) {
        const raw = m as Record<string, unknown>;
        const field =
          typeof raw.field === 'string'
            ? raw.field
            : typeof raw.arrived === 'string'
              ? raw.arrived
              : (((raw.contacts ?? raw.response) as { field?: string } | undefined)?.field ??
                (Array.isArray(raw.match) ? (raw.match[0] as string) : undefined));
        const promised = typeof raw.promised === 'string' ? { promised: raw.promised } : {};
        return {
          id: newId('m'),
          kind: 'kpi',
          kpi: m.kpi,
          as: m.as,
          ...(field ? { field } : {}),
          ...promised,
        };
      }
      return {
        id: newId('m'),
        kind: 'aggregate',
        op: m.op,
        as: m.as,
        ...('field' in m && m.field ? { field: m.field } : {}),
      };
    }),
    filters: (spec.filters ?? []).map((f) => ({
      id: newId('f'),
      field: f.field,
      op: f.op,
      text: filterText(f),
    })),
    chartType: spec.chart?.type ?? 'table',
  };
  const idOf = (name: string) => draft.measures.find((m) => m.as === name)?.id;
  spec.measures.forEach((m, i) => {
    const item = draft.measures[i];
    if ('kpi' in m && m.kpi === 'quality_index' && item?.kind === 'kpi')
      item.components = componentsDraft(m.components as QualityComponentSpec[], idOf);
  });
  const target = TARGET_OF(spec.chart);
  if (target) draft.target = target;
  if (join) {
    draft.join = {
      form: join.form,
      as: join.as ?? join.form,
      source: join.on.source,
      joined: join.on.joined,
    };
  }
  return draft;
}
