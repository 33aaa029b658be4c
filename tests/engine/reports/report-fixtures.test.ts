/**
 * Data-driven report cases from tests/fixtures/reports: valid specs compile to the expected plan
 * parts; invalid specs give exactly the expected issues, from the meta-schema first, then the checks.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../../engine/definitions/definition-context';
import { schemaIssues } from '../../../engine/definitions/schema-issues';
import {
  checkDashboardDefinition,
  checkReportDefinition,
} from '../../../engine/reports/check-report-definition';
import { compileReport } from '../../../engine/reports/compile-report';
import {
  dashboardDefinitionSchema,
  type DashboardDefinition,
} from '../../../engine/reports/dashboard-definition.schema';
import {
  reportDefinitionSchema,
  type ReportDefinition,
} from '../../../engine/reports/report-definition.schema';
import { loadFixtures } from '../../helpers/fixtures';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';

interface ReportCase {
  name: string;
  kind?: 'report' | 'dashboard';
  spec: unknown;
  fields?: 'SERVICE_FORMS' | Record<string, FieldInfo[]>;
  reports?: string[];
  plan?: Record<string, unknown>;
  issues?: { code: string; path: string }[];
}

const cases = loadFixtures<ReportCase & { [k: string]: unknown }>('reports');
const contextOf = (c: ReportCase) =>
  reportContext(
    c.fields === undefined || c.fields === 'SERVICE_FORMS' ? SERVICE_FORMS : c.fields,
    c.reports ?? [],
  );

function issuesOf(c: ReportCase) {
  const ctx = contextOf(c);
  const dashboard = c.kind === 'dashboard';
  const structural = schemaIssues(dashboard ? dashboardDefinitionSchema : reportDefinitionSchema, c.spec);
  if (structural.length > 0) return structural;
  return dashboard
    ? checkDashboardDefinition(c.spec as DashboardDefinition, ctx, 'en')
    : checkReportDefinition(c.spec as ReportDefinition, ctx, 'en');
}

describe('report fixtures', () => {
  it('found fixture cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const c of cases.filter((c) => c.plan !== undefined)) {
    it(`${c.file} › ${c.name}`, () => {
      expect(issuesOf(c)).toEqual([]);
      const plan = compileReport(c.spec as ReportDefinition, { fields: contextOf(c).lookup });
      expect(plan).toMatchObject(c.plan!);
      // The plan travels to the runtime as JSON: it must survive a round trip unchanged.
      expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    });
  }

  for (const c of cases.filter((c) => c.issues !== undefined)) {
    it(`${c.file} › ${c.name}`, () => {
      const issues = issuesOf(c);
      expect(issues.map(({ code, path }) => ({ code, path }))).toEqual(c.issues);
      for (const issue of issues) expect(issue.message).not.toBe(issue.code);
    });
  }
});
