/**
 * @module The query plan: what a report asks of the store, dialect-neutral and plain JSON. The runtime
 * renders it to SQL (knex, SQLite / PostgreSQL) node by node, without knowing any KPI: every business
 * rule (what counts as a promoter, a reopen, a recurrence) is already spelt out in these nodes.
 *
 * Row-level values are `ScalarExpr`s over `columns` (referenced by id), conditions are `Condition`s,
 * per-group values are `AggregateExpr`s. Semantics the runtime must keep:
 * - `divide` is floating-point division (cast integers first: PostgreSQL divides counts as integers);
 *   plans guard divisors with `nullif(x, 0)`, so a share over nothing is NULL, never an error.
 * - `count_if(c)` is `SUM(CASE WHEN c THEN 1 ELSE 0 END)`, 0 for an empty group.
 * - `percentile` is continuous (`percentile_cont`) over non-null values.
 * - Aggregates ignore NULL arguments (SQL semantics); `where` on an aggregate is `CASE WHEN … THEN arg END`.
 * - Time buckets are the local date (`YYYY-MM-DD`) of the bucket's first day in `timezone`; weeks start Monday.
 * - Timestamps are ISO-8601 strings in UTC. `{ param: name }` values come from the runtime (`asOf`: the
 *   point in time a backlog is counted at, now unless the request names one); `params` lists them.
 * - Related tables the plan reads: `sla_clocks(recordId, stage, state, pausedWallMinutes,
 *   businessElapsedMinutes, …)`, `events(recordId, type, at, payload)`, `record_revisions(recordId,
 *   revision, at, resolvedAt, …)` — the runtime maps these names onto its tables.
 */
import type { LocalizedText } from '../issues/locale';
import type { TimeGrain } from './report-definition.schema';

export type JsonScalar = string | number | boolean | null;

/** How a JSON data value is read: the runtime casts `data->path` to this type. */
export type ValueCast = 'number' | 'text' | 'timestamp' | 'date' | 'boolean' | 'json';

export const SYSTEM_COLUMNS = [
  'id',
  'form',
  'formVersion',
  'stage',
  'assignee',
  'team',
  'customer',
  'createdAt',
  'updatedAt',
  'resolvedAt',
  'revision',
] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

/** A table the plan reads besides `records`, with the columns it relies on. */
export type RelatedTable = 'sla_clocks' | 'events' | 'record_revisions';

/** An operand inside a related-table subquery: a column, a JSON path inside it, or its previous row's value. */
export interface RelatedOperand {
  column: string;
  /** Path inside a JSON column (e.g. `payload` → `['visibility']`). */
  path?: string[];
  /** The value of the previous row in `orderBy` order for the same record (SQL `LAG`). */
  previous?: boolean;
}

export type RelatedCondition =
  | { op: 'eq' | 'ne'; left: RelatedOperand; value: JsonScalar }
  | { op: 'in'; left: RelatedOperand; values: JsonScalar[] }
  | { op: 'empty' | 'notEmpty'; left: RelatedOperand }
  /** `after ≤ left ≤ after + days` (timestamps). */
  | { op: 'within_days'; left: RelatedOperand; after: RelatedOperand; days: number };

/** A value read for each row of the source. */
export type ColumnRef =
  /** A system column of the records table aliased `table`. */
  | { kind: 'system'; table: string; column: SystemColumn }
  /** A value inside the `data` JSON of the records table aliased `table`. */
  | { kind: 'data'; table: string; path: string[]; cast: ValueCast }
  /**
   * A correlated subquery over a related table:
   * `(SELECT fn(column) FROM <related> x WHERE x.<foreignKey> = <table>.id AND <where…>)`, with `LAG`
   * over `orderBy` (partitioned by record) when a condition reads `previous` values. `count` ignores `column`.
   */
  | {
      kind: 'related';
      table: string;
      related: RelatedTable;
      foreignKey: string;
      fn: 'count' | 'sum' | 'min' | 'max';
      column?: string;
      where: RelatedCondition[];
      orderBy?: string;
    }
  /**
   * 1 when another record of `form` exists (not this one) whose `match` pairs are equal and whose
   * `window.inner` timestamp lies within `window.days` days before this row's `window.outer`; else 0.
   * Render as `CASE WHEN EXISTS (SELECT 1 FROM records <alias> WHERE …) THEN 1 ELSE 0 END`.
   */
  | {
      kind: 'exists_prior';
      table: string;
      alias: string;
      form: string;
      match: { outer: ColumnRef; inner: ColumnRef }[];
      window: { outer: ColumnRef; inner: ColumnRef; days: number };
    };

