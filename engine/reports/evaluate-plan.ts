/**
 * @module The reference semantics of a query plan, in memory: it evaluates every plan node (columns,
 * related-table subqueries with LAG, EXISTS self-joins, conditions, time buckets, aggregates) over
 * plain arrays. It knows no KPI, so a KPI that comes out right here proves the plan mechanical enough
 * for the runtime's SQL translation, and the runtime's SQL results can be checked against it.
 */
import { postProcess } from './post-process';
import type {
  AggregateExpr,
  ColumnRef,
  Condition,
  GroupItem,
  JsonScalar,
  QueryPlan,
  RelatedCondition,
  RelatedOperand,
  ResultRow,
  ScalarExpr,
} from './query-plan';
import { addDays, parseLocalDate, toLocalDate, weekdayOf, formatLocalDate } from '../time/zoned-time';

export interface PlanRecord {
  id: string;
  form: string;
  createdAt: string;
  resolvedAt?: string | null;
  customer?: string | null;
  stage?: string | null;
  team?: string | null;
  assignee?: string | null;
  data: Record<string, unknown>;
  [system: string]: unknown;
}

export interface PlanStore {
  records: PlanRecord[];
  sla_clocks?: Record<string, unknown>[];
  events?: Record<string, unknown>[];
  record_revisions?: Record<string, unknown>[];
}

type Tables = Record<string, PlanRecord | null>;
const DAY_MS = 86_400_000;

const isIsoTime = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v);
const comparable = (v: unknown): unknown => (isIsoTime(v) ? Date.parse(v) : v);

function compare(a: unknown, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return v ?? null;
}

function cast(v: unknown, to: string): JsonScalar {
  if (v === null || v === undefined) return null;
  if (to === 'number') return Number.isFinite(Number(v)) ? Number(v) : null;
  if (to === 'json') return v as JsonScalar;
  if (to === 'boolean') return Boolean(v);
  return String(v);
}

export class PlanEvaluator {
  constructor(
    private readonly plan: QueryPlan,
    private readonly store: PlanStore,
    private readonly params: Record<string, JsonScalar> = {},
  ) {}

  private related(ref: Extract<ColumnRef, { kind: 'related' }>, owner: PlanRecord): JsonScalar {
    const all = (this.store[ref.related] ?? []).filter((row) => row[ref.foreignKey] === owner.id);
    if (ref.orderBy) all.sort((a, b) => compare(a[ref.orderBy!], b[ref.orderBy!]) ?? 0);
    const operand = (o: RelatedOperand, i: number) => {
      const row = o.previous ? all[i - 1] : all[i];
      if (!row) return null;
      return o.path ? readPath(row[o.column], o.path) : (row[o.column] ?? null);
    };
    const holds = (c: RelatedCondition, i: number): boolean => {
      const left = operand(c.left, i);
      switch (c.op) {
        case 'eq':
          return left === c.value;
        case 'ne':
          return left !== c.value;
        case 'in':
          return c.values.includes(left as JsonScalar);
        case 'empty':
          return left === null || left === '';
        case 'notEmpty':
          return left !== null && left !== '';
        case 'within_days': {
          const after = operand(c.after, i);
          if (!isIsoTime(left) || !isIsoTime(after)) return false;
          const d = Date.parse(left) - Date.parse(after);
          return d >= 0 && d <= c.days * DAY_MS;
        }
      }
    };
    const matching = all.filter((_, i) => ref.where.every((c) => holds(c, i)));
    if (ref.fn === 'count') return matching.length;
    const values = matching.map((row) => row[ref.column!]).filter((v) => v !== null && v !== undefined);
    if (values.length === 0) return null;
    if (ref.fn === 'sum') return values.reduce((s: number, v) => s + Number(v), 0);
    const sorted = [...values].sort((a, b) => compare(a, b) ?? 0);
    return (ref.fn === 'min' ? sorted[0] : sorted[sorted.length - 1]) as JsonScalar;
  }

