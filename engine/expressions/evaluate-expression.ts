/**
 * @module Evaluates a JSON-Logic expression over plain data with the product's whitelist. Unsafe
 * expressions are refused before they run; results are plain JSON values.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { createIssue } from '../issues/issue';
import { checkExpression } from './check-expression';
import { withNow } from './date-operations';
import { BudgetExceeded, MAX_BUILT_VALUE, MAX_EVALUATION_STEPS, withBudget } from './evaluation-budget';
import { expressionMessages } from './expression-messages';
import { installOperations } from './operations';

export interface EvaluateOptions {
  /** The clock `{"now": []}` reads; defaults to the real clock. Inject it in tests and SLA code. */
  now?: Date | number;
}

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly issues: ReturnType<typeof checkExpression>,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** Expressions already checked: a definition's expressions are evaluated many times, checked once. */
const checked = new WeakSet<object>();

function assertSafe(logic: unknown): void {
  if (typeof logic !== 'object' || logic === null || checked.has(logic)) return;
  const issues = checkExpression(logic);
  if (issues.length > 0)
    throw new ExpressionError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  checked.add(logic);
}

/**
 * Evaluates `logic` against `data`. Throws `ExpressionError` when the expression fails its static
 * checks (unknown operation, too deep, too large) — definitions are checked when saved, so a saved
 * definition never throws for these — or when this evaluation overspends its budget (see
 * evaluation-budget), which only data far beyond what the expression was written for can cause.
 */
export function evaluateExpression(logic: unknown, data: unknown, options: EvaluateOptions = {}): unknown {
  installOperations();
  assertSafe(logic);
  const now = options.now === undefined ? Date.now() : Number(options.now);
  try {
    return withBudget(() => withNow(now, () => jsonLogic.apply(logic as RulesLogic, (data ?? {}) as object)));
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    const issue =
      error.kind === 'steps'
        ? createIssue(expressionMessages, 'expression-too-costly', '', { max: MAX_EVALUATION_STEPS })
        : createIssue(expressionMessages, 'expression-value-too-large', '', { max: MAX_BUILT_VALUE });
    throw new ExpressionError(issue.message, [issue]);
  }
}

/** JSON-Logic truthiness (an empty array is false), for conditions, guards and visibility. */
export function isTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
