/**
 * @module An SLA policy's target list (first match wins, the last without `when` is the default) seen
 * as a customer tier × priority table and back. A cell holds the minutes its tier and priority get
 * when that differs from the default, or nothing (the default applies). Targets that test other
 * fields (`complexity`) cannot live in the table: they are kept apart and written first, so they keep
 * deciding before the table does. Writing groups equal cells: a whole row as `{ tier }`, equal cells
 * of a row as `{ tier, priority: [...] }`.
 */
import type { SlaTargetDoc } from './flow-doc';

export interface SlaGrid {
  /** Minutes of the default target (no `when`); undefined when the policy has none. */
  defaultMinutes?: number;
  /** tier → priority → minutes set for that cell (absent: the default applies). */
  cells: Record<string, Record<string, number>>;
  /** Targets on other fields, in their order. */
  others: SlaTargetDoc[];
}

const GRID_KEYS = new Set(['tier', 'priority']);

const isGridTarget = (t: SlaTargetDoc) => Object.keys(t.when ?? {}).every((k) => GRID_KEYS.has(k));
const isDefault = (t: SlaTargetDoc) => Object.keys(t.when ?? {}).length === 0;

function matches(expected: unknown, actual: string): boolean {
  if (expected === undefined) return true;
  return Array.isArray(expected) ? expected.some((v) => String(v) === actual) : String(expected) === actual;
}

export function gridFromTargets(
  targets: readonly SlaTargetDoc[],
  tiers: readonly string[],
  priorities: readonly string[],
): SlaGrid {
  const grid = targets.filter(isGridTarget);
  const fallback = grid.find(isDefault);
  const cells: SlaGrid['cells'] = {};
  for (const tier of tiers) {
    for (const priority of priorities) {
      const hit = grid.find((t) => matches(t.when?.tier, tier) && matches(t.when?.priority, priority));
      if (hit && !isDefault(hit)) (cells[tier] ??= {})[priority] = hit.minutes;
    }
  }
  const out: SlaGrid = { cells, others: targets.filter((t) => !isGridTarget(t)) };
  if (fallback) out.defaultMinutes = fallback.minutes;
  return out;
}

/** Groups keys by their value, in first-seen order. */
function byValue(entries: [string, number][]): [number, string[]][] {
  const groups = new Map<number, string[]>();
  for (const [key, value] of entries) groups.set(value, [...(groups.get(value) ?? []), key]);
  return [...groups.entries()];
}

const oneOrList = (keys: string[]) => (keys.length === 1 ? keys[0]! : keys);

export function targetsFromGrid(
  grid: SlaGrid,
  tiers: readonly string[],
  priorities: readonly string[],
): SlaTargetDoc[] {
  const out: SlaTargetDoc[] = [...grid.others];
  const fullRows: [string, number][] = [];
  const partial: SlaTargetDoc[] = [];
  for (const tier of tiers) {
    const row = grid.cells[tier] ?? {};
    const set = priorities.filter((p) => row[p] !== undefined).map((p) => [p, row[p]!] as [string, number]);
    if (set.length === 0) continue;
    const groups = byValue(set);
    if (set.length === priorities.length && groups.length === 1) {
      fullRows.push([tier, groups[0]![0]]);
      continue;
    }
    for (const [minutes, keys] of groups)
      partial.push({ when: { tier, priority: oneOrList(keys) }, minutes });
  }
  for (const [minutes, rowTiers] of byValue(fullRows))
    out.push({ when: { tier: oneOrList(rowTiers) }, minutes });
  out.push(...partial);
  if (grid.defaultMinutes !== undefined) out.push({ minutes: grid.defaultMinutes });
  return out;
}

/** The grid with one cell set (a number) or cleared (undefined). */
export function setCell(grid: SlaGrid, tier: string, priority: string, minutes: number | undefined): SlaGrid {
  const row = { ...(grid.cells[tier] ?? {}) };
  if (minutes === undefined) delete row[priority];
  else row[priority] = minutes;
  return { ...grid, cells: { ...grid.cells, [tier]: row } };
}
