/**
 * @module `bench/results.json` and `bench/results.md`: the rows of the latest run of each benchmark, the
 * Markdown table of them, and the copy of that table in the README between its bench markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BENCH_IDS, type BenchId } from '../bench-row';
import { machineLine, type Machine } from './machine';

export interface ResultRow {
  id: BenchId;
  what: string;
  value: number;
  unit: string;
  floor: number | null;
  /** value / floor (median of the runs' own ratios). */
  ratio: number | null;
  target: string;
  met: boolean;
  floorWhat: string | null;
  runs: number;
  spread: [number, number];
  details: Record<string, number>;
  /** When this row was measured (a single-row run keeps the other rows of the previous run). */
  measuredAt: string;
}

export interface Results {
  machine: Machine;
  rows: ResultRow[];
}

export const README_START = '<!-- bench-table:start -->';
export const README_END = '<!-- bench-table:end -->';

export function readResults(path: string): Results | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as Results;
}

/** The previous rows with the new ones put in their place, in the order the bench runs them. */
export function mergeRows(previous: readonly ResultRow[], fresh: readonly ResultRow[]): ResultRow[] {
  const byId = new Map(previous.map((r) => [r.id, r]));
  for (const row of fresh) byId.set(row.id, row);
  return BENCH_IDS.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

const figure = (n: number): string => {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
};

const detailText = (details: Record<string, number>): string =>
  Object.entries(details)
    .map(([key, value]) => `${key} ${figure(value)}`)
    .join(' · ');

export function markdownTable(results: Results): string {
  const lines = [
    '| id | what | median | spread (min – max) | floor (same run) | ratio | target | met | details |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.rows
      .map((r) =>
        [
          r.id,
          r.what,
          `${figure(r.value)} ${r.unit}`,
          `${figure(r.spread[0])} – ${figure(r.spread[1])} (${r.runs} runs)`,
          r.floor === null ? '—' : `${figure(r.floor)} ${r.unit}`,
          r.ratio === null ? '—' : figure(r.ratio),
          r.target,
          r.met ? 'yes' : '**no**',
          detailText(r.details) || '—',
        ]
          .map((cell) => cell.replace(/\|/g, '\\|'))
          .join(' | '),
      )
      .map((line) => `| ${line} |`),
  ];
  return `${lines.join('\n')}\n\nMachine: ${machineLine(results.machine)}.\n`;
}

export function writeResults(jsonPath: string, markdownPath: string, results: Results): void {
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdownPath, markdownTable(results));
}

/** Replaces the README's table between the bench markers; the README must have them. */
export function updateReadme(readmePath: string, results: Results): void {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start)
    throw new Error(`${readmePath} lacks the ${README_START} … ${README_END} markers`);
  const table = markdownTable(results);
  writeFileSync(readmePath, `${readme.slice(0, start + README_START.length)}\n${table}${readme.slice(end)}`);
}