  private ref(ref: ColumnRef, tables: Tables): JsonScalar {
    const rec = tables[ref.table];
    if (!rec) return null;
    switch (ref.kind) {
      case 'system':
        return (rec[ref.column] ?? null) as JsonScalar;
      case 'data':
        return cast(readPath(rec.data, ref.path), ref.cast);
      case 'related':
        return this.related(ref, rec);
      case 'exists_prior': {
        const found = this.store.records.some((p) => {
          if (p.form !== ref.form || p.id === rec.id) return false;
          const inner: Tables = { ...tables, [ref.alias]: p };
          if (
            !ref.match.every((m) => {
              const a = this.ref(m.outer, tables);
              return a !== null && a === this.ref(m.inner, inner);
            })
          )
            return false;
          const outer = this.ref(ref.window.outer, tables);
          const innerAt = this.ref(ref.window.inner, inner);
          if (!isIsoTime(outer) || !isIsoTime(innerAt)) return false;
          const d = Date.parse(outer) - Date.parse(innerAt);
          return d >= 0 && d <= ref.window.days * DAY_MS;
        });
        return found ? 1 : 0;
      }
    }
  }

  scalar(e: ScalarExpr, tables: Tables): JsonScalar {
    if ('col' in e) return this.ref(this.plan.columns[e.col]!, tables);
    if ('value' in e) return e.value;
    if ('param' in e) return this.params[e.param] ?? null;
    switch (e.op) {
      case 'minutes_between': {
        const from = this.scalar(e.from, tables);
        const to = this.scalar(e.to, tables);
        if (!isIsoTime(from) || !isIsoTime(to)) return null;
        return (Date.parse(to) - Date.parse(from)) / 60_000;
      }
      case 'coalesce':
        return e.args.map((a) => this.scalar(a, tables)).find((v) => v !== null) ?? null;
      default: {
        const [a, b] = e.args.map((x) => this.scalar(x, tables));
        if (typeof a !== 'number' || typeof b !== 'number') return null;
        return e.op === 'add'
          ? a + b
          : e.op === 'subtract'
            ? a - b
            : e.op === 'multiply'
              ? a * b
              : b === 0
                ? null
                : a / b;
      }
    }
  }

  cond(c: Condition, t: Tables): boolean {
    switch (c.op) {
      case 'and':
        return c.args.every((x) => this.cond(x, t));
      case 'or':
        return c.args.some((x) => this.cond(x, t));
      case 'not':
        return !this.cond(c.arg, t);
      case 'in':
      case 'nin': {
        const v = this.scalar(c.left, t);
        if (v === null) return false;
        return c.values.includes(v) === (c.op === 'in');
      }
      case 'contains': {
        const v = this.scalar(c.left, t);
        if (c.mode === 'list') return Array.isArray(v) && (v as unknown[]).includes(c.value);
        return typeof v === 'string' && v.toLowerCase().includes(String(c.value).toLowerCase());
      }
      case 'empty':
      case 'not_empty': {
        const v = this.scalar(c.arg, t) as unknown;
        const empty =
          v === null ||
          (c.mode === 'text' && v === '') ||
          (c.mode === 'list' && Array.isArray(v) && v.length === 0);
        return empty === (c.op === 'empty');
      }
      default: {
        const d = compare(this.scalar(c.left, t), this.scalar(c.right, t));
        if (d === null) return false;
        return { eq: d === 0, ne: d !== 0, gt: d > 0, gte: d >= 0, lt: d < 0, lte: d <= 0 }[c.op];
      }
    }
  }

