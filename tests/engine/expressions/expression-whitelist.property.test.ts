/**
 * The JSON-Logic whitelist as a property: a random expression over the whitelisted operations plus
 * forbidden ones (`method`, `log`, prototype keys, dotted names) is refused exactly when a forbidden
 * operation or nesting past the limit is in it, and a refused expression is never evaluated — in
 * particular `method`, with which json-logic-js calls any method of any value, never runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkExpression,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_NODES,
} from '../../../engine/expressions/check-expression';
import { evaluateExpression, ExpressionError } from '../../../engine/expressions/evaluate-expression';
import { ALLOWED_OPERATIONS } from '../../../engine/expressions/operations';

// `var` is left to the leaves: its argument must be a name, which its own check enforces.
const ALLOWED = [...ALLOWED_OPERATIONS].filter((op) => op !== 'var');
const FORBIDDEN = ['method', 'log', 'Math.random', '__proto__', 'constructor', 'toString', 'eval', 'valueOf'];
const ISSUE_CODES = ['unknown-operation', 'expression-too-deep', 'expression-too-large'];

/** An operation node with an own key, even for `__proto__`. */
const operation = (op: string, args: unknown) => Object.fromEntries([[op, args]]);

const leaf = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constantFrom('', 'a', '2026-11-24', null),
  fc.constantFrom({ var: 'a' }, { var: 'b.c' }, { var: ['items', []] }),
);

const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('op'), tie('list')),
  op: fc
    .tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(...ALLOWED), weight: 6 },
        { arbitrary: fc.constantFrom(...FORBIDDEN), weight: 1 },
      ),
      fc.array(tie('node'), { maxLength: 3 }),
    )
    .map(([op, args]) => operation(op, args)),
  list: fc.array(tie('node'), { maxLength: 3 }),
}));

/** A random tree inside up to 24 allowed wrappers: its depth falls on both sides of the limit. */
const expression = fc
  .tuple(node, fc.integer({ min: 0, max: 24 }), fc.constantFrom('!', 'and', 'or', 'if', '!!'))
  .map(([inner, count, op]) => {
    let logic: unknown = inner;
    for (let i = 0; i < count; i++) logic = operation(op, [logic]);
    return logic;
  });

interface Shape {
  forbidden: boolean;
  depth: number;
  nodes: number;
}

/** What the checker should find, computed independently: forbidden operations, depth, size. */
function shape(logic: unknown): Shape {
  if (Array.isArray(logic)) {
    const parts = logic.map(shape);
    return {
      forbidden: parts.some((p) => p.forbidden),
      depth: parts.length === 0 ? 0 : 1 + Math.max(...parts.map((p) => p.depth)),
      nodes: 1 + parts.reduce((n, p) => n + p.nodes, 0),
    };
  }
  if (typeof logic === 'object' && logic !== null) {
    const [op, args] = Object.entries(logic)[0] as [string, unknown];
    const inner = shape(args);
    return {
      forbidden: inner.forbidden || !ALLOWED_OPERATIONS.has(op),
      depth: 1 + inner.depth,
      nodes: 1 + inner.nodes,
    };
  }
  return { forbidden: false, depth: 0, nodes: 1 };
}

describe('the JSON-Logic whitelist', () => {
  it('refuses an expression exactly when it holds a forbidden operation or nests too deep', () => {
    fc.assert(
      fc.property(expression, (logic) => {
        const { forbidden, depth, nodes } = shape(logic);
        const refused = forbidden || depth > MAX_EXPRESSION_DEPTH || nodes > MAX_EXPRESSION_NODES;
        const issues = checkExpression(logic, '/condition');
        expect(issues.length > 0).toBe(refused);
        for (const issue of issues) {
          expect(ISSUE_CODES).toContain(issue.code);
          expect(issue.path.startsWith('/condition')).toBe(true);
        }
        let thrown: unknown;
        try {
          evaluateExpression(logic, { a: 1, b: { c: 'x' }, items: [1, 2] }, { now: 0 });
        } catch (error) {
          thrown = error;
        }
        // Refused expressions never start; accepted ones may still fail on odd arguments, differently.
        expect(thrown instanceof ExpressionError).toBe(refused);
      }),
      { numRuns: 400 },
    );
  });

  it('generates both sides of the property', () => {
    const samples = fc.sample(expression, { numRuns: 400, seed: 7 }).map(shape);
    expect(samples.some((s) => s.forbidden)).toBe(true);
    expect(samples.some((s) => !s.forbidden && s.depth > MAX_EXPRESSION_DEPTH)).toBe(true);
    expect(samples.some((s) => !s.forbidden && s.depth <= MAX_EXPRESSION_DEPTH)).toBe(true);
  });
});

