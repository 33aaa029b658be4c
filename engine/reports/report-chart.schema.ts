/**
 * @module The chart of a report: its type and which outputs it plots. One `oneOf` branch per chart
 * type (discriminated on `type`), so each type accepts only the references it uses.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema } from '../definitions/common-schemas';

/** A reference to a dimension (its `as`, else its field) or a measure (its `as`). */
const refSchema = { type: 'string', minLength: 1, maxLength: 200 } as const;
const refsSchema = {
  anyOf: [refSchema, { type: 'array', items: refSchema, minItems: 1, maxItems: 12 }],
} as const;

export const chartTargetSchema = {
  type: 'object',
  properties: {
    value: { type: 'number' },
    /** Which side of the target is good: `above` (e.g. CSAT ≥ 90 %) or `below` (e.g. FRT ≤ 30 min). */
    direction: { enum: ['above', 'below'] },
    label: localizedTextSchema,
  },
  required: ['value', 'direction'],
  additionalProperties: false,
} as const;

const common = { title: localizedTextSchema, target: chartTargetSchema } as const;

export const CHART_TYPES = [
  'line',
  'bar',
  'stacked_bar',
  'pie',
  'pareto',
  'gauge',
  'kpi_card',
  'table',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const reportChartSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  properties: { type: { type: 'string' } },
  oneOf: [
    {
      type: 'object',
      properties: {
        type: { enum: ['line', 'bar', 'stacked_bar'] },
        ...common,
        x: refSchema,
        y: refsSchema,
        /** A second dimension whose values become the series (one line / bar stack per value). */
        series: refSchema,
        horizontal: { type: 'boolean' },
      },
      required: ['type', 'x', 'y'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'pie' }, ...common, x: refSchema, y: refSchema },
      required: ['type', 'x', 'y'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'pareto' },
        ...common,
        x: refSchema,
        y: refSchema,
        /** The cumulative share output (0–100); computed from `y` when absent. */
        cumulative: refSchema,
      },
      required: ['type', 'x', 'y'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'gauge' },
        ...common,
        y: refSchema,
        min: { type: 'number' },
        max: { type: 'number' },
      },
      required: ['type', 'y'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'kpi_card' }, ...common, y: refSchema, x: refSchema },
      required: ['type', 'y'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'table' },
        ...common,
        columns: { type: 'array', items: refSchema, minItems: 1, maxItems: 40 },
      },
      required: ['type'],
      additionalProperties: false,
    },
  ],
} as const;

export type ReportChart = FromSchema<typeof reportChartSchema>;
export type ChartTarget = FromSchema<typeof chartTargetSchema>;
