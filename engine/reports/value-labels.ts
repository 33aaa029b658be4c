/**
 * @module The shown text of choice-field dimension values: a report groups by the stored option value
 * (`screen`), a reader wants the option's label in their language (`Screen` / `屏幕`). Rows keep the raw
 * value (drill-down into records needs it); charts, tables and CSV show the label from this map.
 */
import type { FormDefinition } from '../forms/form-definition.schema';
import { formTree } from '../forms/form-tree';
import { pickText, type LocalizedText, type Locale } from '../issues/locale';
import { dimensionName } from './compile-report';
import type { JsonScalar } from './query-plan';
import type { ReportDefinition } from './report-definition.schema';
import { resolveField } from './report-field';

/** A form definition by key, or `undefined` for an unknown form. */
export type FormLookup = (formKey: string) => FormDefinition | undefined;

/** Dimension output name → raw option value → its label in one locale. */
export type ValueLabels = Record<string, Record<string, string>>;

type Option = { value: string; label?: LocalizedText };

function optionsOf(field: unknown): readonly Option[] | undefined {
  const options = (field as { options?: unknown }).options;
  return Array.isArray(options) ? (options as Option[]) : undefined;
}

/**
 * The option labels, in `locale` (else the other language, else the raw value), of each dimension
 * that groups by a choice field (select / radio / product options) of the source or joined form.
 * Time-bucketed dimensions, system columns and fields inside repeating groups are left raw.
 */
export function dimensionValueLabels(
  spec: Pick<ReportDefinition, 'source' | 'dimensions'>,
  forms: FormLookup,
  locale: Locale,
): ValueLabels {
  const labels: ValueLabels = {};
  for (const d of spec.dimensions ?? []) {
    if (d.grain) continue;
    const field = resolveField(d.field, spec);
    // A nested path (`group.field`) reads a list of rows, not one option: no single label applies.
    if (field.system || field.path?.length !== 1) continue;
    const form = forms(field.form);
    const node = form ? formTree(form).byKey.get(field.path[0]!) : undefined;
    const options = node ? optionsOf(node.field) : undefined;
    if (!options) continue;
    // fromEntries defines own keys, so an option named `__proto__` stays a plain entry.
    labels[dimensionName(d)] = Object.fromEntries(
      options.map((o) => [o.value, pickText(o.label, locale, o.value)]),
    );
  }
  return labels;
}

/**
 * Dimensions whose values are user ids — the record's `assignee`, or a `user` field of the source or
 * joined form — so the runtime can show people by name (it alone can read the users).
 */
export function userDimensionNames(
  spec: Pick<ReportDefinition, 'source' | 'dimensions'>,
  forms: FormLookup,
): string[] {
  const names: string[] = [];
  for (const d of spec.dimensions ?? []) {
    if (d.grain) continue;
    const field = resolveField(d.field, spec);
    if (field.system) {
      if (field.system === 'assignee') names.push(dimensionName(d));
      continue;
    }
    if (field.path?.length !== 1) continue;
    const form = forms(field.form);
    const node = form ? formTree(form).byKey.get(field.path[0]!) : undefined;
    if ((node?.field as { type?: string } | undefined)?.type === 'user') names.push(dimensionName(d));
  }
  return names;
}

/** The shown text of `value` in column `name`: its label when it has one, else the value itself. */
export function valueLabel(labels: ValueLabels | undefined, name: string, value: JsonScalar | undefined) {
  if (typeof value !== 'string') return value;
  const map = labels?.[name];
  return map && Object.hasOwn(map, value) ? map[value]! : value;
}
