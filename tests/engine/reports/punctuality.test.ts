/**
 * On-site punctuality on constructed visits: arrived by the promise (on the minute counts) ÷ visits with
 * both times; tickets without a visit count on neither side; the field inputs must be datetimes.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../../engine/definitions/definition-context';
import { checkReportDefinition } from '../../../engine/reports/check-report-definition';
import { compileReport } from '../../../engine/reports/compile-report';
import { evaluatePlan, type PlanRecord } from '../../../engine/reports/evaluate-plan';
import type { ReportDefinition } from '../../../engine/reports/report-definition.schema';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';

const context = reportContext(SERVICE_FORMS);

const spec = (promised = 'visitPromisedAt'): ReportDefinition => ({
  key: 'punctuality',
  title: { en: 'Punctuality' },
  source: { form: 'ticket' },
  measures: [{ kpi: 'punctuality', promised, arrived: 'visitArrivedAt', as: 'onTime' }],
});

const fields: FieldInfo[] = [
  { key: 'visitPromisedAt', type: 'datetime', numeric: false },
  { key: 'visitArrivedAt', type: 'datetime', numeric: false },
];
const withVisits = reportContext({ ticket: [...SERVICE_FORMS.ticket!, ...fields] });

let seq = 0;
const ticket = (promised?: string, arrived?: string): PlanRecord => ({
  id: `t${++seq}`,
  form: 'ticket',
  createdAt: '2026-09-01T01:00:00.000Z',
  data: {
    ...(promised ? { visitPromisedAt: promised } : {}),
    ...(arrived ? { visitArrivedAt: arrived } : {}),
  },
});

describe('on-site punctuality', () => {
  it('is 2 of 3 visits: early and on the minute count, 5 minutes late does not, no visit is left out', () => {
    const records = [
      ticket('2026-09-02T02:00:00.000Z', '2026-09-02T01:40:00.000Z'),
      ticket('2026-09-02T06:00:00.000Z', '2026-09-02T06:00:00.000Z'),
      ticket('2026-09-03T02:00:00.000Z', '2026-09-03T02:05:00.000Z'),
      ticket('2026-09-04T02:00:00.000Z'),
      ticket(),
    ];
    const plan = compileReport(spec(), { fields: withVisits.lookup });
    expect(evaluatePlan(plan, { records })[0]!.onTime).toBeCloseTo((2 / 3) * 100, 9);
    expect(plan.outputs[0]).toMatchObject({ format: 'percent', better: 'higher', kpi: 'punctuality' });
    expect(plan.outputs[0]!.formula!.en).toContain('visitArrivedAt ≤ visitPromisedAt');
  });

  it('needs datetime fields of the source form', () => {
    const issues = checkReportDefinition(spec('category'), withVisits, 'en');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['kpi-input-wrong-type', '/measures/0/promised']]);
    expect(checkReportDefinition(spec(), context, 'en').map((i) => i.path)).toEqual([
      '/measures/0/promised',
      '/measures/0/arrived',
    ]);
  });
});
