/**
 * @module The data fields of a form as other definitions see them (FieldInfo): what a report may
 * measure, what a flow may require, what a rule may group by. Sections are transparent; fields of a
 * repeating group are listed as `group.field` after the group itself.
 */
import type { FieldInfo } from '../definitions/definition-context';
import type { FormDefinition } from './form-definition.schema';
import { allNodes, formTree, type DataNode } from './form-tree';
import { fieldTypeOf } from './fields/field-types';

export function fieldInfo(node: DataNode): FieldInfo {
  const field = node.field;
  if (field.type === 'group') return { key: node.infoKey, type: 'group', numeric: false, multiple: true };
  const spec = fieldTypeOf(field);
  const info: FieldInfo = { key: node.infoKey, type: field.type, numeric: spec.numeric };
  const extra = spec.info?.(field);
  if (extra?.options !== undefined) info.options = extra.options;
  if (extra?.multiple !== undefined) info.multiple = extra.multiple;
  return info;
}

/** The form's data fields in document order, group fields as `group.field`. */
export function listFormFields(form: FormDefinition): FieldInfo[] {
  return allNodes(formTree(form)).map(fieldInfo);
}
