/**
 * @module The report HTTP area's work: an ad-hoc spec is validated against the stored definitions
 * (422 with the engine's issues) before it runs; a published report runs as stored; a result becomes
 * CSV with the outputs' labels in the viewer's language.
 */
import { pickText, validateDefinition, valueLabel, type Locale, type ReportDefinition } from '../../engine';
import { DefinitionStore } from '../definitions/definition-store';
import { loadDefinitionContext } from '../definitions/stored-definition-context';
import { invalid } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { writeCsv } from './csv-writer';
import { runReport, type ReportResult } from './run-report';

/** `asOf` from a query string: an ISO instant, else 422. */
export function parseAsOf(value: unknown): Record<string, string> {
  if (value === undefined || value === '') return {};
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) {
    throw invalid([{ code: 'invalid-as-of', path: '/asOf', message: 'asOf must be an ISO-8601 instant' }]);
  }
  return { asOf: new Date(parsed).toISOString() };
}

/** Runs an unsaved spec after checking it like a saved one. */
export async function queryReport(
  runtime: RuntimeContext,
  spec: unknown,
  locale: Locale,
  params: Record<string, string> = {},
): Promise<ReportResult> {
  if (spec === undefined || spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw invalid([{ code: 'required', path: '/spec', message: 'The body needs a report spec in "spec"' }]);
  }
  const context = await loadDefinitionContext(runtime.db.knex);
  const issues = validateDefinition('report', spec, { context, locale });
  if (issues.length > 0) throw invalid(issues, 'The report spec has problems');
  return runReport(runtime, spec as ReportDefinition, { locale, params });
}

/** Runs the latest published version of report `key`. */
export async function publishedReportData(
  runtime: RuntimeContext,
  key: string,
  locale: Locale,
  params: Record<string, string> = {},
): Promise<ReportResult> {
  const report = await new DefinitionStore(runtime).getPublished<ReportDefinition>('report', key);
  return runReport(runtime, report.body, { locale, params });
}

/**
 * The result as CSV: one column per output, headed by its label in `locale`; choice-field values shown
 * by their option labels (`result.labels`, built in the same locale).
 */
export function reportCsv(result: ReportResult, locale: Locale): string {
  const header = result.outputs.map((o) => pickText(o.label, locale, o.name));
  const rows = result.rows.map((row) =>
    result.outputs.map((o) => valueLabel(result.labels, o.name, row[o.name]) ?? null),
  );
  return writeCsv(header, rows);
}
