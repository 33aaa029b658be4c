/**
 * @module Checks the dashboard the product computed against the hand-written floor's rows: every card's
 * rows, keyed by the card's dimension, must carry the floor's values (numbers equal up to float
 * rounding of a different summation order); the agent card must keep exactly the 20 agents with the
 * largest FRT; the team filter must offer the floor's teams. Unequal is an error: a floor that computes
 * other numbers measures nothing.
 */
import type { DashboardData } from '../../runtime/dashboards/dashboard-data';

type Row = Record<string, unknown>;

/** The cards whose dimension keeps only the top N by the first measure (`limit` on the dimension). */
const TOP_N: Record<string, { n: number; by: string }> = {
  'after-sales-quality-frt-fcr-by-agent': { n: 20, by: 'frt' },
};

const asNumber = (v: unknown): number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : Number(v);

function sameValue(product: unknown, floor: unknown): boolean {
  if (typeof floor === 'string' || typeof product === 'string') {
    // A dimension (month, team, agent, category) or PostgreSQL's numeric text.
    const [p, f] = [asNumber(product), asNumber(floor)];
    if (typeof floor === 'string' && Number.isNaN(Number(floor))) return product === floor;
    return p !== null && f !== null && Math.abs(p - f) <= 1e-9 * Math.max(1, Math.abs(p), Math.abs(f));
  }
  const [p, f] = [asNumber(product), asNumber(floor)];
  if (p === null || f === null) return p === f;
  return Math.abs(p - f) <= 1e-9 * Math.max(1, Math.abs(p), Math.abs(f));
}

const keyOf = (row: Row, dimension: string) => JSON.stringify(row[dimension] ?? null);

function compareCard(report: string, productRows: Row[], floorRows: Row[]): string[] {
  const problems: string[] = [];
  const dimension = Object.keys(floorRows[0] ?? productRows[0] ?? {})[0];
  if (dimension === undefined) return problems;
  const floorByKey = new Map(floorRows.map((row) => [keyOf(row, dimension), row]));
  let expectedKeys = [...floorByKey.keys()];
  const top = TOP_N[report];
  if (top) {
    const ranked = [...floorRows].sort((a, b) => (asNumber(b[top.by]) ?? 0) - (asNumber(a[top.by]) ?? 0));
    expectedKeys = ranked.slice(0, top.n).map((row) => keyOf(row, dimension));
  }
  const productKeys = productRows.map((row) => keyOf(row, dimension));
  const missing = expectedKeys.filter((k) => !productKeys.includes(k));
  const extra = productKeys.filter((k) => !expectedKeys.includes(k));
  if (missing.length > 0 || extra.length > 0) {
    problems.push(`${report}: groups differ (missing ${missing.join(', ')}; extra ${extra.join(', ')})`);
  }
  for (const row of productRows) {
    const floor = floorByKey.get(keyOf(row, dimension));
    if (!floor) continue;
    for (const [name, value] of Object.entries(floor)) {
      if (!sameValue(row[name], value)) {
        problems.push(
          `${report} ${dimension}=${keyOf(row, dimension)}: ${name} is ${String(row[name])}, the floor says ${String(value)}`,
        );
      }
    }
  }
  return problems;
}

/** Throws, naming every difference, unless the product's dashboard shows the floor's numbers. */
export function assertSameDashboard(product: DashboardData, floor: ReadonlyMap<string, Row[]>): void {
  const problems: string[] = [];
  for (const card of product.cards) {
    if (card.error || !card.result) {
      problems.push(`${card.report}: the card failed (${card.error?.code ?? 'no result'})`);
      continue;
    }
    const floorRows = floor.get(card.report);
    if (!floorRows) {
      problems.push(`${card.report}: the floor has no statement for this card`);
      continue;
    }
    problems.push(...compareCard(card.report, card.result.rows as Row[], floorRows));
  }
  const teams = product.filters.find((f) => f.key === 'team')?.options ?? [];
  const floorTeams = (floor.get('filter-options:team') ?? []).map((row) => String(row.value));
  if (JSON.stringify(teams) !== JSON.stringify(floorTeams)) {
    problems.push(`team filter options: ${teams.join(', ')}; the floor says ${floorTeams.join(', ')}`);
  }
  if (problems.length > 0) {
    throw new Error(`The dashboard and its floor disagree:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}
