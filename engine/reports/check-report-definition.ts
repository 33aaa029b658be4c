/**
 * @module Semantic checks of a report, run after its meta-schema passes: forms and fields exist,
 * measures suit their fields (sums need numbers, grains need time), KPI inputs have the right type,
 * output names are unique, and the chart and sort name outputs that exist.
 */
import type { DefinitionContext } from '../definitions/definition-context';
import { createIssue, type Issue } from '../issues/issue';
import { pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { isValidTimeZone } from '../time/zoned-time';
import { compileMeasure } from './compile-measure';
import { dimensionName } from './compile-report';
import { kpiPresetOf } from './kpis/index';
import { PlanBuilder } from './plan-builder';
import type { PlanOutput } from './query-plan';
import { DEFAULT_REPORT_TIMEZONE, type ReportDefinition } from './report-definition.schema';
import { isTimeKind, JOIN_ALIAS, resolveField, type FieldLookup, type ResolvedField } from './report-field';
import { reportMessages } from './report-messages';
import { checkReportChart } from './check-report-chart';

export { checkDashboardDefinition } from './check-dashboard-definition';

type Emit = (code: string, tokens: (string | number)[], params?: Record<string, unknown>) => void;

const typeName = (r: ResolvedField) => r.info?.type ?? (r.system ? `system ${r.kind}` : r.kind);

/** Checks every field the report names; returns the lookup the other checks resolve with. */
function checkFields(report: ReportDefinition, context: DefinitionContext, emit: Emit): void {
  const lookup: FieldLookup = (form) => context.formFields(form);
  const knownForm = (form: string) => context.formFields(form) !== undefined;
  const resolve = (name: string, tokens: (string | number)[]): ResolvedField | undefined => {
    const r = resolveField(name, report, lookup);
    if (!knownForm(r.form)) return undefined;
    if (r.unknown) {
      emit('unknown-field', tokens, { form: r.form, field: name });
      return undefined;
    }
    return r;
  };

  const join = report.source.join;
  if (join) {
    resolve(join.on.source, ['source', 'join', 'on', 'source']);
    resolve(`${join.as ?? join.form}.${join.on.joined}`, ['source', 'join', 'on', 'joined']);
  }
  (report.filters ?? []).forEach((f, i) => resolve(f.field, ['filters', i, 'field']));
  (report.dimensions ?? []).forEach((d, i) => {
    const r = resolve(d.field, ['dimensions', i, 'field']);
    if (!r) return;
    if (r.kind === 'list') emit('field-is-list', ['dimensions', i, 'field'], { field: d.field });
    if (d.grain && !isTimeKind(r.kind) && r.kind !== 'unknown') {
      emit('grain-not-time', ['dimensions', i, 'grain'], { field: d.field, type: typeName(r) });
    }
  });

  report.measures.forEach((m, i) => {
    ((!('kpi' in m) && m.where) || []).forEach((f, j) =>
      resolve(f.field, ['measures', i, 'where', j, 'field']),
    );
    if (!('kpi' in m)) {
      if (m.field === undefined) return;
      const r = resolve(m.field, ['measures', i, 'field']);
      if (!r || r.kind === 'unknown') return;
      const numericOps = ['sum', 'avg', 'p50', 'p90', 'p95'];
      if (numericOps.includes(m.op) || m.op === 'min' || m.op === 'max') {
        if (r.kind === 'list') return emit('field-is-list', ['measures', i, 'field'], { field: m.field });
        const ok = r.kind === 'number' || (!numericOps.includes(m.op) && isTimeKind(r.kind));
        if (!ok) {
          const code = numericOps.includes(m.op) ? 'measure-not-numeric' : 'measure-not-comparable';
          emit(code, ['measures', i, 'field'], { op: m.op, field: m.field, type: typeName(r) });
        }
      }
      return;
    }
    const preset = kpiPresetOf(m);
    for (const input of preset.fieldInputs(m as never)) {
      const tokens = ['measures', i, ...input.tokens];
      const r = resolve(input.field, tokens);
      if (!r) continue;
      if (input.sourceOnly && r.table === JOIN_ALIAS) {
        emit('kpi-input-not-source', tokens, { kpi: m.kpi, field: input.field, form: report.source.form });
        continue;
      }
      const e = input.expects;
      const ok =
        (e.types === undefined || (r.info !== undefined && e.types.includes(r.info.type))) &&
        (!e.numeric || r.kind === 'number') &&
        (!e.time || isTimeKind(r.kind));
      if (!ok)
        emit('kpi-input-wrong-type', tokens, {
          kpi: m.kpi,
          field: input.field,
          expected: e.describe,
          type: typeName(r),
        });
    }
  });
}

/** The outputs of the report in order, with the pointer tokens of what names each. */
export function reportOutputs(
  report: ReportDefinition,
): { output: PlanOutput; tokens: (string | number)[] }[] {
  const b = new PlanBuilder(report, report.timezone ?? DEFAULT_REPORT_TIMEZONE);
  const outputs: { output: PlanOutput; tokens: (string | number)[] }[] = (report.dimensions ?? []).map(
    (d, i) => ({
      output: { name: dimensionName(d), role: 'dimension', label: d.label ?? {}, format: 'text' },
      tokens: ['dimensions', i, d.as !== undefined ? 'as' : 'field'],
    }),
  );
  report.measures.forEach((m, i) => {
    for (const output of compileMeasure(m, b).outputs)
      outputs.push({ output, tokens: ['measures', i, 'as'] });
  });
  return outputs;
}

export function checkReportDefinition(
  report: ReportDefinition,
  context: DefinitionContext | undefined,
  locale: Locale = 'en',
): Issue[] {
  const issues: Issue[] = [];
  const emit: Emit = (code, tokens, params = {}) =>
    issues.push(createIssue(reportMessages, code, pointer(...tokens), params, locale));

  if (report.timezone !== undefined && !isValidTimeZone(report.timezone)) {
    emit('invalid-timezone', ['timezone'], { timezone: report.timezone });
  }

  if (context) {
    const forms: [string, (string | number)[]][] = [[report.source.form, ['source', 'form']]];
    if (report.source.join) forms.push([report.source.join.form, ['source', 'join', 'form']]);
    for (const [form, tokens] of forms) if (!context.formFields(form)) emit('unknown-form', tokens, { form });
    checkFields(report, context, emit);
  }

  report.measures.forEach((m, i) => {
    if (!('kpi' in m)) return;
    for (const p of kpiPresetOf(m).check?.(m as never, report, i) ?? []) emit(p.code, p.tokens, p.params);
  });

  const outputs = reportOutputs(report);
  const seen = new Set<string>();
  for (const { output, tokens } of outputs) {
    if (seen.has(output.name)) emit('duplicate-output', tokens, { name: output.name });
    seen.add(output.name);
  }
  const roles = new Map(outputs.map(({ output }) => [output.name, output.role]));
  (report.sort ?? []).forEach((s, i) => {
    if (!roles.has(s.by)) emit('unknown-output', ['sort', i, 'by'], { name: s.by, known: [...roles.keys()] });
  });
  if (report.chart) checkReportChart(report.chart, roles, emit);
  return issues;
}
