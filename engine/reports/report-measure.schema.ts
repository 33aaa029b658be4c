/**
 * @module The measures of a report: plain aggregates (`op`) or KPI presets (`kpi`) with their declared
 * inputs. `if` the item names a `kpi` the KPI union applies, else the aggregate union; each is a
 * `oneOf` + `discriminator`, so an error names the bad operation or KPI instead of every branch.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema } from '../definitions/common-schemas';
import { reportFieldSchema, reportFilterSchema } from './report-filter.schema';

/** Name of an output column (`as`): an identifier, usable as a SQL alias and a chart reference. */
export const outputNameSchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' } as const;

const whereSchema = { type: 'array', items: reportFilterSchema, minItems: 1, maxItems: 20 } as const;
const daysSchema = { type: 'integer', minimum: 1, maximum: 3650 } as const;
const statisticSchema = { enum: ['avg', 'p50', 'p90'] } as const;
/** Where a per-ticket count or timestamp comes from: a form field, or the record's events of a type. */
const fieldOrEventSchema = {
  type: 'object',
  properties: { field: reportFieldSchema, event: { type: 'string', minLength: 1, maxLength: 100 } },
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
} as const;

/**
 * One KPI in a weighted quality index: another measure of the report by its output name, its weight
 * in percent, and the values that score 0 (`worst`) and 100 (`best`); `best` below `worst` means
 * lower is better (FRT).
 */
const qualityComponentSchema = {
  type: 'object',
  properties: {
    measure: outputNameSchema,
    weight: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
    worst: { type: 'number' },
    best: { type: 'number' },
  },
  required: ['measure', 'weight', 'worst', 'best'],
  additionalProperties: false,
} as const;

export const AGGREGATE_OPS = [
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'p50',
  'p90',
  'p95',
  'ratio',
] as const;
export type AggregateOp = (typeof AGGREGATE_OPS)[number];

export const aggregateMeasureSchema = {
  type: 'object',
  discriminator: { propertyName: 'op' },
  required: ['op'],
  properties: { op: { type: 'string' } },
  oneOf: [
    {
      type: 'object',
      properties: {
        op: { const: 'count' },
        /** Count only rows where this field has a value. */
        field: reportFieldSchema,
        where: whereSchema,
        as: outputNameSchema,
        label: localizedTextSchema,
      },
      required: ['op', 'as'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        op: { enum: ['count_distinct', 'sum', 'avg', 'min', 'max', 'p50', 'p90', 'p95'] },
        field: reportFieldSchema,
        where: whereSchema,
        as: outputNameSchema,
        label: localizedTextSchema,
      },
      required: ['op', 'field', 'as'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        /** Share (in %) of the rows matching `where` among all rows (or among rows where `field` has a value). */
        op: { const: 'ratio' },
        field: reportFieldSchema,
        where: whereSchema,
        as: outputNameSchema,
        label: localizedTextSchema,
      },
      required: ['op', 'where', 'as'],
      additionalProperties: false,
    },
  ],
} as const;

const kpiBase = { as: outputNameSchema, label: localizedTextSchema } as const;

export const kpiMeasureSchema = {
  type: 'object',
  discriminator: { propertyName: 'kpi' },
  required: ['kpi'],
  properties: { kpi: { type: 'string' } },
  oneOf: [
    {
      type: 'object',
      properties: { kpi: { const: 'csat' }, ...kpiBase, field: reportFieldSchema },
      required: ['kpi', 'as', 'field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kpi: { const: 'nps' }, ...kpiBase, field: reportFieldSchema },
      required: ['kpi', 'as', 'field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'ces' },
        ...kpiBase,
        field: reportFieldSchema,
        /** Which end of the 1–7 scale is good: `easy` (7 = very easy, default) or `effort` (7 = much effort). */
        highMeans: { enum: ['easy', 'effort'] },
      },
      required: ['kpi', 'as', 'field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'frt' },
        ...kpiBase,
        /** When the first public, human response happened: a datetime field, or the first event of this type. */
        response: fieldOrEventSchema,
        /** A numeric field with the business-time minutes to first response, when the form keeps one. */
        businessMinutesField: reportFieldSchema,
        statistic: statisticSchema,
      },
      required: ['kpi', 'as', 'response'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kpi: { const: 'resolution_time' }, ...kpiBase, statistic: statisticSchema },
      required: ['kpi', 'as'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'aht' },
        ...kpiBase,
        /** A numeric field with the worked minutes of the ticket (summed work log / stage timers). */
        field: reportFieldSchema,
      },
      required: ['kpi', 'as', 'field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'fcr' },
        ...kpiBase,
        /** How many customer interactions the ticket took: a numeric field, or the count of events of a type. */
        contacts: fieldOrEventSchema,
      },
      required: ['kpi', 'as', 'contacts'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'sla_attainment' },
        ...kpiBase,
        /** Only the clocks of this stage. */
        stage: { type: 'string', minLength: 1, maxLength: 100 },
      },
      required: ['kpi', 'as'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kpi: { const: 'reopen_rate' }, ...kpiBase, withinDays: daysSchema },
      required: ['kpi', 'as'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'backlog' },
        ...kpiBase,
        /** Upper bounds (days) of the age buckets, ascending; default 1, 3, 7, 30. */
        ageBucketDays: { type: 'array', items: daysSchema, minItems: 1, maxItems: 8, uniqueItems: true },
      },
      required: ['kpi', 'as'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'recurrence' },
        ...kpiBase,
        withinDays: daysSchema,
        /** Fields besides the customer that make two tickets "the same problem": product / serial, fault category. */
        match: { type: 'array', items: reportFieldSchema, minItems: 1, maxItems: 4 },
      },
      required: ['kpi', 'as', 'match'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kpi: { const: 'pareto' }, ...kpiBase },
      required: ['kpi', 'as'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'punctuality' },
        ...kpiBase,
        /** The datetime the visit was promised for, and the one the engineer arrived at. */
        promised: reportFieldSchema,
        arrived: reportFieldSchema,
      },
      required: ['kpi', 'as', 'promised', 'arrived'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kpi: { const: 'quality_index' },
        ...kpiBase,
        /** The KPIs blended, each another measure of this report; the weights sum to 100. */
        components: { type: 'array', items: qualityComponentSchema, minItems: 1, maxItems: 10 },
      },
      required: ['kpi', 'as', 'components'],
      additionalProperties: false,
    },
  ],
} as const;

export const reportMeasureSchema = {
  type: 'object',
  if: { type: 'object', required: ['kpi'], properties: { kpi: true } },
  then: kpiMeasureSchema,
  else: aggregateMeasureSchema,
} as const;

export type AggregateMeasure = FromSchema<typeof aggregateMeasureSchema>;
export type KpiMeasure = FromSchema<typeof kpiMeasureSchema>;
export type KpiKey = KpiMeasure['kpi'];
export type ReportMeasure = AggregateMeasure | KpiMeasure;
/** The KPI measure of one preset, e.g. `KpiMeasureOf<'csat'>`. */
export type KpiMeasureOf<K extends KpiKey> = Extract<KpiMeasure, { kpi: K }>;