describe('an accepted expression cannot hang the server', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i);
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ExpressionError) return error.issues.map((i) => i.code);
      throw error;
    }
    return [];
  };

  it('stops map inside map inside map … past its step budget', () => {
    let logic: unknown = { '+': [1, 1] };
    for (let i = 0; i < 5; i++) logic = { map: [hundred, logic] };
    expect(checkExpression(logic)).toEqual([]);
    expect(codeOf(() => evaluateExpression(logic, {}))).toEqual(['expression-too-costly']);
  });

  it('stops reduce from doubling a list or a text until memory runs out', () => {
    const steps = Array.from({ length: 60 }, (_, i) => i);
    const twice = (op: string) => ({ [op]: [{ var: 'accumulator' }, { var: 'accumulator' }] });
    expect(codeOf(() => evaluateExpression({ reduce: [steps, twice('merge'), [1]] }, {}))).toEqual([
      'expression-value-too-large',
    ]);
    expect(codeOf(() => evaluateExpression({ reduce: [steps, twice('cat'), 'ab'] }, {}))).toEqual([
      'expression-value-too-large',
    ]);
  });

  it('still evaluates real work: a sum over a thousand rows of a repeating group', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ qty: i % 3, price: 10 }));
    const total = {
      reduce: [
        { var: 'parts' },
        { '+': [{ var: 'accumulator' }, { '*': [{ var: 'current.qty' }, { var: 'current.price' }] }] },
        0,
      ],
    };
    expect(evaluateExpression(total, { parts: rows })).toBe(9990);
    expect(evaluateExpression({ merge: [[1], [2, 3]] }, {})).toEqual([1, 2, 3]);
    expect(evaluateExpression({ cat: ['SN-', 7, [1, 2]] }, {})).toBe('SN-71,2');
  });
});

describe('method is never called', () => {
  const target = () => {
    const calls: string[] = [];
    return { calls, data: { target: { fire: () => calls.push('fired') }, name: 'x' } };
  };

  it('refuses a method call before anything runs', () => {
    const { calls, data } = target();
    const logic = { if: [true, { method: [{ var: 'target' }, 'fire'] }, false] };
    expect(() => evaluateExpression(logic, data)).toThrow(ExpressionError);
    expect(calls).toEqual([]);
  });

  it('cannot call it even when an expression is changed after it was checked', () => {
    const { calls, data } = target();
    const logic: { if: unknown[] } = { if: [true, 1, 2] };
    expect(evaluateExpression(logic, data)).toBe(1);
    // Checked expressions are cached by object; the interpreter has no `method` to fall back on.
    logic.if[1] = { method: [{ var: 'target' }, 'fire'] };
    expect(() => evaluateExpression(logic, data)).toThrow(/method/);
    logic.if[1] = { log: 'leak' };
    expect(() => evaluateExpression(logic, data)).toThrow(/log/);
    expect(calls).toEqual([]);
  });

  it('does not reach prototypes through variables', () => {
    const { calls, data } = target();
    expect(evaluateExpression({ var: 'name.constructor.name' }, data)).toBeNull();
    expect(evaluateExpression({ var: 'target.__proto__' }, data)).toBeNull();
    expect(calls).toEqual([]);
  });
});
