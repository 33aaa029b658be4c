/**
 * @module The work a plan leaves to the engine after the query: top-N of a dimension, cumulative
 * shares (Pareto) and weighted quality indexes. Pure functions over result rows, so the server and the
 * browser get the same rows.
 */
import type { PostStep, QueryPlan, ResultRow, WeightedComponent } from './query-plan';

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

/** A measure's value, or undefined when the row has none (NULL: no data for that KPI in the group). */
const valueOf = (v: unknown): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** Normalised score 0–100 of one component: where `value` lies between `worst` (0) and `best` (100). */
export function componentScore(value: number, c: Pick<WeightedComponent, 'worst' | 'best'>): number {
  const t = (value - c.worst) / (c.best - c.worst);
  return Math.min(1, Math.max(0, t)) * 100;
}

function weightedIndex(rows: ResultRow[], step: Extract<PostStep, { step: 'weighted_index' }>): ResultRow[] {
  return rows.map((row) => {
    let weighted = 0;
    let weights = 0;
    for (const c of step.components) {
      const value = valueOf(row[c.of]);
      // A KPI without data in this group says nothing about its quality: leave it out and let the
      // remaining weights carry the index, rather than scoring it 0.
      if (value === undefined) continue;
      weighted += c.weight * componentScore(value, c);
      weights += c.weight;
    }
    return { ...row, [step.as]: weights === 0 ? null : weighted / weights };
  });
}

/** Applies the plan's post steps to the rows the runtime returned; the input rows are not changed. */
export function postProcess(plan: Pick<QueryPlan, 'postProcess'>, rows: readonly ResultRow[]): ResultRow[] {
  let out = rows.map((row) => ({ ...row }));
  for (const step of plan.postProcess) {
    if (step.step === 'top_n') out = topN(out, step);
    else if (step.step === 'cumulative_share') out = cumulativeShare(out, step);
    else out = weightedIndex(out, step);
  }
  return out;
}
