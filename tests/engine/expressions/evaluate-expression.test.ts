/** Expressions: the whitelist, safe property access and the product's own operations, from fixtures. */
import { describe, expect, it } from 'vitest';
import {
  checkExpression,
  expressionVariables,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_NODES,
} from '../../../engine/expressions/check-expression';
import { evaluateExpression, ExpressionError } from '../../../engine/expressions/evaluate-expression';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';

interface EvaluateCase extends FixtureCase {
  logic: unknown;
  data: unknown;
  now?: string;
  expected: unknown;
}
interface InvalidCase extends FixtureCase {
  logic?: unknown;
  json?: string;
  issues: { code: string; path: string }[];
}

const cases = loadFixtures<EvaluateCase>('expressions').filter((c) => c.file.endsWith('evaluate.json'));
const invalid = loadFixtures<InvalidCase>('expressions').filter((c) => c.file.endsWith('invalid.json'));

describe('evaluateExpression', () => {
  it.each(cases)('$name', (c) => {
    const now = c.now ? Date.parse(c.now) : undefined;
    expect(evaluateExpression(c.logic, c.data, { now })).toEqual(c.expected);
  });

  it('does not leave Object.prototype readable through a nested __proto__ path', () => {
    const data = JSON.parse('{"a": {"__proto__": {"polluted": 1}}}');
    expect(evaluateExpression({ var: 'a.__proto__.polluted' }, data)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkExpression', () => {
  it.each(invalid)('$name', (c) => {
    const logic = c.json ? JSON.parse(c.json) : c.logic;
    expect(checkExpression(logic, '').map(({ code, path }) => ({ code, path }))).toEqual(c.issues);
    expect(() => evaluateExpression(logic, {})).toThrow(ExpressionError);
  });

  it('prefixes paths with where the expression sits in its definition', () => {
    const issues = checkExpression({ or: [{ method: [] }] }, '/fields/2/visibleWhen');
    expect(issues[0]?.path).toBe('/fields/2/visibleWhen/or/0/method');
  });

  it('refuses expressions nested too deep', () => {
    let logic: unknown = { var: 'x' };
    for (let i = 0; i < MAX_EXPRESSION_DEPTH; i++) logic = { '!': [logic] };
    expect(checkExpression(logic).map((i) => i.code)).toContain('expression-too-deep');
  });

  it('refuses expressions with too many parts', () => {
    const logic = {
      and: Array.from({ length: MAX_EXPRESSION_NODES }, (_, i) => ({ '==': [{ var: 'a' }, i] })),
    };
    expect(checkExpression(logic).map((i) => i.code)).toEqual(['expression-too-large']);
  });

  it('speaks zh-CN', () => {
    expect(checkExpression({ exec: [] }, '', 'zh-CN')[0]?.message).toBe('不支持或不允许的运算“exec”');
  });

  it('accepts every operation it can evaluate', () => {
    expect(
      checkExpression({ and: [{ between: [1, 0, 2] }, { date_before: ['2026-01-01', { now: [] }] }] }),
    ).toEqual([]);
  });
});

describe('expressionVariables', () => {
  it('lists the outer variables, not those read inside map / filter bodies', () => {
    const logic = {
      and: [
        { '==': [{ var: 'record.model' }, { var: ['previous.model', ''] }] },
        { some: [{ var: 'record.parts' }, { '>': [{ var: 'qty' }, 1] }] },
        { '>=': [{ var: 'aggregates.monthly' }, 10] },
      ],
    };
    expect(expressionVariables(logic).sort()).toEqual([
      'aggregates.monthly',
      'previous.model',
      'record.model',
      'record.parts',
    ]);
  });
});
