/**
 * @module The meta-schema of a report: source form (optionally joined with a second form), filters,
 * dimensions with time grains, measures / KPI presets, sort, limit, time zone and chart.
 */
import type { FromSchema } from 'json-schema-to-ts';
import {
  definitionHeaderProperties,
  definitionKeySchema,
  localizedTextSchema,
} from '../definitions/common-schemas';
import { reportChartSchema } from './report-chart.schema';
import { reportFieldSchema, reportFilterSchema } from './report-filter.schema';
import { outputNameSchema, reportMeasureSchema, type ReportMeasure } from './report-measure.schema';

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/** The zone time grains and date-only filter bounds are read in, unless a report says otherwise. */
export const DEFAULT_REPORT_TIMEZONE = 'Asia/Shanghai';

export const reportJoinSchema = {
  type: 'object',
  properties: {
    form: definitionKeySchema,
    /** Prefix of the joined form's fields in this report (`survey.rating`); defaults to the form key. */
    as: outputNameSchema,
    /** Equality between a field of the source form and one of the joined form: `ticket.id = survey.ticket`. */
    on: {
      type: 'object',
      properties: { source: reportFieldSchema, joined: reportFieldSchema },
      required: ['source', 'joined'],
      additionalProperties: false,
    },
    /** `left` keeps source records without a match (tickets without a survey); `inner` drops them. */
    type: { enum: ['left', 'inner'] },
  },
  required: ['form', 'on'],
  additionalProperties: false,
} as const;

export const reportDimensionSchema = {
  type: 'object',
  properties: {
    field: reportFieldSchema,
    grain: { enum: TIME_GRAINS },
    as: outputNameSchema,
    label: localizedTextSchema,
    /** Keep the top N values (by the first measure, summed over other dimensions). */
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
    sort: { enum: ['asc', 'desc'] },
  },
  required: ['field'],
  additionalProperties: false,
} as const;

export const reportSortSchema = {
  type: 'object',
  properties: { by: { type: 'string', minLength: 1, maxLength: 200 }, direction: { enum: ['asc', 'desc'] } },
  required: ['by'],
  additionalProperties: false,
} as const;

export const reportDefinitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    source: {
      type: 'object',
      properties: { form: definitionKeySchema, join: reportJoinSchema },
      required: ['form'],
      additionalProperties: false,
    },
    filters: { type: 'array', items: reportFilterSchema, maxItems: 50 },
    dimensions: { type: 'array', items: reportDimensionSchema, maxItems: 4 },
    measures: { type: 'array', items: reportMeasureSchema, minItems: 1, maxItems: 20 },
    sort: { type: 'array', items: reportSortSchema, maxItems: 8 },
    limit: { type: 'integer', minimum: 1, maximum: 10000 },
    /** IANA zone of time grains and date-only filter bounds; default Asia/Shanghai. */
    timezone: { type: 'string', minLength: 1, maxLength: 64 },
    chart: reportChartSchema,
  },
  required: ['key', 'title', 'source', 'measures'],
  additionalProperties: false,
} as const;

/**
 * json-schema-to-ts cannot follow the measures' `if` / `then` / `else`, so that one property is typed
 * by hand as the union of the two branches it selects between.
 */
export type ReportDefinition = Omit<FromSchema<typeof reportDefinitionSchema>, 'measures'> & {
  measures: ReportMeasure[];
};
export type ReportDimension = FromSchema<typeof reportDimensionSchema>;
export type ReportJoin = FromSchema<typeof reportJoinSchema>;
export type ReportSort = FromSchema<typeof reportSortSchema>;
