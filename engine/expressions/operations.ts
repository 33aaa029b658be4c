/**
 * @module The whitelist of JSON-Logic operations a definition may use, and their installation into
 * json-logic-js. Anything not listed here (`method`, `log`, dotted names) is refused when a definition
 * is validated and never reaches the interpreter.
 */
import jsonLogic from 'json-logic-js';
import { betweenOperation, containsOperation, inOperation } from './collection-operations';
import { dateOperations } from './date-operations';
import { boundedCat, boundedMerge, meterInterpreter } from './evaluation-budget';
import { safeVar } from './safe-var';

/** json-logic-js operations kept as they are. */
const BUILT_IN = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  'and',
  'or',
  '!',
  '!!',
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'cat',
  'substr',
  'merge',
  'in',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
] as const;

/** Operations the product adds. */
const ADDED = ['between', 'contains', 'now', 'date_add', 'date_diff', 'date_before', 'date_after'] as const;

export const ALLOWED_OPERATIONS: ReadonlySet<string> = new Set<string>([...BUILT_IN, ...ADDED]);

let installed = false;

/**
 * Installs the safe `var`, the safe `in`, the capped `merge` / `cat`, the added operations and the
 * step meter; idempotent.
 */
export function installOperations(): void {
  if (installed) return;
  jsonLogic.add_operation('var', safeVar);
  jsonLogic.add_operation('in', inOperation);
  jsonLogic.add_operation('between', betweenOperation);
  jsonLogic.add_operation('contains', containsOperation);
  // The two operations that can double a value per step (inside reduce) are capped.
  jsonLogic.add_operation('merge', boundedMerge);
  jsonLogic.add_operation('cat', boundedCat);
  for (const [name, fn] of Object.entries(dateOperations)) jsonLogic.add_operation(name, fn);
  // Removing what the whitelist excludes means a bypass of the check still cannot call them.
  jsonLogic.rm_operation('method');
  jsonLogic.rm_operation('log');
  meterInterpreter();
  installed = true;
}
