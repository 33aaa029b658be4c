/**
 * @module The meta-schema of a dashboard: a 12-column grid of report cards and shared filters (date
 * range, team, product line, customer tier, …) mapped onto each card's own field.
 */
import type { FromSchema } from 'json-schema-to-ts';
import {
  definitionHeaderProperties,
  definitionKeySchema,
  localizedTextSchema,
} from '../definitions/common-schemas';
import { reportFieldSchema } from './report-filter.schema';

export const DASHBOARD_COLUMNS = 12;

export const dashboardFilterSchema = {
  type: 'object',
  properties: {
    /** `dateRange`, `team`, `productLine`, `customerTier`, or any identifier of the author's. */
    key: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    /** `dateRange` filters become `between`; `select` filters become `in`. */
    kind: { enum: ['dateRange', 'select'] },
    label: localizedTextSchema,
    /** The field filtered when a card's report has no entry in `fields` (e.g. `createdAt`). */
    field: reportFieldSchema,
    /** The field filtered per report key, for reports whose field differs (e.g. `resolvedAt`). */
    fields: {
      type: 'object',
      propertyNames: definitionKeySchema,
      additionalProperties: reportFieldSchema,
    },
    options: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 500 },
  },
  required: ['key', 'kind'],
  additionalProperties: false,
} as const;

export const dashboardCardSchema = {
  type: 'object',
  properties: {
    report: definitionKeySchema,
    x: { type: 'integer', minimum: 0 },
    y: { type: 'integer', minimum: 0 },
    w: { type: 'integer', minimum: 1, maximum: DASHBOARD_COLUMNS },
    h: { type: 'integer', minimum: 1, maximum: 48 },
    title: localizedTextSchema,
  },
  required: ['report', 'x', 'y', 'w', 'h'],
  additionalProperties: false,
} as const;

export const dashboardDefinitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    filters: { type: 'array', items: dashboardFilterSchema, maxItems: 12 },
    cards: { type: 'array', items: dashboardCardSchema, minItems: 1, maxItems: 60 },
    refreshSeconds: { type: 'integer', minimum: 30, maximum: 86400 },
  },
  required: ['key', 'title', 'cards'],
  additionalProperties: false,
} as const;

export type DashboardDefinition = FromSchema<typeof dashboardDefinitionSchema>;
export type DashboardFilter = FromSchema<typeof dashboardFilterSchema>;
export type DashboardCard = FromSchema<typeof dashboardCardSchema>;
