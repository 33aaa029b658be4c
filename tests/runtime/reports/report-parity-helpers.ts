/**
 * @module Comparing the rows the SQL gives with the rows of the engine's reference evaluator: the same
 * groups with the same values (numbers within 1e-9 relative), and the same order wherever the plan's
 * order decides it (ties and NULL keys are left to each side).
 */
import { expect } from 'vitest';
import type { QueryPlan, ResultRow } from '../../../engine';

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-12;

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') return close(actual, expected);
  return JSON.stringify(actual) === JSON.stringify(expected);
}

const keyOf = (plan: QueryPlan, row: ResultRow) =>
  JSON.stringify(plan.groupBy.map((g) => row[g.name] ?? null));

export function expectSameRows(plan: QueryPlan, actual: ResultRow[], expected: ResultRow[]): void {
  expect(actual.length, 'row count').toBe(expected.length);
  const byKey = new Map(expected.map((row) => [keyOf(plan, row), row]));
  for (const row of actual) {
    const other = byKey.get(keyOf(plan, row));
    expect(other, `group ${keyOf(plan, row)} in the engine's rows`).toBeDefined();
    expect(Object.keys(row).sort()).toEqual(Object.keys(other!).sort());
    for (const [name, value] of Object.entries(row)) {
      if (!sameValue(value, other![name])) {
        expect({ group: keyOf(plan, row), [name]: value }).toEqual({
          group: keyOf(plan, row),
          [name]: other![name],
        });
      }
    }
  }
  // Where the plan's order (or a Pareto's re-sort) leaves no ties and no NULL keys, the order must match.
  const orderNames = plan.orderBy
    .map((o) => o.name)
    .filter((n) => plan.measures.some((m) => m.name === n) || plan.groupBy.some((g) => g.name === n));
  if (orderNames.length === 0) return;
  const tuples = expected.map((row) => JSON.stringify(orderNames.map((n) => row[n] ?? null)));
  const determined =
    new Set(tuples).size === tuples.length &&
    expected.every((row) => orderNames.every((n) => row[n] !== null && row[n] !== undefined));
  if (determined) expect(actual.map((r) => keyOf(plan, r))).toEqual(expected.map((r) => keyOf(plan, r)));
}
