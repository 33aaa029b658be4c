/**
 * @module A new field of a type, as a palette drop or "add" creates it: a key not yet used in the
 * form, the type's name as its label in both languages, and whatever the engine requires of the type
 * (two starter options for choice types, an empty list for containers).
 */
import { isContainerType, requiredProperties } from './engine-field-types';
import { fieldTypeLabel } from './field-type-messages';
import { uniqueKey, type FieldProps } from './form-draft-tree';

function starterOptions() {
  return [1, 2].map((n) => ({ value: `option${n}`, label: { 'zh-CN': `选项 ${n}`, en: `Option ${n}` } }));
}

/** A field of `type` whose key is not in `taken` (which gains it). */
export function newField(type: string, taken: Set<string>): FieldProps {
  const field: FieldProps = { key: uniqueKey(`${type}1`, taken), type, label: fieldTypeLabel(type) };
  if (requiredProperties(type).includes('options')) field.options = starterOptions();
  if (isContainerType(type)) field.fields = [];
  return field;
}
