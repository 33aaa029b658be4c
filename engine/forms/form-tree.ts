/**
 * @module The form's field tree resolved into data scopes: sections dissolve into their parent's scope
 * (carrying their visibility conditions down to their fields), each repeating group opens a scope of
 * its own for its rows. Definition checks, the data schema and the compiled validator all read this
 * one view, built once per definition object.
 */
import { childPointer } from '../issues/json-pointer';
import type { FieldDefinition, FormDefinition, GroupField, LeafField } from './form-definition.schema';

/** A condition with the pointer of the expression in the definition document. */
export interface LocatedLogic {
  logic: unknown;
  path: string;
}

/** A field that holds data: a leaf field or a repeating group. */
export interface DataNode {
  field: LeafField | GroupField;
  key: string;
  /** Pointer to the field in the definition document, e.g. `/fields/3/fields/0`. */
  definitionPath: string;
  /** The key other definitions use: `group.field` inside repeating groups. */
  infoKey: string;
  /** The enclosing sections' `visibleWhen` (outermost first) followed by the field's own. */
  visibleWhen: LocatedLogic[];
  requiredWhen?: LocatedLogic;
  computed?: LocatedLogic;
  scope: FormScope;
  /** The scope of a group's rows. */
  rows?: FormScope;
}

/** Anything that occupies a key in a scope, sections included (their keys must be unique too). */
export interface ScopeEntry {
  key: string;
  definitionPath: string;
  section: boolean;
}

export interface FormScope {
  /** Data fields of the scope in document order. */
  nodes: DataNode[];
  byKey: Map<string, DataNode>;
  entries: ScopeEntry[];
  /** The group whose rows this scope describes; absent at the top level. */
  group?: DataNode;
  parent?: FormScope;
}

function newScope(group?: DataNode, parent?: FormScope): FormScope {
  return { nodes: [], byKey: new Map(), entries: [], group, parent };
}

function addFields(
  scope: FormScope,
  fields: readonly FieldDefinition[],
  listPath: string,
  sectionConditions: LocatedLogic[],
  keyPrefix: string,
): void {
  fields.forEach((field, i) => {
    const definitionPath = childPointer(listPath, i);
    scope.entries.push({ key: field.key, definitionPath, section: field.type === 'section' });
    const own =
      field.visibleWhen === undefined
        ? []
        : [{ logic: field.visibleWhen, path: childPointer(definitionPath, 'visibleWhen') }];
    if (field.type === 'section') {
      addFields(
        scope,
        field.fields,
        childPointer(definitionPath, 'fields'),
        [...sectionConditions, ...own],
        keyPrefix,
      );
      return;
    }
    const node: DataNode = {
      field,
      key: field.key,
      definitionPath,
      infoKey: keyPrefix + field.key,
      visibleWhen: [...sectionConditions, ...own],
      scope,
    };
    if (field.requiredWhen !== undefined)
      node.requiredWhen = { logic: field.requiredWhen, path: childPointer(definitionPath, 'requiredWhen') };
    if ('computed' in field && field.computed !== undefined) {
      node.computed = { logic: field.computed, path: childPointer(definitionPath, 'computed') };
    }
    // The first field with a key wins; duplicates are a definition issue, not a crash.
    if (!scope.byKey.has(field.key)) scope.byKey.set(field.key, node);
    scope.nodes.push(node);
    if (field.type === 'group') {
      node.rows = newScope(node, scope);
      addFields(node.rows, field.fields, childPointer(definitionPath, 'fields'), [], node.infoKey + '.');
    }
  });
}

const trees = new WeakMap<FormDefinition, FormScope>();

/** The top-level scope of `form` (built on first use, then cached by definition object). */
export function formTree(form: FormDefinition): FormScope {
  let tree = trees.get(form);
  if (!tree) {
    tree = newScope();
    addFields(tree, form.fields, '/fields', [], '');
    trees.set(form, tree);
  }
  return tree;
}

/** Every data node of the tree, depth first in document order. */
export function allNodes(scope: FormScope): DataNode[] {
  return scope.nodes.flatMap((node) => (node.rows ? [node, ...allNodes(node.rows)] : [node]));
}

/** Every scope of the tree, the top level first. */
export function allScopes(scope: FormScope): FormScope[] {
  return [scope, ...scope.nodes.flatMap((node) => (node.rows ? allScopes(node.rows) : []))];
}
