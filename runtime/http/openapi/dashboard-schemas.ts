/**
 * @module The dashboard data and link schemas, typed against `DashboardData`
 * (`runtime/dashboards/dashboard-data.ts`), `DashboardFilterView` (`filter-options.ts`) and the link
 * views (`dashboard-links.ts`). A card's result is the report result component; its spec the report
 * meta-schema. Also the body of `POST /api/dashboards/query`, which the route checks in code.
 */
import { LOCALES } from '../../../engine';
import type { CardError, DashboardCardData, DashboardData } from '../../dashboards/dashboard-data';
import type { CreatedDashboardLink, DashboardLink } from '../../dashboards/dashboard-links';
import type { DashboardFilterView } from '../../dashboards/filter-options';
import { DEFINITION_SCHEMAS } from './definition-schemas';
import { schemaRef, type JsonObject } from './openapi-parts';
import {
  arrayOf,
  closedObject,
  enumOf,
  isoInstant,
  nullable,
  nullableOf,
  stringList,
} from './schema-builders';

const linkProperties = {
  id: { type: 'string' },
  createdAt: isoInstant,
  createdBy: { ...nullable('string'), description: 'The user who made the link' },
};

/** What a filter value may be: a date range or a selection (`runtime/dashboards/shared-filter-values.ts`). */
const filterValueSchema: JsonObject = {
  oneOf: [
    {
      type: 'object',
      description: 'A `dateRange` filter: either end may be left open',
      properties: {
        from: { type: ['string', 'null'], format: 'date' },
        to: { type: ['string', 'null'], format: 'date' },
      },
      additionalProperties: false,
    },
    {
      type: 'array',
      description: 'A `select` filter: the chosen values',
      maxItems: 500,
      items: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'number' }, { type: 'boolean' }] },
    },
    { type: 'null' },
  ],
};

export function dashboardSchemas(): Record<string, JsonObject> {
  return {
    DashboardFilterValues: {
      type: 'object',
      description: 'The viewer’s value per shared filter key (422 naming the filter when one does not fit)',
      additionalProperties: filterValueSchema,
    },
    DashboardQueryInput: {
      type: 'object',
      required: ['dashboard'],
      properties: {
        dashboard: schemaRef(DEFINITION_SCHEMAS.dashboard),
        filters: schemaRef('DashboardFilterValues'),
        locale: { enum: [...LOCALES] },
      },
    },
    DashboardData: closedObject<DashboardData>(
      {
        key: { type: 'string' },
        title: schemaRef('LocalizedText'),
        refreshSeconds: { ...nullable('integer'), description: 'How often a viewer should refresh' },
        filters: arrayOf(schemaRef('DashboardFilterView'), 'The shared filters with their choices'),
        cards: arrayOf(schemaRef('DashboardCardData'), 'The cards in the order of the definition'),
        refreshedAt: { ...isoInstant, description: 'When the server computed these results' },
      },
      {},
      'A dashboard’s cards run with the viewer’s shared filters',
    ),
    DashboardFilterView: closedObject<DashboardFilterView>(
      {
        key: { type: 'string' },
        kind: enumOf<DashboardFilterView['kind']>()(['dateRange', 'select']),
        label: nullableOf(schemaRef('LocalizedText')),
        options: {
          ...stringList,
          maxItems: 500,
          description: 'The definition’s options, else the distinct values in the cards’ reports',
        },
      },
      {},
    ),
    DashboardCardData: closedObject<DashboardCardData>(
      {
        report: { type: 'string' },
        x: { type: 'integer', minimum: 0 },
        y: { type: 'integer', minimum: 0 },
        w: { type: 'integer', minimum: 1 },
        h: { type: 'integer', minimum: 1 },
        title: {
          ...nullableOf(schemaRef('LocalizedText')),
          description: 'The card’s title, else the report’s',
        },
        spec: {
          ...nullableOf(schemaRef(DEFINITION_SCHEMAS.report)),
          description: 'The published report; null when it is missing, and on a shared link',
        },
        result: {
          ...nullableOf(schemaRef('ReportResult')),
          description: 'Null when the report could not run',
        },
        error: nullableOf(
          closedObject<CardError>({ code: { type: 'string' }, message: { type: 'string' } }, {}),
        ),
        sharedFilters: {
          ...nullableOf(
            arrayOf(
              { $ref: '#/components/schemas/ReportDefinition/properties/filters/items' },
              'Report filters',
            ),
          ),
          description:
            'The shared filters as applied to this card’s report (for `POST /api/reports/records`); null on a shared link',
        },
      },
      {},
      'One card: where it sits, its report’s result or why there is none',
    ),
    DashboardLink: closedObject<DashboardLink>(linkProperties, {}, 'A read-only link, without its token'),
    CreatedDashboardLink: closedObject<CreatedDashboardLink>(
      {
        ...linkProperties,
        token: { type: 'string', description: 'The secret of the link, shown this once' },
        path: { type: 'string', description: 'The page address of the read-only view, `/d/<token>`' },
      },
      {},
      'A new read-only link with its token',
    ),
  };
}
