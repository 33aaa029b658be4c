/**
 * @module What one evaluation may spend. The whitelist, depth and size checks bound an expression's
 * text, not its work: `map` inside `map` over long arrays multiplies, and `reduce` with `merge` or
 * `cat` of the accumulator doubles a value each step. So every evaluation gets a budget of
 * interpreter steps and a cap on the arrays and strings it builds; running out stops it with an
 * error instead of hanging or exhausting the server.
 */
import jsonLogic from 'json-logic-js';

/** Interpreter steps (one per node evaluated, per element for map / filter / reduce bodies). */
export const MAX_EVALUATION_STEPS = 1_000_000;

/** Longest array `merge` and longest string `cat` may build. */
export const MAX_BUILT_VALUE = 100_000;

export type BudgetKind = 'steps' | 'size';

/** Thrown when an evaluation overspends; evaluateExpression turns it into an `ExpressionError`. */
export class BudgetExceeded extends Error {
  constructor(readonly kind: BudgetKind) {
    super(
      kind === 'steps' ? 'expression evaluation took too many steps' : 'expression built too large a value',
    );
    this.name = 'BudgetExceeded';
  }
}

/** Steps left in the running evaluation; outside one, unbounded (nothing else calls the interpreter). */
let remaining = Infinity;

export function withBudget<T>(run: () => T): T {
  const saved = remaining;
  remaining = MAX_EVALUATION_STEPS;
  try {
    return run();
  } finally {
    remaining = saved;
  }
}

/** `merge` of json-logic-js, refusing to build an array longer than the cap. */
export function boundedMerge(...parts: unknown[]): unknown[] {
  let length = 0;
  for (const part of parts) length += Array.isArray(part) ? part.length : 1;
  if (length > MAX_BUILT_VALUE) throw new BudgetExceeded('size');
  return parts.reduce<unknown[]>((all, part) => all.concat(part), []);
}

/** `cat` of json-logic-js, refusing to build a string longer than the cap. */
export function boundedCat(...parts: unknown[]): string {
  const text = parts.join('');
  if (text.length > MAX_BUILT_VALUE) throw new BudgetExceeded('size');
  return text;
}

/**
 * Makes every node the interpreter evaluates spend a step. json-logic-js evaluates sub-expressions
 * (including map / filter / reduce bodies, element by element) through `jsonLogic.apply`, so
 * wrapping it once meters them all.
 */
export function meterInterpreter(): void {
  const apply = jsonLogic.apply;
  jsonLogic.apply = ((logic: unknown, data: unknown) => {
    remaining -= 1;
    if (remaining < 0) throw new BudgetExceeded('steps');
    return (apply as (l: unknown, d: unknown) => unknown)(logic, data);
  }) as typeof jsonLogic.apply;
}