export type ScalarExpr =
  | { col: string }
  | { value: JsonScalar }
  | { param: string }
  /** Minutes from `from` to `to` (timestamps); NULL when either is NULL. */
  | { op: 'minutes_between'; from: ScalarExpr; to: ScalarExpr }
  | { op: 'add' | 'subtract' | 'multiply' | 'divide'; args: [ScalarExpr, ScalarExpr] }
  | { op: 'coalesce'; args: ScalarExpr[] };

export type Condition =
  | { op: 'and' | 'or'; args: Condition[] }
  | { op: 'not'; arg: Condition }
  | { op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; left: ScalarExpr; right: ScalarExpr }
  | { op: 'in' | 'nin'; left: ScalarExpr; values: JsonScalar[] }
  /** Text: substring (case-insensitive); list (`json` cast): the list holds the value. */
  | { op: 'contains'; left: ScalarExpr; value: string | number; mode: 'text' | 'list' }
  /** NULL, or an empty string / list for `text` / `list` mode. */
  | { op: 'empty' | 'not_empty'; arg: ScalarExpr; mode: 'value' | 'text' | 'list' };

export type AggregateExpr =
  | { fn: 'count' }
  | { fn: 'count' | 'count_distinct'; arg: ScalarExpr; where?: Condition }
  | { fn: 'count_if'; cond: Condition }
  | { fn: 'sum' | 'avg' | 'min' | 'max'; arg: ScalarExpr; where?: Condition }
  | { fn: 'percentile'; p: number; arg: ScalarExpr; where?: Condition }
  | { op: 'add' | 'subtract' | 'multiply' | 'divide'; args: [AggregateExpr, AggregateExpr] }
  | { op: 'nullif'; args: [AggregateExpr, AggregateExpr] }
  | { value: number };

export type GroupItem =
  { name: string; expr: ScalarExpr } | { name: string; bucket: TimeGrain; arg: ScalarExpr; timezone: string };

export interface PlanMeasure {
  name: string;
  expr: AggregateExpr;
}

/** Work the engine does on the result rows (`postProcess`), in order, after the query. */
export type PostStep =
  /** Keeps the rows of the `n` values of `dimension` with the largest total of `by`. */
  | { step: 'top_n'; dimension: string; n: number; by: string }
  /** Sorts by `of` descending and adds `as` = running total of `of` ÷ grand total × 100. */
  | { step: 'cumulative_share'; of: string; as: string }
  /**
   * Adds `as` = Σ weightᵢ × scoreᵢ ÷ Σ weightᵢ over the components whose measure `of` has a value in
   * the row, scoreᵢ = clamp((value − worst) ÷ (best − worst), 0, 1) × 100; NULL when none has one.
   */
  | { step: 'weighted_index'; as: string; components: WeightedComponent[] };

/** One input of a `weighted_index` step: the measure read and how it is normalised. */
export interface WeightedComponent {
  of: string;
  weight: number;
  worst: number;
  best: number;
}

export type OutputFormat = 'number' | 'integer' | 'percent' | 'minutes' | 'date' | 'text';

/** One column of the result rows, with what a chart or table needs to show it. */
export interface PlanOutput {
  name: string;
  role: 'dimension' | 'measure';
  label: LocalizedText;
  /** `percent` values are already × 100 (0–100, NPS −100…100). */
  format: OutputFormat;
  grain?: TimeGrain;
  /** The KPI preset behind the value, its formula and which way is better. */
  kpi?: string;
  formula?: LocalizedText;
  better?: 'higher' | 'lower';
  /** Computed by a post step rather than by SQL. */
  computed?: boolean;
}

export interface PlanSource {
  table: 'records';
  alias: string;
  form: string;
}

export interface PlanJoin extends PlanSource {
  type: 'left' | 'inner';
  /** Equality of two column ids. */
  on: { left: string; right: string };
}

export interface QueryPlan {
  version: 1;
  report: string;
  timezone: string;
  from: PlanSource;
  joins: PlanJoin[];
  /** Every value the query reads, by id (`c0`, `c1`, …). */
  columns: Record<string, ColumnRef>;
  where: Condition | null;
  groupBy: GroupItem[];
  measures: PlanMeasure[];
  orderBy: { name: string; direction: 'asc' | 'desc' }[];
  limit: number | null;
  /** Runtime-supplied values the plan reads, e.g. `now`. */
  params: string[];
  postProcess: PostStep[];
  outputs: PlanOutput[];
}

/** One result row: output name → value. */
export type ResultRow = Record<string, JsonScalar>;
