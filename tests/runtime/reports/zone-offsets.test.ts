/** SQLite's time-zone offsets come from the engine's zone functions, with transitions to the second. */
import { describe, expect, it } from 'vitest';
import { compileReport, evaluatePlan, type ReportDefinition } from '../../../engine';
import { offsetSegments } from '../../../runtime/reports/zone-offsets';
import { generateReportData } from './report-data';

const range = (from: string, to: string) => ({ from: Date.parse(from), to: Date.parse(to) });

describe('zone offsets over a span', () => {
  it('Asia/Shanghai keeps one offset', () => {
    expect(offsetSegments('Asia/Shanghai', range('2000-01-01T00:00Z', '2030-01-01T00:00Z'))).toEqual([
      { offsetMinutes: 480, until: null },
    ]);
  });

  it('Europe/Berlin switches back at 01:00 UTC on 26 October 2025, and forward in March', () => {
    expect(offsetSegments('Europe/Berlin', range('2025-10-01T00:00Z', '2025-11-01T00:00Z'))).toEqual([
      { offsetMinutes: 120, until: Date.parse('2025-10-26T01:00:00Z') },
      { offsetMinutes: 60, until: null },
    ]);
    const year = offsetSegments('Europe/Berlin', range('2025-01-01T00:00Z', '2026-01-01T00:00Z'));
    expect(year.map((s) => s.until)).toEqual([
      Date.parse('2025-03-30T01:00:00Z'),
      Date.parse('2025-10-26T01:00:00Z'),
      null,
    ]);
  });

  it('the seeded data is sensitive to the switch: a fixed +02:00 would bucket some days differently', () => {
    const spec = (timezone: string): ReportDefinition => ({
      key: 'k',
      title: { en: 'K' },
      source: { form: 'ticket' },
      timezone,
      dimensions: [{ field: 'createdAt', grain: 'day' }],
      measures: [{ op: 'count', as: 'n' }],
    });
    const store = generateReportData();
    const berlin = evaluatePlan(compileReport(spec('Europe/Berlin')), store);
    const fixed = evaluatePlan(compileReport(spec('Etc/GMT-2')), store);
    expect(berlin).not.toEqual(fixed);
  });
});
