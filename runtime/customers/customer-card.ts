/**
 * @module How a record reads when it is shown as a customer (the picker, the history's head) or as an
 * entry of a customer's service history. Any form may be a customer form, so both are read from the
 * field types rather than fixed keys: the name is the `name` field or the first text field, the tier the
 * `tier` field, the phone the first phone field; an entry's summary is its product, serial number and
 * first line of text, the fields it copied from the customer left out (they say nothing new).
 */
import { customerFillOf, listFormFields, type FieldInfo, type FormDefinition } from '../../engine';
import type { RecordData } from '../records/record-rows';

export interface CustomerCard {
  id: string;
  form: string;
  name: string | null;
  tier: string | null;
  phone: string | null;
}

const SUMMARY_LENGTH = 120;

const topLevel = (form: FormDefinition): FieldInfo[] =>
  listFormFields(form).filter((f) => !f.key.includes('.'));

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function firstOfType(fields: FieldInfo[], data: RecordData, types: readonly string[]): string | null {
  for (const field of fields) {
    if (!types.includes(field.type)) continue;
    const value = text(data[field.key]);
    if (value !== null) return value;
  }
  return null;
}

export function customerCard(
  id: string,
  formKey: string,
  form: FormDefinition,
  data: RecordData,
): CustomerCard {
  const fields = topLevel(form);
  return {
    id,
    form: formKey,
    name: text(data.name) ?? firstOfType(fields, data, ['text']),
    tier: text(data.tier),
    phone: firstOfType(fields, data, ['phone']),
  };
}

/** A one-line summary of a record about a customer: product · serial · its first text. */
export function recordSummary(form: FormDefinition, data: RecordData): string {
  const filled = new Set(customerFillOf(form)?.pairs.map(([target]) => target) ?? []);
  const fields = topLevel(form).filter((f) => !filled.has(f.key));
  const parts = [
    firstOfType(fields, data, ['product']),
    firstOfType(fields, data, ['serial']),
    firstOfType(fields, data, ['text', 'textarea']),
  ].filter((p): p is string => p !== null);
  const summary = parts.join(' · ').replace(/\s+/g, ' ');
  return summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH - 1)}…` : summary;
}
