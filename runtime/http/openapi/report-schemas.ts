/**
 * @module The report result schema, typed against `ReportResult` (`runtime/reports/run-report.ts`) and
 * the engine's `PlanOutput`. Rows are keyed by output name (scalars only); the chart option is an
 * ECharts document and stays open.
 */
import { TIME_GRAINS, type OutputFormat, type PlanOutput } from '../../../engine/reports/index';
import type { ReportResult } from '../../reports/run-report';
import { schemaRef, type JsonObject } from './openapi-parts';
import { arrayOf, closedObject, enumOf, mapOf } from './schema-builders';

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
