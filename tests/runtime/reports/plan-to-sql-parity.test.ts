/**
 * The SQL of every fixture report and KPI preset, run for real on SQLite and PostgreSQL over seeded
 * data, gives the rows the engine's in-memory evaluator gives over the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileReport, evaluatePlan, type PlanStore, type ReportDefinition } from '../../../engine';
import { planToQuery } from '../../../runtime/reports/plan-to-sql';
import { readPlanRows } from '../../../runtime/reports/read-plan-rows';
import { loadFixtures } from '../../helpers/fixtures';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';
import { expectSameRows } from './report-parity-helpers';
import { generateReportData, insertReportData } from './report-data';

interface SpecCase {
  name: string;
  file: string;
  spec: ReportDefinition;
  plan?: unknown;
  issues?: unknown;
  kind?: string;
  fields?: unknown;
  [key: string]: unknown;
}

const { lookup } = reportContext(SERVICE_FORMS);
const engineCases = loadFixtures<SpecCase>('reports').filter(
  (c) => c.plan !== undefined && (c.fields === undefined || c.fields === 'SERVICE_FORMS'),
);
const cases = [...engineCases, ...loadFixtures<SpecCase>('runtime-reports').filter((c) => c.spec)];
const params = { asOf: '2025-06-15T00:00:00.000Z' };

describe.each(DIALECTS)('report SQL on %s gives the engine’s rows', (dialect) => {
  let db: TestDatabase;
  let store: PlanStore;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    store = generateReportData();
    await insertReportData(db.knex, store);
  });
  afterAll(() => db?.drop());

  it('has a few hundred records to compare over', () => {
    expect(store.records.length).toBeGreaterThan(300);
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases.map((c) => [`${c.file} › ${c.name}`, c] as const))('%s', async (_name, c) => {
    const plan = compileReport(c.spec, { fields: lookup });
    const expected = evaluatePlan(plan, store, params);
    const raw = (await planToQuery(db.knex, dialect, plan, params)) as Record<string, unknown>[];
    const actual = readPlanRows(plan, raw, params);
    expect(expected.length).toBeGreaterThan(0);
    expectSameRows(plan, actual, expected);
  });
});
