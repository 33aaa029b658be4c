/**
 * @module The report result schema, typed against `ReportResult` (`runtime/reports/run-report.ts`) and
 * the engine's `PlanOutput`. Rows are keyed by output name (scalars only); the chart option is an
 * ECharts document and stays open. The records behind a chart point: the request body the route
 * checks (`ReportRecordsInput`) and the answer, typed against `RecordsBehindPoint`
 * (`runtime/reports/records-behind-point.ts`).
 */
import { LOCALES } from '../../../engine';
import { TIME_GRAINS, type OutputFormat, type PlanOutput } from '../../../engine/reports/index';
import {
  RECORDS_BEHIND_DEFAULT_LIMIT,
  RECORDS_BEHIND_MAX_LIMIT,
  type RecordBehindPoint,
  type RecordsBehindPoint,
} from '../../reports/records-behind-point';
import type { ReportResult } from '../../reports/run-report';
import { schemaRef, type JsonObject } from './openapi-parts';
import { arrayOf, closedObject, enumOf, isoInstant, mapOf, nullable, userData } from './schema-builders';

const scalar = { type: ['string', 'number', 'boolean', 'null'] };

export function reportSchemas(): Record<string, JsonObject> {
  return {
    ReportResult: closedObject<ReportResult>(
      {
        rows: arrayOf(
          mapOf({ type: ['string', 'number', 'boolean', 'null'] }, 'One row: output name → value'),
        ),
        outputs: arrayOf(schemaRef('ReportOutput'), 'The columns of the rows'),
        labels: mapOf(
          mapOf({ type: 'string' }, 'Raw value → option label'),
          'Choice-field dimensions: output name → (raw value in the rows → option label in the requested locale)',
        ),
        option: {
          type: ['object', 'null'],
          description: 'The ECharts option when the spec has a chart (an ECharts document), else null',
        },
      },
      {},
    ),
    ReportRecordsInput: {
      type: 'object',
      description: 'Exactly one of `report` and `spec` (422 at `/spec` for both, at `/report` for neither)',
      required: ['point'],
      properties: {
        report: { type: 'string', minLength: 1, description: 'The key of a published report' },
        spec: schemaRef('ReportDefinition'),
        point: mapOf(
          scalar,
          'Dimension output name → raw value of the clicked point (a time bucket by its first day, ' +
            '`YYYY-MM-DD`); `{}` for every row (gauges, KPI cards). An unknown name is 422 at `/point/<name>`',
        ),
        sharedFilters: arrayOf(
          { $ref: '#/components/schemas/ReportDefinition/properties/filters/items' },
          'Dashboard filters already mapped to this report’s fields, checked as its own filters are',
        ),
        limit: {
          type: 'integer',
          minimum: 1,
          maximum: RECORDS_BEHIND_MAX_LIMIT,
          default: RECORDS_BEHIND_DEFAULT_LIMIT,
        },
        locale: { enum: [...LOCALES] },
      },
      oneOf: [{ required: ['report'] }, { required: ['spec'] }],
    },
    RecordsBehindPoint: closedObject<RecordsBehindPoint>(
      {
        records: arrayOf(schemaRef('RecordBehindPoint'), 'Newest first, at most `limit`'),
        total: {
          type: 'integer',
          minimum: 0,
          description: 'How many records are behind the point (only the caller’s own with `read-own`)',
        },
        limit: { type: 'integer', minimum: 1, maximum: RECORDS_BEHIND_MAX_LIMIT },
      },
      {},
      'The source records behind a chart point',
    ),
    RecordBehindPoint: closedObject<RecordBehindPoint>(
      {
        id: { type: 'string' },
        form: { type: 'string' },
        stage: nullable('string'),
        assignee: nullable('string'),
        createdAt: isoInstant,
        updatedAt: isoInstant,
        data: userData('Field values, as they are now'),
      },
      {},
    ),
    ReportOutput: closedObject<PlanOutput>(
      {
        name: { type: 'string' },
        role: enumOf<PlanOutput['role']>()(['dimension', 'measure']),
        label: schemaRef('Text'),
        format: enumOf<OutputFormat>()(['number', 'integer', 'percent', 'minutes', 'date', 'text']),
        grain: { enum: [...TIME_GRAINS] },
        kpi: { type: 'string', description: 'The KPI preset behind the value' },
        formula: schemaRef('Text'),
        better: enumOf<NonNullable<PlanOutput['better']>>()(['higher', 'lower']),
        computed: { type: 'boolean', description: 'Computed by a post step rather than by SQL' },
      },
      { grain: true, kpi: true, formula: true, better: true, computed: true },
      'One column of the result, with what a chart or table needs to show it',
    ),
  };
}
