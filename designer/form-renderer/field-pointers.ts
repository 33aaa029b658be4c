/**
 * @module Between the engine's JSON Pointers and react-hook-form's names: `/parts/0/qty` is
 * `parts.0.qty` (field keys are identifiers, so neither a dot nor a slash can occur in them). An
 * issue may point inside a value (`/address/city`, `/photos/1/size`); `fieldPointerOf` finds the
 * field the message belongs under, walking the definition as the engine walks its data scopes.
 */
import { parsePointer, pointer, type FieldDefinition, type FormDefinition } from '../../engine';

/** `/parts/0/qty` → `parts.0.qty`; `''` → `''`. */
export const nameOf = (path: string): string => parsePointer(path).join('.');

/** `parts.0.qty` → `/parts/0/qty`. */
export const pointerOfName = (name: string): string => (name === '' ? '' : pointer(...name.split('.')));

/** The data fields of a field list by key, sections dissolved into it. */
export function scopeFields(fields: readonly FieldDefinition[]): Map<string, FieldDefinition> {
  const scope = new Map<string, FieldDefinition>();
  const add = (list: readonly FieldDefinition[]) => {
    for (const field of list) {
      if (field.type === 'section') add(field.fields);
      else if (!scope.has(field.key)) scope.set(field.key, field);
    }
  };
  add(fields);
  return scope;
}

export interface LocatedField {
  /** The field's own pointer, e.g. `/parts/0/qty`. */
  pointer: string;
  field: FieldDefinition;
}

/**
 * The field an issue path is about: the deepest field along it, with the rest of the path being
 * inside that field's value. A path through a group row that names no field of the row is the
 * group's; a path naming no field at all is undefined (a message for the whole form).
 */
export function locateField(form: FormDefinition, path: string): LocatedField | undefined {
  let tokens: string[];
  try {
    tokens = parsePointer(path);
  } catch {
    return undefined;
  }
  let scope = scopeFields(form.fields);
  const taken: string[] = [];
  let found: LocatedField | undefined;
  for (let i = 0; i < tokens.length;) {
    const field = scope.get(tokens[i]!);
    if (!field) break;
    taken.push(tokens[i]!);
    found = { pointer: pointer(...taken), field };
    i += 1;
    const row = tokens[i];
    if (field.type !== 'group' || row === undefined || !/^\d+$/.test(row) || tokens.length <= i + 1) break;
    taken.push(row);
    i += 1;
    scope = scopeFields(field.fields);
  }
  return found;
}
