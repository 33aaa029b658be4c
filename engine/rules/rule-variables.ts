/**
 * @module The variables an expression reads, each with the JSON Pointer of its `var` node, so a
 * reference check can point at the bad variable itself rather than at the whole expression. Reads
 * inside map / filter / reduce bodies are of the element, not the rule's data, and are skipped (as
 * `expressionVariables` does).
 */
import { childPointer } from '../issues/json-pointer';

const SCOPED_OPERATIONS = new Set(['map', 'filter', 'all', 'none', 'some', 'reduce']);

export interface VariableReference {
  name: string;
  /** Pointer to the `var` operand (`…/var` or `…/var/0`). */
  path: string;
}

function isOperation(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length === 1;
}

export function variableReferences(logic: unknown, basePath: string): VariableReference[] {
  const found: VariableReference[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, childPointer(path, i)));
    if (!isOperation(node)) return;
    const operation = Object.keys(node)[0] as string;
    const args = node[operation];
    const at = childPointer(path, operation);
    if (operation === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      const namePath = Array.isArray(args) ? childPointer(at, 0) : at;
      if (typeof name === 'string' && name !== '') found.push({ name, path: namePath });
      else if (typeof name === 'number') found.push({ name: String(name), path: namePath });
      else if (Array.isArray(args)) walk(args[0], namePath);
      else walk(args, at);
      return;
    }
    if (SCOPED_OPERATIONS.has(operation) && Array.isArray(args)) return walk(args[0], childPointer(at, 0));
    walk(args, at);
  };
  walk(logic, basePath);
  return found;
}
