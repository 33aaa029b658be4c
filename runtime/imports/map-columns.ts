/**
 * @module Maps a sheet's header row to the form's fields. A column matches a field by its key, or by
 * its label in zh-CN or en — case-insensitive, trimmed, full-width folded. Fields inside sections are
 * matched like top-level ones; repeating groups cannot be imported from a flat sheet. Columns that match
 * nothing, and a second column for a field already mapped, become job-level issues (reported once, not
 * per row); so does a required field that no column provides.
 */
import type { FieldDefinition, FormDefinition, Locale } from '../../engine';
import { normalizeName, type ImportField } from './convert-cell';
import { importMessage } from './import-messages';

export interface ColumnMapping {
  /** Column index → field. */
  columns: Map<number, ImportField>;
  /** Field key → the column's header as written in the file. */
  headerOf: Map<string, string>;
  /** Job-level issues (row `null`). */
  issues: JobIssue[];
}

export interface JobIssue {
  /** Excel row number (header = 1), or null for the whole file. */
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

interface FlatField extends ImportField {
  required: boolean;
}

/** The fields a flat sheet can fill: leaf fields at the top level and inside sections. */
export function importableFields(form: FormDefinition): { fields: FlatField[]; groups: string[] } {
  const fields: FlatField[] = [];
  const groups: string[] = [];
  const walk = (list: readonly FieldDefinition[]) => {
    for (const field of list) {
      if (field.type === 'section') walk(field.fields);
      else if (field.type === 'group') groups.push(field.key);
      else {
        const f = field as FieldDefinition & Partial<FlatField> & { default?: unknown; computed?: unknown };
        fields.push({
          key: f.key,
          type: f.type,
          label: f.label,
          options: f.options,
          multiple: f.multiple,
          required: f.required === true && f.default === undefined && f.computed === undefined,
        });
      }
    }
  };
  walk(form.fields);
  return { fields, groups };
}

const columnName = (header: string, index: number) => (header === '' ? `#${index + 1}` : header);

export function mapColumns(
  form: FormDefinition,
  header: string[],
  hasData: (column: number) => boolean,
  locale: Locale,
): ColumnMapping {
  const { fields, groups } = importableFields(form);
  const byKey = new Map(fields.map((f) => [normalizeName(f.key), f]));
  const byLabel = new Map<string, FlatField>();
  for (const field of fields) {
    for (const label of Object.values(field.label ?? {})) {
      const name = typeof label === 'string' ? normalizeName(label) : '';
      if (name !== '' && !byLabel.has(name)) byLabel.set(name, field);
    }
  }
  const groupKeys = new Set(groups.map(normalizeName));

  const columns = new Map<number, ImportField>();
  const headerOf = new Map<string, string>();
  const issues: JobIssue[] = [];
  header.forEach((raw, index) => {
    const name = normalizeName(raw);
    if (name === '') {
      if (hasData(index)) {
        issues.push({
          row: null,
          column: columnName(raw, index),
          field: null,
          code: 'unnamed-column',
          message: importMessage('unnamed-column', { index: index + 1 }, locale),
        });
      }
      return;
    }
    const field = byKey.get(name) ?? byLabel.get(name);
    if (!field) {
      const group = groupKeys.has(name);
      issues.push({
        row: null,
        column: raw,
        field: null,
        code: group ? 'group-column' : 'unknown-column',
        message: importMessage(group ? 'group-column' : 'unknown-column', { column: raw }, locale),
      });
      return;
    }
    if (headerOf.has(field.key)) {
      issues.push({
        row: null,
        column: raw,
        field: field.key,
        code: 'duplicate-column',
        message: importMessage('duplicate-column', { column: raw, first: headerOf.get(field.key) }, locale),
      });
      return;
    }
    columns.set(index, field);
    headerOf.set(field.key, raw);
  });
  for (const field of fields) {
    if (field.required && !headerOf.has(field.key)) {
      issues.push({
        row: null,
        column: null,
        field: field.key,
        code: 'missing-column',
        message: importMessage(
          'missing-column',
          { label: field.label?.[locale] ?? field.label?.en ?? field.label?.['zh-CN'] ?? field.key },
          locale,
        ),
      });
    }
  }
  return { columns, headerOf, issues };
}
