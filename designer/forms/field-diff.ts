/**
 * @module The difference between two versions of a form, field by field: which fields were added,
 * removed, and which changed and in what properties (label, required, options, conditions …, and
 * `place` when a field moved into another section or group). Fields are matched by their data key
 * (`group.field` inside repeating groups; sections do not change a field's key), as records are.
 */
export interface FieldSummary {
  /** The field's key path, e.g. `parts.partNo`. */
  path: string;
  type: string;
  label?: unknown;
}

export interface PropertyChange {
  property: string;
  before: unknown;
  after: unknown;
}

export interface FieldChange extends FieldSummary {
  properties: PropertyChange[];
}

export interface FormDiff {
  added: FieldSummary[];
  removed: FieldSummary[];
  changed: FieldChange[];
  /** Changes of the form's own title and description. */
  header: PropertyChange[];
}

interface Flat {
  field: Record<string, unknown>;
  /** The key path of the enclosing section or group, '' at the top level. */
  place: string;
}

type FieldList = readonly unknown[] | undefined;

function flatten(fields: FieldList, prefix: string, place: string, into: Map<string, Flat>): void {
  for (const raw of fields ?? []) {
    const field = raw as Record<string, unknown> & { key: string; type: string; fields?: FieldList };
    const path = prefix + field.key;
    if (!into.has(path)) into.set(path, { field, place });
    if (field.type === 'group') flatten(field.fields, path + '.', path, into);
    else if (field.type === 'section') flatten(field.fields, prefix, prefix + field.key, into);
  }
}

/** JSON with object keys sorted, so property order does not count as a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function propertyChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  skip: ReadonlySet<string>,
): PropertyChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((n) => !skip.has(n));
  return names
    .filter((n) => !sameJson(before[n], after[n]))
    .map((property) => ({ property, before: before[property], after: after[property] }));
}

function summary(path: string, field: Record<string, unknown>): FieldSummary {
  const s: FieldSummary = { path, type: String(field.type) };
  if (field.label !== undefined) s.label = field.label;
  return s;
}

const FIELD_SKIP = new Set(['key', 'fields']);
const HEADER_SKIP = new Set(['key', 'fields', 'version']);

/** What changed from `before` to `after` (two form definitions). */
export function diffForms(before: { fields?: FieldList }, after: { fields?: FieldList }): FormDiff {
  const a = new Map<string, Flat>();
  const b = new Map<string, Flat>();
  flatten(before.fields, '', '', a);
  flatten(after.fields, '', '', b);
  const diff: FormDiff = {
    added: [],
    removed: [],
    changed: [],
    header: propertyChanges(before as Record<string, unknown>, after as Record<string, unknown>, HEADER_SKIP),
  };
  for (const [path, old] of a) if (!b.has(path)) diff.removed.push(summary(path, old.field));
  for (const [path, now] of b) {
    const old = a.get(path);
    if (!old) {
      diff.added.push(summary(path, now.field));
      continue;
    }
    const properties = propertyChanges(old.field, now.field, FIELD_SKIP);
    if (old.place !== now.place)
      properties.push({ property: 'place', before: old.place || null, after: now.place || null });
    if (properties.length > 0) diff.changed.push({ ...summary(path, now.field), properties });
  }
  return diff;
}

/** Whether a diff holds no change at all. */
export function isEmptyDiff(diff: FormDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.header.length;
}
