/**
 * @module SQLite has no `percentile_cont`; each percentile measure becomes a CTE computing it with
 * window functions over the same rows, per group:
 * `i = ROW_NUMBER() OVER (PARTITION BY groups ORDER BY v) - 1`, `pos = (COUNT(*) OVER (…) - 1) × p`,
 * then `v[floor(pos)] + (v[ceil(pos)] − v[floor(pos)]) × (pos − floor(pos))` — the linear interpolation
 * of `percentile_cont`, in the same floating-point steps as the engine's evaluator. The measure reads its
 * group's value back with a correlated lookup on the group keys (`IS`, so NULL keys match).
 */
import type { RenderContext, TypedSql } from './render-context';
import { type PercentileNode, type PercentileRenderer, scopedArg } from './sql-aggregates';
import { fmt, joinSql, numberLiteral, quoteId, sql, type Sql } from './sql-fragment';

export interface PercentileCte {
  name: string;
  body: Sql;
}

export interface SqlitePercentiles {
  render: PercentileRenderer;
  ctes: PercentileCte[];
}

/**
 * @param rows `FROM … WHERE …` of the main query (source, joins, filters), reused by every CTE.
 * @param groups the group expressions of the main query, in order.
 */
export function sqlitePercentiles(
  ctx: RenderContext,
  rows: { from: Sql; where: Sql },
  groups: readonly TypedSql[],
): SqlitePercentiles {
  const q = (name: string) => quoteId(ctx.dialect, name);
  const ctes: PercentileCte[] = [];
  const seen = new Map<string, string>();
  const keys = groups.map((_, i) => q(`g${i}`));

  const render: PercentileRenderer = (node: PercentileNode) => {
    const id = JSON.stringify(node);
    let name = seen.get(id);
    if (name === undefined) {
      name = `pct${ctes.length}`;
      seen.set(id, name);
      const v = scopedArg(ctx, node.arg, node.where);
      const partition = groups.length > 0 ? fmt`PARTITION BY ${joinSql(groups, ', ')}` : sql('');
      const space = groups.length > 0 ? ' ' : '';
      const ranked = joinSql(
        [
          ...groups.map((g, i) => fmt`${g} AS ${keys[i]!}`),
          fmt`${v} AS ${q('v')}`,
          fmt`ROW_NUMBER() OVER (${partition}${space}ORDER BY ${v}) - 1 AS ${q('i')}`,
          fmt`(COUNT(*) OVER (${partition}) - 1) * ${numberLiteral(node.p)} AS ${q('pos')}`,
        ],
        ', ',
      );
      const values = fmt`SELECT ${ranked} FROM ${rows.from} WHERE ${rows.where} AND ${v} IS NOT NULL`;
      const bounded = fmt`SELECT *, CAST(${q('pos')} AS INTEGER) AS ${q('lo')}, ceil(${q('pos')}) AS ${q('hi')} FROM (${values})`;
      const picked = [
        ...keys,
        `max(CASE WHEN ${q('i')} = ${q('lo')} THEN ${q('v')} END) AS ${q('lo_v')}`,
        `max(CASE WHEN ${q('i')} = ${q('hi')} THEN ${q('v')} END) AS ${q('hi_v')}`,
        `max(${q('pos')} - ${q('lo')}) AS ${q('frac')}`,
      ].join(', ');
      const groupBy = keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : '';
      const result = [...keys, `${q('lo_v')} + (${q('hi_v')} - ${q('lo_v')}) * ${q('frac')} AS ${q('v')}`];
      const body = fmt`SELECT ${result.join(', ')} FROM (SELECT ${picked} FROM (${bounded})${groupBy})`;
      ctes.push({ name, body });
    }
    const match = groups.map((g, i) => fmt`${q(name!)}.${keys[i]!} IS ${g}`);
    const where = match.length > 0 ? fmt` WHERE ${joinSql(match, ' AND ')}` : sql('');
    return fmt`(SELECT ${q(name)}.${q('v')} FROM ${q(name)}${where})`;
  };
  return { render, ctes };
}
