/**
 * @module Collects the observations of one KPI over one window from the stored tickets and survey
 * answers, by running a report grouped by record id through the report engine (`runReport`): the KPI
 * preset's own formula, compiled to SQL for SQLite or PostgreSQL, evaluated per ticket or per answer.
 * Reusing the preset keeps "CSAT" or "FCR" here exactly what the dashboards show.
 *
 * Per record, a rate preset gives 100 (success), 0 (failure) or nothing (not a trial: an unresolved
 * ticket for FCR, a visit without both times for punctuality); a time preset gives the record's minutes;
 * NPS gives +100 / 0 / −100 per answer (`npsPoints`) and CES the answer, whose means are the KPIs.
 * Tickets count in the window they were created in, survey answers in the one they were given in;
 * answers are joined to their tickets so the scope (product line, model, fault category, province)
 * applies to them too. The forms and fields are those of the `after-sales-ticket` and
 * `after-sales-survey` templates, which the measures below name as the quality dashboards do.
 */
import { KPI_EFFECT_KINDS, type Locale, type ReportDefinition } from '../../engine';
import type { EffectWindow, Proportion } from '../../engine/improvements/index';
import { DEFAULT_REPORT_TIMEZONE, type ReportFilter } from '../../engine/reports/index';
import type { KpiMeasure } from '../../engine/reports/report-measure.schema';
import { invalid } from '../http/errors';
import { runReport } from '../reports/run-report';
import type { RuntimeContext } from '../runtime-context';
import { effectIssue } from './effect-messages';
import { SCOPE_FIELDS, type EffectScope, type ScopeField } from './effect-scope';

export const TICKET_FORM = 'after-sales-ticket';
export const SURVEY_FORM = 'after-sales-survey';
/** Answers are joined to their tickets under this prefix (`survey.csat`, `survey.createdAt`). */
const SURVEY = 'survey';

/**
 * The most records one window reads (the report row limit). A window that reaches it is refused rather
 * than judged on a silently cut sample.
 */
export const MAX_OBSERVATIONS = 10_000;

interface KpiSource {
  /** The measure, named `value`, as the ticket and quality templates' reports write it. */
  measure: KpiMeasure;
  /** Observations per survey answer (joined to its ticket) rather than per ticket. */
  perAnswer: boolean;
}

const SOURCES = {
  csat: { measure: { kpi: 'csat', field: `${SURVEY}.csat`, as: 'value' }, perAnswer: true },
  nps: { measure: { kpi: 'nps', field: `${SURVEY}.nps`, as: 'value' }, perAnswer: true },
  ces: { measure: { kpi: 'ces', field: `${SURVEY}.ces`, as: 'value' }, perAnswer: true },
  fcr: { measure: { kpi: 'fcr', contacts: { field: 'contactCount' }, as: 'value' }, perAnswer: false },
  sla_attainment: { measure: { kpi: 'sla_attainment', as: 'value' }, perAnswer: false },
  reopen_rate: { measure: { kpi: 'reopen_rate', withinDays: 30, as: 'value' }, perAnswer: false },
  recurrence: {
    measure: { kpi: 'recurrence', match: ['model', 'category'], withinDays: 30, as: 'value' },
    perAnswer: false,
  },
  punctuality: {
    measure: { kpi: 'punctuality', promised: 'visitPromisedAt', arrived: 'visitArrivedAt', as: 'value' },
    perAnswer: false,
  },
  frt: { measure: { kpi: 'frt', response: { field: 'firstResponseAt' }, as: 'value' }, perAnswer: false },
  resolution_time: { measure: { kpi: 'resolution_time', as: 'value' }, perAnswer: false },
} satisfies Record<string, KpiSource>;

export type MeasurableKpi = keyof typeof SOURCES;
export const MEASURABLE_KPIS = Object.keys(SOURCES) as MeasurableKpi[];

/** The report measure the KPI is collected with (its preset also says which way is better). */
export const kpiMeasureOf = (kpi: MeasurableKpi): KpiMeasure => (SOURCES[kpi] as KpiSource).measure;

export type Observations = { kind: 'rate'; sample: Proportion } | { kind: 'values'; sample: number[] };

function windowReport(kpi: MeasurableKpi, window: EffectWindow, scope: EffectScope): ReportDefinition {
  const source = SOURCES[kpi] as KpiSource;
  const prefix = source.perAnswer ? `${SURVEY}.` : '';
  const filters: ReportFilter[] = [
    { field: `${prefix}createdAt`, op: 'gte', value: window.start },
    { field: `${prefix}createdAt`, op: 'lt', value: window.end },
  ];
  for (const [key, value] of Object.entries(scope) as [ScopeField, string][]) {
    filters.push({ field: SCOPE_FIELDS[key], op: 'eq', value });
  }
  return {
    key: `effect-${kpi}`,
    title: { en: 'Effect observations', 'zh-CN': '效果观测值' },
    source: source.perAnswer
      ? {
          form: TICKET_FORM,
          join: { form: SURVEY_FORM, as: SURVEY, on: { source: 'id', joined: 'ticket' }, type: 'inner' },
        }
      : { form: TICKET_FORM },
    filters,
    dimensions: [{ field: `${prefix}id`, as: 'record' }],
    measures: [source.measure],
    limit: MAX_OBSERVATIONS,
    timezone: DEFAULT_REPORT_TIMEZONE,
  } as ReportDefinition;
}

/** The KPI's observations in one window, as `verifyEffect` takes them for the KPI's kind. */
export async function collectObservations(
  runtime: RuntimeContext,
  kpi: MeasurableKpi,
  window: EffectWindow,
  scope: EffectScope,
  which: { name: 'before' | 'after'; locale: Locale },
): Promise<Observations> {
  const { rows } = await runReport(runtime, windowReport(kpi, window, scope));
  if (rows.length >= MAX_OBSERVATIONS) {
    const name = which.locale === 'zh-CN' ? (which.name === 'before' ? '上线前' : '上线后') : which.name;
    const issue = effectIssue(
      'window-too-large',
      '/effectWindowDays',
      { window: name, max: MAX_OBSERVATIONS },
      which.locale,
    );
    throw invalid([issue], 'The comparison window holds more records than the test reads');
  }
  const values = rows
    .map((row) => row.value)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (KPI_EFFECT_KINDS[kpi]!.kind === 'rate') {
    // A ticket with several SLA clocks counts as met only when all of them were met.
    return {
      kind: 'rate',
      sample: { successes: values.filter((v) => v >= 100).length, trials: values.length },
    };
  }
  return { kind: 'values', sample: values };
}
