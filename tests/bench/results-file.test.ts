/** Tests of the bench results: medians and per-run ratios, merging a one-row run, the table the README shows. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Machine } from '../../bench/support/machine';
import {
  markdownTable,
  mergeRows,
  README_END,
  README_START,
  updateReadme,
  type ResultRow,
} from '../../bench/support/results-file';
import { summarize } from '../../bench/support/summarize';

const machine: Machine = {
  cpu: 'Test CPU',
  cores: 2,
  memoryGb: 8,
  os: 'Linux',
  node: 'v20.0.0',
  date: '2026-11-24T10:00:00.000Z',
};

function resultRow(id: ResultRow['id'], value: number, overrides: Partial<ResultRow> = {}): ResultRow {
  return {
    id,
    what: `${id} figure`,
    value,
    unit: 'ops/s',
    floor: null,
    ratio: null,
    target: '≥ 1',
    met: true,
    floorWhat: null,
    runs: 3,
    spread: [value, value],
    details: {},
    measuredAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}

describe('summarize', () => {
  it('reports the median value, the spread, and the median of each run’s own ratio to its floor', () => {
    const summary = summarize([
      { value: 100, floor: 400, details: { p99Ms: 30 } },
      { value: 300, floor: 400, details: { p99Ms: 10 } },
      // A slower machine moment: both figures drop, the ratio holds.
      { value: 50, floor: 100, details: { p99Ms: 20 } },
    ]);
    expect(summary.value).toBe(100);
    expect(summary.spread).toEqual([50, 300]);
    expect(summary.floor).toBe(400);
    expect(summary.ratio).toBe(0.5);
    expect(summary.details).toEqual({ p99Ms: 20 });
    expect(summary.runs).toBe(3);
  });

  it('takes the mean of the middle two for an even number of runs and has no ratio without floors', () => {
    const summary = summarize([{ value: 1 }, { value: 4 }, { value: 2 }, { value: 3 }]);
    expect(summary.value).toBe(2.5);
    expect(summary.floor).toBeNull();
    expect(summary.ratio).toBeNull();
  });
});

describe('results file', () => {
  it('keeps the other rows of the last run when one row is measured again, in the bench order', () => {
    const previous = [resultRow('designer', 1), resultRow('submit-sqlite', 10), resultRow('transitions', 5)];
    const merged = mergeRows(previous, [resultRow('submit-sqlite', 20)]);
    expect(merged.map((r) => [r.id, r.value])).toEqual([
      ['submit-sqlite', 20],
      ['transitions', 5],
      ['designer', 1],
    ]);
  });

  it('writes a Markdown table with the figure, spread, floor, ratio, verdict and the machine', () => {
    const table = markdownTable({
      machine,
      rows: [
        resultRow('submit-sqlite', 812.4, {
          floor: 2000,
          ratio: 0.4062,
          met: false,
          spread: [790, 830.2],
          target: '≥ 50 % of the floor | p99 ≤ 50 ms',
          details: { p99Ms: 41.25 },
        }),
      ],
    });
    const row = table.split('\n').find((line) => line.startsWith('| submit-sqlite'));
    expect(row).toContain('812 ops/s');
    expect(row).toContain('790 – 830 (3 runs)');
    expect(row).toContain('2,000 ops/s');
    expect(row).toContain('0.406');
    expect(row).toContain('**no**');
    expect(row).toContain('p99Ms 41.3');
    // A pipe inside a cell would split the row; it is escaped.
    expect(row).toContain('≥ 50 % of the floor \\| p99 ≤ 50 ms');
    expect(table).toContain('Machine: Test CPU, 2 cores, 8 GB');
  });

  it('replaces the README table between its markers and leaves the rest as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closedloop-bench-readme-'));
    const readme = join(dir, 'README.md');
    writeFileSync(readme, `# Title\n\n${README_START}\nold table\n${README_END}\n\n## After\n`);
    updateReadme(readme, { machine, rows: [resultRow('transitions', 2500)] });
    const text = readFileSync(readme, 'utf8');
    expect(text).not.toContain('old table');
    expect(text).toMatch(/^# Title\n\n<!-- bench-table:start -->\n\| id \|/);
    expect(text).toContain('| transitions |');
    expect(text).toContain(`${README_END}\n\n## After\n`);
  });

  it('refuses a README without the markers rather than losing the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closedloop-bench-readme-'));
    const readme = join(dir, 'README.md');
    writeFileSync(readme, '# Title\n');
    expect(() => updateReadme(readme, { machine, rows: [] })).toThrow(/bench-table:start/);
    expect(readFileSync(readme, 'utf8')).toBe('# Title\n');
  });
});