  private group(g: GroupItem, t: Tables): JsonScalar {
    if ('expr' in g) return this.scalar(g.expr, t);
    const v = this.scalar(g.arg, t);
    if (v === null) return null;
    const date = isIsoTime(v) ? toLocalDate(Date.parse(v), g.timezone) : String(v).slice(0, 10);
    const { year, month } = parseLocalDate(date);
    switch (g.bucket) {
      case 'day':
        return date;
      case 'week':
        return addDays(date, -((weekdayOf(date) + 6) % 7));
      case 'month':
        return formatLocalDate(year, month, 1);
      case 'quarter':
        return formatLocalDate(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
      case 'year':
        return formatLocalDate(year, 1, 1);
    }
  }

  aggregate(e: AggregateExpr, rows: Tables[]): number | null {
    if ('value' in e) return e.value;
    if ('op' in e) {
      const [a, b] = e.args.map((x) => this.aggregate(x, rows));
      if (a === null || a === undefined || b === null || b === undefined) return null;
      if (e.op === 'nullif') return a === b ? null : a;
      return e.op === 'add' ? a + b : e.op === 'subtract' ? a - b : e.op === 'multiply' ? a * b : a / b;
    }
    if (e.fn === 'count_if') return rows.filter((t) => this.cond(e.cond, t)).length;
    if (!('arg' in e)) return rows.length;
    const scoped = e.where ? rows.filter((t) => this.cond(e.where!, t)) : rows;
    const values = scoped.map((t) => this.scalar(e.arg, t)).filter((v) => v !== null);
    if (e.fn === 'count') return values.length;
    if (e.fn === 'count_distinct') return new Set(values.map((v) => JSON.stringify(v))).size;
    if (values.length === 0) return null;
    const nums = values.map((v) => Number(comparable(v))).sort((a, b) => a - b);
    switch (e.fn) {
      case 'sum':
        return nums.reduce((s, n) => s + n, 0);
      case 'avg':
        return nums.reduce((s, n) => s + n, 0) / nums.length;
      case 'min':
        return nums[0]!;
      case 'max':
        return nums[nums.length - 1]!;
      case 'percentile': {
        const pos = (nums.length - 1) * e.p;
        const lo = Math.floor(pos);
        return nums[lo]! + (nums[Math.ceil(pos)]! - nums[lo]!) * (pos - lo);
      }
    }
  }

  run(): ResultRow[] {
    const { plan } = this;
    const base = this.store.records.filter((r) => r.form === plan.from.form);
    let rows: Tables[] = base.map((r) => ({ [plan.from.alias]: r }));
    for (const join of plan.joins) {
      const candidates = this.store.records.filter((r) => r.form === join.form);
      rows = rows.flatMap((t) => {
        const left = this.scalar({ col: join.on.left }, t);
        const matches = candidates.filter(
          (c) => left !== null && this.scalar({ col: join.on.right }, { ...t, [join.alias]: c }) === left,
        );
        if (matches.length > 0) return matches.map((m) => ({ ...t, [join.alias]: m }));
        return join.type === 'left' ? [{ ...t, [join.alias]: null }] : [];
      });
    }
    if (plan.where) rows = rows.filter((t) => this.cond(plan.where!, t));
    const groups = new Map<string, { key: JsonScalar[]; rows: Tables[] }>();
    for (const t of rows) {
      const key = plan.groupBy.map((g) => this.group(g, t));
      const id = JSON.stringify(key);
      if (!groups.has(id)) groups.set(id, { key, rows: [] });
      groups.get(id)!.rows.push(t);
    }
    if (plan.groupBy.length === 0 && groups.size === 0) groups.set('[]', { key: [], rows: [] });
    let out: ResultRow[] = [...groups.values()].map(({ key, rows: groupRows }) => {
      const row: ResultRow = {};
      plan.groupBy.forEach((g, i) => (row[g.name] = key[i] ?? null));
      for (const m of plan.measures) row[m.name] = this.aggregate(m.expr, groupRows);
      return row;
    });
    out.sort((a, b) => {
      for (const o of plan.orderBy) {
        const d = compare(a[o.name], b[o.name]) ?? 0;
        if (d !== 0) return o.direction === 'asc' ? d : -d;
      }
      return 0;
    });
    if (plan.limit !== null) out = out.slice(0, plan.limit);
    return postProcess(plan, out);
  }
}

/** Runs `plan` over the in-memory store and post-processes the rows, as the runtime + engine would. */
export function evaluatePlan(
  plan: QueryPlan,
  store: PlanStore,
  params: Record<string, JsonScalar> = {},
): ResultRow[] {
  return new PlanEvaluator(plan, store, params).run();
}
