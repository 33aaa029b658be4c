/**
 * @module `npm run bench [-- <id> … ] [--runs N]`: runs the benchmark rows (all, or the ones named), each
 * set up once and measured several times beside its floor, and writes `bench/results.json`,
 * `bench/results.md` and the README's table. A run of some rows keeps the other rows' last results.
 */
import { fileURLToPath } from 'node:url';
import { BENCH_IDS, type BenchId, type BenchRow, type Sample } from './bench-row';
import { createBenchContext } from './support/bench-context';
import { describeMachine } from './support/machine';
import {
  markdownTable,
  mergeRows,
  readResults,
  updateReadme,
  writeResults,
  type ResultRow,
} from './support/results-file';
import { summarize } from './support/summarize';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const RESULTS_JSON = here('./results.json');
const RESULTS_MD = here('./results.md');
const README = here('../README.md');

interface Args {
  ids: BenchId[];
  runs: number | null;
  /** `--no-save`: print the table, write no file (for trying a row while working on it). */
  save: boolean;
}

function parseArgs(argv: string[]): Args {
  const ids: BenchId[] = [];
  let runs: number | null = null;
  let save = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-save') save = false;
    else if (arg === '--runs') {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number ≥ 1');
    } else if ((BENCH_IDS as readonly string[]).includes(arg)) ids.push(arg as BenchId);
    else throw new Error(`unknown benchmark "${arg}"; the rows are: ${BENCH_IDS.join(', ')}`);
  }
  return { ids: ids.length > 0 ? ids : [...BENCH_IDS], runs, save };
}

async function loadRow(id: BenchId): Promise<BenchRow> {
  const module = (await import(`./rows/${id}.ts`)) as { row: BenchRow };
  if (module.row?.id !== id) throw new Error(`bench/rows/${id}.ts must export a row with id "${id}"`);
  return module.row;
}

async function measure(
  row: BenchRow,
  runsOverride: number | null,
  ctx: ReturnType<typeof createBenchContext>,
) {
  const runs = runsOverride ?? row.runs ?? 5;
  const started = Date.now();
  ctx.log(`setting up`);
  const state = await row.setup(ctx);
  const samples: Sample[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const sample = await row.sample(state, run, ctx);
      samples.push(sample);
      const floor = sample.floor === undefined ? '' : ` (floor ${sample.floor.toFixed(2)})`;
      ctx.log(`run ${run}/${runs}: ${sample.value.toFixed(2)} ${row.unit}${floor}`);
    }
  } finally {
    await row.teardown?.(state);
  }
  const summary = summarize(samples);
  ctx.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result: ResultRow = {
    id: row.id,
    what: row.what,
    value: summary.value,
    unit: row.unit,
    floor: summary.floor,
    ratio: summary.ratio,
    target: row.target,
    met: row.met(summary),
    floorWhat: row.floorWhat ?? null,
    runs: summary.runs,
    spread: summary.spread,
    details: summary.details,
    measuredAt: new Date().toISOString(),
  };
  return result;
}

async function main(): Promise<number> {
  const { ids, runs, save } = parseArgs(process.argv.slice(2));
  const fresh: ResultRow[] = [];
  let failed = 0;
  const benchStarted = Date.now();
  let current = '';
  // One context for the whole run: one PostgreSQL server, and data sets shared between rows.
  const ctx = createBenchContext((line) => console.log(`[${current}] ${line}`));
  for (const id of ids) {
    current = id;
    try {
      const result = await measure(await loadRow(id), runs, ctx);
      fresh.push(result);
      console.log(
        `[${id}] ${result.value.toFixed(2)} ${result.unit}` +
          (result.ratio === null ? '' : `, ratio ${result.ratio.toFixed(2)}`) +
          ` — target ${result.target}: ${result.met ? 'met' : 'NOT met'}`,
      );
    } catch (err) {
      failed++;
      console.error(`[${id}] failed:`, err);
    }
  }
  await ctx.close();
  console.log(
    `bench: ${fresh.length} row(s) measured in ${((Date.now() - benchStarted) / 60000).toFixed(1)} min`,
  );
  if (!save) {
    console.log(markdownTable({ machine: describeMachine(), rows: fresh }));
  } else {
    const previous = readResults(RESULTS_JSON);
    const results = { machine: describeMachine(), rows: mergeRows(previous?.rows ?? [], fresh) };
    writeResults(RESULTS_JSON, RESULTS_MD, results);
    updateReadme(README, results);
    console.log(`wrote ${RESULTS_JSON}, ${RESULTS_MD} and the README's table`);
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
