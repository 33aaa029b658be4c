/**
 * @module The engine's query plan → one knex query, node by node, for SQLite and PostgreSQL:
 * `SELECT <group keys>, <measures> FROM records r [JOIN records j] WHERE r.form_key = ? AND <where>
 * GROUP BY 1, 2… ORDER BY <outputs> NULLS LAST LIMIT n`, plus one CTE per percentile on SQLite.
 * Group keys are grouped by position so an expression carrying bindings is written once. Result rows
 * go through `readPlanRows` (types back to the engine's, then the plan's post steps).
 */
import type { Knex } from 'knex';
import type { GroupItem, JsonScalar, QueryPlan } from '../../engine/reports/index';
import type { Dialect } from '../config/database-url';
import type { RenderContext, TimeRange, TypedSql } from './render-context';
import { aggregateSql, pgPercentile, type PercentileRenderer } from './sql-aggregates';
import { conditionSql } from './sql-conditions';
import { alias, fmt, joinSql, quoteId, sql, stringLiteral, type Sql } from './sql-fragment';
import { scalarSql } from './sql-scalars';
import { sqlitePercentiles } from './sqlite-percentiles';
import { bucketSql } from './time-buckets';

/** Form keys as definitions allow them (`definitionKeySchema`): safe to inline into SQL text. */
const FORM_KEY = /^[a-z][a-z0-9_-]*$/;

export interface PlanToQueryOptions {
  /** The instants bucketed values span (SQLite time-zone offsets); derived from the WHERE bounds when absent. */
  timeRange?: TimeRange;
}

function groupSql(ctx: RenderContext, g: GroupItem): TypedSql {
  if ('expr' in g) return scalarSql(ctx, g.expr);
  return bucketSql(ctx, g, scalarSql(ctx, g.arg, 'timestamp'));
}

/** `records AS r [LEFT|INNER JOIN records AS j ON j.form_key = ? AND <left> = <right>]`. */
function fromSql(ctx: RenderContext): Sql {
  const { dialect, plan } = ctx;
  const records = quoteId(dialect, 'records');
  const parts: Sql[] = [sql(`${records} AS ${alias(dialect, plan.from.alias)}`)];
  for (const join of plan.joins) {
    const j = alias(dialect, join.alias);
    let left: Sql = scalarSql(ctx, { col: join.on.left });
    const right = scalarSql(ctx, { col: join.on.right });
    const kind = join.type === 'inner' ? 'INNER JOIN' : 'LEFT JOIN';
    let form = sql(`${j}.${quoteId(dialect, 'form_key')} = ?`, [join.form]);
    if (dialect === 'sqlite' && join.type === 'left' && FORM_KEY.test(join.form)) {
      // A left join always looks the joined records up per source record. SQLite looks them up through the partial expression index of the joined field
      // (`ensure-field-indexes.ts`, `WHERE form_key = '<form>'`) only when the form key is a literal it
      // can match at prepare time, and when the source side carries no column affinity (`+`): a TEXT
      // column compared with an indexed expression would convert the index's values, so SQLite would
      // scan every joined record once per source record instead. Record ids are never numbers, so the
      // comparison matches what it matched before. (An inner join is left as it is: SQLite may drive it
      // from the joined side, e.g. answers in a date range, and find the source record by its id.)
      form = sql(`${j}.${quoteId(dialect, 'form_key')} = ${stringLiteral(join.form)}`);
      left = { ...left, text: `+${left.text}` };
    }
    parts.push(fmt`${kind} ${records} AS ${j} ON ${form} AND ${left} = ${right}`);
  }
  return joinSql(parts, ' ');
}

function whereSql(ctx: RenderContext): Sql {
  const { dialect, plan } = ctx;
  const form = sql(`${alias(dialect, plan.from.alias)}.${quoteId(dialect, 'form_key')} = ?`, [
    plan.from.form,
  ]);
  return plan.where ? fmt`${form} AND ${conditionSql(ctx, plan.where)}` : form;
}

/** Renders `plan` as a knex query for `dialect`; `params` supplies the plan's runtime values (`asOf`). */
export function planToQuery(
  knex: Knex,
  dialect: Dialect,
  plan: QueryPlan,
  params: Record<string, JsonScalar> = {},
  options: PlanToQueryOptions = {},
): Knex.QueryBuilder {
  if (plan.version !== 1) throw new Error(`Unsupported query plan version ${String(plan.version)}`);
  const ctx: RenderContext = {
    dialect,
    plan,
    params,
    ...(options.timeRange ? { timeRange: options.timeRange } : {}),
  };
  const q = (name: string) => quoteId(dialect, name);
  const from = fromSql(ctx);
  const where = whereSql(ctx);
  const groups = plan.groupBy.map((g) => groupSql(ctx, g));

  let percentile: PercentileRenderer = pgPercentile(ctx);
  let ctes: { name: string; body: Sql }[] = [];
  if (dialect === 'sqlite') {
    const p = sqlitePercentiles(ctx, { from, where }, groups);
    percentile = p.render;
    ctes = p.ctes;
  }

  const selects: Sql[] = [
    ...groups.map((g, i) => fmt`${g} AS ${q(plan.groupBy[i]!.name)}`),
    ...plan.measures.map((m) => fmt`${aggregateSql(ctx, m.expr, percentile)} AS ${q(m.name)}`),
  ];
  const select = joinSql(selects, ', ');

  let query = knex.queryBuilder();
  // CTEs are filled while the measures render, so they are attached after.
  for (const cte of ctes) query = query.with(cte.name, knex.raw(cte.body.text, cte.body.bindings));
  query = query
    .select(knex.raw(select.text, select.bindings))
    .from(knex.raw(from.text, from.bindings))
    .whereRaw(where.text, where.bindings);
  if (groups.length > 0) query = query.groupByRaw(groups.map((_, i) => String(i + 1)).join(', '));

  const sqlNames = new Set([...plan.groupBy.map((g) => g.name), ...plan.measures.map((m) => m.name)]);
  const order = plan.orderBy
    .filter((o) => sqlNames.has(o.name))
    .map((o) => `${q(o.name)} ${o.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
  if (order.length > 0) query = query.orderByRaw(order.join(', '));
  if (plan.limit !== null) query = query.limit(plan.limit);
  return query;
}
