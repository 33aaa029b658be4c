/**
 * @module A large form for load tests of the designer: a service centre's full intake checklist of
 * `fieldCount` fields in sections, every field type the palette offers (except the customer, which a
 * form holds at most once), each labelled in both languages, choice types with their options, and
 * every seventh field required — the kind of long form a real team grows over the years.
 */
import type { FieldDefinition, FormDefinition } from '../../engine';

/** Leaf types in the order they take turns; `customer` is left out (one per form, top level only). */
const TYPES = [
  'text',
  'textarea',
  'number',
  'integer',
  'money',
  'date',
  'datetime',
  'select',
  'radio',
  'checkbox',
  'rating',
  'nps',
  'ces',
  'phone',
  'email',
  'region',
  'product',
  'serial',
  'attachment',
  'signature',
  'user',
] as const;

const CHOICE_TYPES = new Set(['select', 'radio']);

function options() {
  return [1, 2, 3].map((n) => ({ value: `option${n}`, label: { 'zh-CN': `选项 ${n}`, en: `Option ${n}` } }));
}

/** The key of the `n`th field (1-based), e.g. `f200`. */
export const bulkFieldKey = (n: number) => `f${n}`;

function leaf(n: number): FieldDefinition {
  const type = TYPES[(n - 1) % TYPES.length]!;
  const field: Record<string, unknown> = {
    key: bulkFieldKey(n),
    type,
    label: { 'zh-CN': `检查项 ${n}`, en: `Check item ${n}` },
  };
  if (CHOICE_TYPES.has(type)) field.options = options();
  if (n % 7 === 0) field.required = true;
  return field as unknown as FieldDefinition;
}

/** A form of `fieldCount` leaf fields spread evenly over `sections` sections (keys `s1`…, fields `f1`…). */
export function bulkForm(key: string, fieldCount = 200, sections = 8): FormDefinition {
  const perSection = Math.ceil(fieldCount / sections);
  const fields: FieldDefinition[] = [];
  for (let s = 0; s * perSection < fieldCount; s++) {
    const children: FieldDefinition[] = [];
    for (let n = s * perSection + 1; n <= Math.min(fieldCount, (s + 1) * perSection); n++)
      children.push(leaf(n));
    fields.push({
      key: `s${s + 1}`,
      type: 'section',
      label: { 'zh-CN': `第 ${s + 1} 部分`, en: `Part ${s + 1}` },
      fields: children,
    } as unknown as FieldDefinition);
  }
  return {
    key,
    title: { 'zh-CN': `全面检修登记（${fieldCount} 项）`, en: `Full service check-in (${fieldCount} items)` },
    fields,
  } as FormDefinition;
}
