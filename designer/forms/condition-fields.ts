/**
 * @module The fields a field's conditions (visible when, required when) may read, as the engine
 * resolves variables: the fields of its own scope and of the enclosing scopes (inside a repeating
 * group, the row's fields shadow top-level ones), never itself or the fields it contains.
 */
import { listFormFields, type FieldInfo } from '../../engine';
import type { ConditionField } from '../conditions/condition-builder';
import { allDraftNodes, fieldsFromNodes, locate, type DraftNode } from './form-draft-tree';

interface Candidate {
  infoKey: string;
  node: DraftNode;
  order: number;
}

function candidates(nodes: readonly DraftNode[], prefix: string, into: Candidate[]): void {
  for (const node of nodes) {
    if (node.field.type === 'section') {
      candidates(node.children ?? [], prefix, into);
      continue;
    }
    into.push({ infoKey: prefix + node.field.key, node, order: into.length });
    if (node.field.type === 'group') candidates(node.children ?? [], prefix + node.field.key + '.', into);
  }
}

function infosOf(nodes: readonly DraftNode[]): Map<string, FieldInfo> {
  try {
    const infos = listFormFields({ key: 'draft', fields: fieldsFromNodes(nodes) });
    return new Map(infos.map((i) => [i.key, i]));
  } catch {
    return new Map(); // a draft the engine cannot read yet: offer nothing rather than fail
  }
}

/** The fields node `nodeId`'s conditions may compare, with keys as its expressions name them. */
export function conditionFieldsFor(nodes: readonly DraftNode[], nodeId: string): ConditionField[] {
  const found = locate(nodes, nodeId);
  if (!found) return [];
  const infos = infosOf(nodes);
  const excluded = new Set(allDraftNodes([found.node]).map((n) => n.id));
  const prefixes = [''];
  for (const group of found.ancestors.filter((a) => a.field.type === 'group'))
    prefixes.unshift((prefixes[0] ?? '') + group.field.key + '.');
  const all: Candidate[] = [];
  candidates(nodes, '', all);
  const chosen = new Map<string, Candidate & { key: string }>();
  for (const prefix of prefixes) {
    for (const c of all) {
      if (!c.infoKey.startsWith(prefix)) continue;
      const key = c.infoKey.slice(prefix.length);
      if (key.includes('.') || chosen.has(key) || excluded.has(c.node.id)) continue;
      chosen.set(key, { ...c, key });
    }
  }
  return [...chosen.values()]
    .sort((a, b) => a.order - b.order)
    .flatMap((c) => {
      const info = infos.get(c.infoKey);
      if (!info) return [];
      const field: ConditionField = { ...info, key: c.key };
      if (c.node.field.label !== undefined) field.label = c.node.field.label as ConditionField['label'];
      const options = c.node.field.options as
        { value: string; label?: ConditionField['label'] }[] | undefined;
      if (Array.isArray(options))
        field.optionLabels = Object.fromEntries(options.map((o) => [o.value, o.label ?? o.value]));
      return [field];
    });
}
