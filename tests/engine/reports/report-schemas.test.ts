/** The report and dashboard meta-schemas compile under strict Ajv and speak both languages in their issues. */
import { describe, expect, it } from 'vitest';
import { metaValidator } from '../../../engine/definitions/definition-ajv';
import { schemaIssues } from '../../../engine/definitions/schema-issues';
import { checkReportDefinition } from '../../../engine/reports/check-report-definition';
import { dashboardDefinitionSchema } from '../../../engine/reports/dashboard-definition.schema';
import {
  reportDefinitionSchema,
  type ReportDefinition,
} from '../../../engine/reports/report-definition.schema';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';

describe('report meta-schemas', () => {
  it('compile in Ajv strict mode', () => {
    expect(() => metaValidator(reportDefinitionSchema)).not.toThrow();
    expect(() => metaValidator(dashboardDefinitionSchema)).not.toThrow();
  });

  it('name the bad variant, not every branch of the union', () => {
    const issues = schemaIssues(reportDefinitionSchema, {
      key: 'r',
      title: { en: 'R' },
      source: { form: 'ticket' },
      measures: [{ kpi: 'nps', as: 'nps', field: 'likelihood', scale: 10 }],
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['unknown-key', '/measures/0/scale']]);
  });

  it('a sum over a text field is reported in Chinese and English at the field', () => {
    const report: ReportDefinition = {
      key: 'r',
      title: { en: 'R' },
      source: { form: 'ticket' },
      measures: [{ op: 'sum', field: 'subject', as: 't' }],
    };
    const ctx = reportContext(SERVICE_FORMS);
    const [zh] = checkReportDefinition(report, ctx, 'zh-CN');
    const [en] = checkReportDefinition(report, ctx, 'en');
    expect(zh).toMatchObject({
      code: 'measure-not-numeric',
      path: '/measures/0/field',
      params: { field: 'subject', type: 'text' },
    });
    expect(zh!.message).toContain('数值字段');
    expect(en!.message).toBe('"sum" needs a numeric field; "subject" is text');
  });

  it('without a context, only the checks that need no other definition run', () => {
    const report: ReportDefinition = {
      key: 'r',
      title: { en: 'R' },
      source: { form: 'nowhere' },
      measures: [
        { op: 'sum', field: 'subject', as: 't' },
        { op: 'count', as: 't' },
      ],
    };
    expect(checkReportDefinition(report, undefined, 'en').map((i) => i.code)).toEqual(['duplicate-output']);
  });
});
