/**
 * @module Result rows of a plan's SQL → the engine's result rows: values back in the types the engine's
 * evaluator gives (instants as ISO strings, numbers from PostgreSQL's `numeric` text, SQLite's 0 / 1
 * booleans, JSON text), then the plan's post steps (`postProcess`: top-N, cumulative shares).
 */
import { postProcess } from '../../engine';
import type { JsonScalar, QueryPlan, ResultRow } from '../../engine/reports/index';
import { readJson } from '../storage/json-value';
import type { ValueType } from './render-context';
import { scalarType } from './sql-scalars';

function readValue(value: unknown, type: ValueType): JsonScalar {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'timestamp':
      return new Date(Number(value)).toISOString();
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't';
    case 'json':
      return readJson(value) as JsonScalar;
    case 'text':
    case 'date':
      return typeof value === 'string' ? value : String(value);
    case 'null':
      return null;
  }
}

const readMeasure = (value: unknown): number | null =>
  value === null || value === undefined ? null : typeof value === 'number' ? value : Number(value);

/** Normalises the raw SQL rows of `plan` and applies its post steps. */
export function readPlanRows(
  plan: QueryPlan,
  rows: readonly Record<string, unknown>[],
  params: Record<string, JsonScalar> = {},
): ResultRow[] {
  const types = plan.groupBy.map((g) =>
    'bucket' in g ? ('date' as const) : scalarType({ plan, params }, g.expr),
  );
  const out = rows.map((raw) => {
    const row: ResultRow = {};
    plan.groupBy.forEach((g, i) => (row[g.name] = readValue(raw[g.name], types[i]!)));
    for (const m of plan.measures) row[m.name] = readMeasure(raw[m.name]);
    return row;
  });
  return postProcess(plan, out);
}
