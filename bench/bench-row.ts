/** @module What one benchmark row is: its set-up, what one measured run returns, and how it is judged. */
import type { Dialect } from '../runtime/config/database-url';
import type { Database } from '../runtime/storage/open-database';

/** The rows `npm run bench` knows, in the order it runs them. */
export const BENCH_IDS = [
  'submit-sqlite',
  'submit-postgres',
  'transitions',
  'timer-sweep',
  'rule-dry-run',
  'dashboard-sqlite',
  'dashboard-postgres',
  'import-csv',
  'designer',
] as const;

export type BenchId = (typeof BENCH_IDS)[number];

/** One measured run of a row. */
export interface Sample {
  /** The row's figure, in the row's `unit`. */
  value: number;
  /** The floor measured in the same run, in the same unit; absent for rows without a floor. */
  floor?: number;
  /** Further figures reported beside the main one (e.g. `p50Ms`, `p99Ms`, `lagMs`); medians are kept. */
  details?: Record<string, number>;
}

/** The medians over a row's runs, which `met` judges. */
export interface RowSummary {
  value: number;
  floor: number | null;
  /** value / floor, the median of each run's own ratio (both measured in that run); null without a floor. */
  ratio: number | null;
  details: Record<string, number>;
}

/** A fresh, migrated database made for a row; `drop()` closes it and deletes it. */
export interface BenchDatabase extends Database {
  /** Its DATABASE_URL, for a runtime process or a second connection. */
  url: string;
  drop(): Promise<void>;
}

/** What the runner gives every row. */
export interface BenchContext {
  /** A new empty database of `dialect` with the product's migrations applied (PostgreSQL: on this run's server). */
  newDatabase(dialect: Dialect): Promise<BenchDatabase>;
  /** A PostgreSQL server for this bench run (started once, on first call; stopped at the end). */
  postgresUrl(): Promise<string>;
  /** A scratch folder for this bench run, deleted at the end. */
  workDir: string;
  /**
   * Builds something expensive once per bench run and hands the same value to every row asking for the
   * same key (e.g. the 1,000,000-record SQLite file shared by the dry-run and dashboard rows).
   */
  shared<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** Progress lines on the console while a row sets up or runs. */
  log(line: string): void;
}

export interface BenchRow<State = unknown> {
  id: BenchId;
  /** One line: what is measured. */
  what: string;
  /** The unit of `value` and `floor`, e.g. `submissions/s`, `ms`, `s`. */
  unit: string;
  /** One line: what the floor is, when the row has one. */
  floorWhat?: string;
  /** The target in words, e.g. `≥ 50 % of the floor; p99 ≤ 50 ms`. */
  target: string;
  /** Measured runs after set-up (the median is reported); 5 unless a run is long. */
  runs?: number;
  setup(ctx: BenchContext): Promise<State>;
  sample(state: State, run: number, ctx: BenchContext): Promise<Sample>;
  teardown?(state: State): Promise<void>;
  /** Whether the medians meet the target. */
  met(summary: RowSummary): boolean;
}
