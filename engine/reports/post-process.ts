/**
 * @module The work a plan leaves to the engine after the query: top-N of a dimension and cumulative
 * shares (Pareto). Pure functions over result rows, so the server and the browser get the same rows.
 */
import type { PostStep, QueryPlan, ResultRow } from './query-plan';

const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v))
      ? Number(v)
      : 0;

function topN(rows: ResultRow[], step: Extract<PostStep, { step: 'top_n' }>): ResultRow[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(row[step.dimension] ?? null);
    totals.set(key, (totals.get(key) ?? 0) + num(row[step.by]));
  }
  // Ties keep first-seen order so the result does not depend on sort stability.
  const keep = new Set(
    [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, step.n)
      .map(([key]) => key),
  );
  return rows.filter((row) => keep.has(JSON.stringify(row[step.dimension] ?? null)));
}

function cumulativeShare(
  rows: ResultRow[],
  step: Extract<PostStep, { step: 'cumulative_share' }>,
): ResultRow[] {
  const sorted = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => num(b.row[step.of]) - num(a.row[step.of]) || a.i - b.i);
  const total = sorted.reduce((sum, { row }) => sum + num(row[step.of]), 0);
  let running = 0;
  return sorted.map(({ row }, i) => {
    running += num(row[step.of]);
    // The last row is exactly 100 so rounding never leaves a Pareto line short of the top.
    const share = total === 0 ? null : i === sorted.length - 1 ? 100 : (running / total) * 100;
    return { ...row, [step.as]: share };
  });
}

/** Applies the plan's post steps to the rows the runtime returned; the input rows are not changed. */
export function postProcess(plan: Pick<QueryPlan, 'postProcess'>, rows: readonly ResultRow[]): ResultRow[] {
  let out = rows.map((row) => ({ ...row }));
  for (const step of plan.postProcess) {
    out = step.step === 'top_n' ? topN(out, step) : cumulativeShare(out, step);
  }
  return out;
}
