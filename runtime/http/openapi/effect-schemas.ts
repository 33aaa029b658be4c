/**
 * @module Response schema of `GET /api/records/:id/effect`, typed against `RecordEffect`
 * (`runtime/improvements/effect-service.ts`) and the engine's `EffectVerdict` / `EffectWindows`. The
 * test's `detail` (every figure of the z-test or the U test) is left open.
 */
import type { EffectVerdict } from '../../../engine';
import type { EffectWindow, EffectWindows } from '../../../engine/improvements/index';
import type { RecordEffect } from '../../improvements/effect-service';
import { schemaRef, type JsonObject } from './openapi-parts';
import { arrayOf, closedObject, isoInstant, nullable } from './schema-builders';

const localDate: JsonObject = { type: 'string', format: 'date' };
const sample = closedObject<EffectVerdict['before']>(
  { value: nullable('number'), n: { type: 'integer', minimum: 0 } },
  {},
  'The KPI over one window (percent, median or mean) and the number of observations',
);
const effectWindow = closedObject<EffectWindow>(
  { start: isoInstant, end: isoInstant, firstDay: localDate, lastDay: localDate },
  {},
);

export function effectSchemas(): Record<string, JsonObject> {
  return {
    RecordEffect: closedObject<RecordEffect>(
      {
        recordId: { type: 'string' },
        kpi: { type: 'string', description: 'The KPI preset key' },
        observation: { type: 'string', description: 'What one observation is' },
        scope: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'The scope filters set',
        },
        target: {
          type: 'object',
          required: ['value', 'type'],
          properties: { value: { type: 'number' }, type: { enum: ['absolute', 'relative'] } },
          additionalProperties: false,
        },
        windows: closedObject<EffectWindows>(
          {
            timezone: { type: 'string' },
            days: { type: 'integer', minimum: 1 },
            before: effectWindow,
            after: effectWindow,
            transitionDay: { type: ['string', 'null'], format: 'date' },
            complete: { type: 'boolean' },
            daysElapsed: { type: 'integer', minimum: 0 },
          },
          {},
        ),
        verdict: closedObject<EffectVerdict>(
          {
            kind: { enum: ['rate', 'time', 'score'] },
            better: { enum: ['higher', 'lower'] },
            statistic: { enum: ['percent', 'median', 'mean'] },
            before: sample,
            after: sample,
            change: {
              type: 'object',
              required: ['absolute', 'relative'],
              properties: { absolute: nullable('number'), relative: nullable('number') },
              additionalProperties: false,
            },
            test: {
              type: 'object',
              required: ['name'],
              description: 'The test run, or why it was impossible (`impossible`)',
              properties: {
                name: { enum: ['two-proportion-z-test', 'mann-whitney-u'] },
                statistic: { type: 'number' },
                pValue: { type: 'number', minimum: 0, maximum: 1 },
                significant: { type: 'boolean' },
                detail: { type: 'object' },
                impossible: schemaRef('Issue'),
              },
              additionalProperties: false,
            },
            improved: { type: 'boolean' },
            significant: { type: 'boolean' },
            targetMet: { type: 'boolean' },
            verified: { type: 'boolean' },
            provisional: { type: 'boolean' },
            notes: arrayOf(schemaRef('Issue')),
          },
          {},
        ),
      },
      {},
      'The effect of an improvement item',
    ),
  };
}
