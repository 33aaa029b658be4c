/**
 * @module Values a link carries: `/f/csat?ticket=<id>` fills the form's top-level field `ticket`, so a
 * satisfaction survey sent after a ticket is closed refers to that ticket (a read-only field shows the
 * reference without letting it be edited). Parameters that name no such field are ignored; values
 * take the field's type (numbers, yes/no, lists for multiple choice). Files, regions and groups cannot
 * be given this way.
 */
import type { FieldDefinition, FormDefinition } from '../../engine';
import { scopeFields } from '../form-renderer/field-pointers';

const NUMERIC = new Set(['number', 'integer', 'money', 'rating', 'nps', 'ces']);
const NOT_FROM_LINKS = new Set(['attachment', 'signature', 'region', 'group']);

function valueFor(field: FieldDefinition, values: string[]): unknown {
  const first = values[0] ?? '';
  if (NUMERIC.has(field.type)) {
    const n = Number(first);
    return first.trim() !== '' && Number.isFinite(n) ? n : first;
  }
  if (field.type === 'checkbox') {
    if (['1', 'true', 'yes', 'on'].includes(first.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(first.toLowerCase())) return false;
    return first;
  }
  if (field.type === 'select' && field.multiple) return values.flatMap((v) => v.split(',')).filter(Boolean);
  return first;
}

export function prefillFromQuery(form: FormDefinition, query: URLSearchParams): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, field] of scopeFields(form.fields)) {
    if (NOT_FROM_LINKS.has(field.type) || ('computed' in field && field.computed !== undefined)) continue;
    const values = query.getAll(key);
    if (values.length === 0 || values.every((v) => v === '')) continue;
    data[key] = valueFor(field, values);
  }
  return data;
}
