/**
 * @module The value a rule action gives one target field (create-record's `map`, set-fields'
 * `values`), as the designer shows it, and its JSON-Logic: a field of the triggering record
 * (`{"var":"record.f"}`), an aggregate (`{"var":"aggregates.n"}`), a group value (`{"var":"group.f"}`),
 * the window's name (`{"var":"window.key"}`), a fixed value (a plain string, number or boolean), or
 * any other JSON-Logic, kept as it is. `mappingOf(logicOf(m))` gives back `m`.
 */

export type MappingValue =
  | { kind: 'record'; field: string }
  | { kind: 'aggregate'; name: string }
  | { kind: 'group'; field: string }
  | { kind: 'window' }
  | { kind: 'fixed'; value: string | number | boolean }
  | { kind: 'logic'; logic: unknown };

export type MappingKind = MappingValue['kind'];

export const MAPPING_KINDS: readonly MappingKind[] = [
  'record',
  'aggregate',
  'group',
  'window',
  'fixed',
  'logic',
];

const PREFIXES = [
  ['record.', 'record'],
  ['aggregates.', 'aggregate'],
  ['group.', 'group'],
] as const;

const IDENT = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function logicOf(value: MappingValue): unknown {
  switch (value.kind) {
    case 'record':
      return { var: `record.${value.field}` };
    case 'aggregate':
      return { var: `aggregates.${value.name}` };
    case 'group':
      return { var: `group.${value.field}` };
    case 'window':
      return { var: 'window.key' };
    case 'fixed':
      return value.value;
    case 'logic':
      return value.logic;
  }
}

export function mappingOf(logic: unknown): MappingValue {
  if (typeof logic === 'string' || typeof logic === 'number' || typeof logic === 'boolean')
    return { kind: 'fixed', value: logic };
  if (typeof logic === 'object' && logic !== null && !Array.isArray(logic)) {
    const entries = Object.entries(logic);
    if (entries.length === 1 && entries[0]![0] === 'var' && typeof entries[0]![1] === 'string') {
      const name = entries[0]![1];
      if (name === 'window.key') return { kind: 'window' };
      for (const [prefix, kind] of PREFIXES) {
        const rest = name.slice(prefix.length);
        if (name.startsWith(prefix) && IDENT.test(rest)) {
          return kind === 'aggregate' ? { kind, name: rest } : { kind, field: rest };
        }
      }
    }
  }
  return { kind: 'logic', logic };
}

/** The whole map (target field → JSON-Logic) as designer values, in the map's order. */
export function mappingsOf(map: Record<string, unknown> | undefined): [string, MappingValue][] {
  return Object.entries(map ?? {}).map(([field, logic]) => [field, mappingOf(logic)]);
}

/** A fresh value of `kind`, keeping what carries over from `from` (e.g. the field of a group value). */
export function switchKind(
  from: MappingValue,
  kind: MappingKind,
  defaults: { field?: string; aggregate?: string },
): MappingValue {
  const field = 'field' in from ? from.field : (defaults.field ?? '');
  switch (kind) {
    case 'record':
    case 'group':
      return { kind, field };
    case 'aggregate':
      return { kind, name: from.kind === 'aggregate' ? from.name : (defaults.aggregate ?? '') };
    case 'window':
      return { kind };
    case 'fixed':
      return { kind, value: from.kind === 'fixed' ? from.value : '' };
    case 'logic':
      return { kind, logic: asExpression(logicOf(from)) };
  }
}

/**
 * A plain value as an operation giving it (`"x"` → `{"cat":["x"]}`), so that a value switched to
 * JSON-Logic reads back as JSON-Logic and not as a fixed value.
 */
export function asExpression(logic: unknown): unknown {
  if (typeof logic === 'string') return { cat: [logic] };
  if (typeof logic === 'number') return { '+': [logic] };
  if (typeof logic === 'boolean') return { '!!': [logic] };
  return logic;
}

/** A fixed value typed into a text box: numbers stay numbers for numeric targets. */
export function fixedFromText(text: string, numeric: boolean): string | number {
  if (numeric && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}
