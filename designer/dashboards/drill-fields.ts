/**
 * @module Which data fields the list of records behind a chart point shows beside id, stage, assignee
 * and creation: the report's dimensions that group by a field of the source record (the very values
 * the point stands for, e.g. the complaint category), at most two, headed by the report's own output
 * labels and showing choice values by their option labels, as the chart does.
 */
import type { PlanOutput, ReportDefinition } from '../../engine';
import { dimensionName, SYSTEM_COLUMNS } from '../../engine/reports/index';
import { pickText, type UiLocale } from '../i18n/locale-context';

export interface DrillField {
  /** The field's path inside the record's data. */
  path: string;
  label: string;
  show(value: unknown): string;
}

const MAX_FIELDS = 2;
const SYSTEM = new Set<string>(SYSTEM_COLUMNS);

/** The data path of a report field name, or null for system columns and joined forms' fields. */
function dataPath(field: string): string | null {
  if (field.startsWith('data.')) return field.slice('data.'.length);
  if (field.includes('.') || SYSTEM.has(field)) return null;
  return field;
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function drillFields(
  spec: ReportDefinition | null,
  outputs: readonly PlanOutput[],
  labels: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
  locale: UiLocale,
): DrillField[] {
  const fields: DrillField[] = [];
  for (const dimension of spec?.dimensions ?? []) {
    const path = dimension.grain ? null : dataPath(dimension.field);
    if (path === null || fields.some((f) => f.path === path)) continue;
    const name = dimensionName(dimension);
    const output = outputs.find((o) => o.name === name);
    const label =
      pickText(dimension.label, locale) || (output ? pickText(output.label, locale) : '') || dimension.field;
    const optionLabels = labels?.[name];
    fields.push({
      path,
      label,
      show: (value) =>
        Array.isArray(value)
          ? value.map((v) => optionLabels?.[String(v)] ?? text(v)).join(', ')
          : (optionLabels?.[String(value)] ?? text(value)),
    });
    if (fields.length === MAX_FIELDS) break;
  }
  return fields;
}

/** The value at a dotted path inside a record's data. */
export function valueAt(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const token of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}
