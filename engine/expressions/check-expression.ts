/**
 * @module Static checks of a JSON-Logic expression before a definition is saved: only whitelisted
 * operations, bounded depth and size, well-formed variable references. Also lists the variables an
 * expression reads, so reference checks can compare them with a form's fields.
 */
import { createIssue, type Issue } from '../issues/issue';
import { childPointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { expressionMessages } from './expression-messages';
import { ALLOWED_OPERATIONS } from './operations';

export const MAX_EXPRESSION_DEPTH = 32;
export const MAX_EXPRESSION_NODES = 1000;

/** Operations whose second argument is evaluated against each element, not the outer data. */
const SCOPED_OPERATIONS = new Set(['map', 'filter', 'all', 'none', 'some', 'reduce']);

function isOperation(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length === 1;
}

/** Issues for `logic`, each with a path under `basePath` pointing at the bad node. */
export function checkExpression(logic: unknown, basePath = '', locale: Locale = 'en'): Issue[] {
  const issues: Issue[] = [];
  let nodes = 0;
  let tooLarge = false;

  const walk = (node: unknown, path: string, depth: number): void => {
    if (tooLarge) return;
    nodes += 1;
    if (nodes > MAX_EXPRESSION_NODES) {
      tooLarge = true;
      issues.push(
        createIssue(
          expressionMessages,
          'expression-too-large',
          basePath,
          { max: MAX_EXPRESSION_NODES },
          locale,
        ),
      );
      return;
    }
    if (depth > MAX_EXPRESSION_DEPTH) {
      issues.push(
        createIssue(expressionMessages, 'expression-too-deep', path, { max: MAX_EXPRESSION_DEPTH }, locale),
      );
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, childPointer(path, i), depth + 1));
      return;
    }
    if (!isOperation(node)) return; // a literal
    const operation = Object.keys(node)[0] as string;
    const operationPath = childPointer(path, operation);
    if (!ALLOWED_OPERATIONS.has(operation)) {
      issues.push(createIssue(expressionMessages, 'unknown-operation', operationPath, { operation }, locale));
      return;
    }
    const args = node[operation];
    if (operation === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (name !== null && name !== undefined && typeof name !== 'string' && typeof name !== 'number') {
        issues.push(createIssue(expressionMessages, 'invalid-variable', operationPath, {}, locale));
      }
    }
    walk(args, operationPath, depth + 1);
  };

  walk(logic, basePath, 0);
  return issues;
}

/**
 * The variable paths an expression reads from its outer data (`["customer.tier", "priority"]`).
 * Variables inside map / filter / reduce bodies read the element, not the record, and are skipped.
 */
export function expressionVariables(logic: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isOperation(node)) return;
    const operation = Object.keys(node)[0] as string;
    const args = node[operation];
    if (operation === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name === 'string' || typeof name === 'number') found.add(String(name));
      else walk(name);
      return;
    }
    if (SCOPED_OPERATIONS.has(operation) && Array.isArray(args)) return walk(args[0]);
    walk(args);
  };
  walk(logic);
  found.delete('');
  return [...found];
}
