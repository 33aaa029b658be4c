/**
 * @module The fields of the flow's form as the flow designer offers them (required-to-leave fields,
 * guard conditions, SLA tiers and priorities): the engine's field list (`listFormFields`) with each
 * field's label and its options' labels read from the form definition.
 */
import { listFormFields, type FormDefinition } from '../../engine';
import type { Text } from './flow-doc';
import type { LabelledField } from './sla-dimensions';

interface FieldNode {
  key?: string;
  type?: string;
  label?: Text | string;
  options?: { value?: unknown; label?: Text | string }[];
  fields?: FieldNode[];
}

function collectLabels(nodes: FieldNode[] | undefined, prefix: string, out: Map<string, FieldNode>): void {
  for (const node of nodes ?? []) {
    if (node.type === 'section') collectLabels(node.fields, prefix, out);
    else if (node.key !== undefined) {
      out.set(prefix + node.key, node);
      if (node.type === 'group') collectLabels(node.fields, `${prefix}${node.key}.`, out);
    }
  }
}

export function formFieldOptions(form: FormDefinition): LabelledField[] {
  const nodes = new Map<string, FieldNode>();
  collectLabels((form as unknown as { fields?: FieldNode[] }).fields, '', nodes);
  return listFormFields(form).map((info) => {
    const node = nodes.get(info.key);
    const field: LabelledField = { ...info };
    if (node?.label !== undefined) field.label = node.label;
    const optionLabels: Record<string, Text | string> = {};
    for (const option of node?.options ?? []) {
      if (option.label !== undefined && option.value !== undefined)
        optionLabels[String(option.value)] = option.label;
    }
    if (Object.keys(optionLabels).length > 0) field.optionLabels = optionLabels;
    return field;
  });
}
