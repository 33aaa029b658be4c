/**
 * @module The floor of the dashboard rows: the numbers of the `after-sales-quality` dashboard's eight
 * cards (and the team filter's choices) as a DBA would write them by hand for SQLite and PostgreSQL,
 * over the same database: one statement per card, the tickets of the period read once, the SLA clocks
 * and the reopenings counted per ticket in a join instead of a subquery per ticket and KPI. Each
 * statement returns the card's SQL-computed outputs under the card's output names, so the rows can be
 * checked against the product's (`dashboard-compare.ts`). The definitions are the KPI presets' formulas
 * (`engine/reports/kpis/*`), restated here in SQL, not generated from them.
 */
import type { Knex } from 'knex';
import type { Dialect } from '../../runtime/config/database-url';

const TICKET = 'after-sales-ticket';
const SURVEY = 'after-sales-survey';
const DAYS_30 = 30 * 86_400_000;

/** One card's hand-written statement: the report it stands for, and the SQL with its bindings. */
export interface HandQuery {
  /** The report key of the card (or `filter-options:team` for the team filter's choices). */
  report: string;
  sql: string;
  bindings: unknown[];
}

/** The dialect's spelling of what the statements need. */
interface Spelling {
  text(alias: string, field: string): string;
  number(alias: string, field: string): string;
  /** An ISO instant in the JSON as epoch ms. */
  millis(alias: string, field: string): string;
  /** `YYYY-MM-01` of the month an epoch-ms column falls in, in Asia/Shanghai (UTC+8, no summer time). */
  month(column: string): string;
  real: string;
  /** SQLite: the operand without column affinity or index (`+x`), so the planner takes the index the DBA means. */
  plain(operand: string): string;
  /** An operand no expression index matches, so the planner takes the index the DBA means. */
  offIndex(operand: string): string;
}

const SPELLINGS: Record<Dialect, Spelling> = {
  sqlite: {
    text: (a, f) => `json_extract(${a}.data, '$.${f}')`,
    number: (a, f) => `json_extract(${a}.data, '$.${f}')`,
    millis: (a, f) => `unixepoch(json_extract(${a}.data, '$.${f}'), 'subsec') * 1000`,
    month: (c) => `strftime('%Y-%m-01', ${c} / 1000, 'unixepoch', '+8 hours')`,
    real: 'REAL',
    plain: (x) => `+${x}`,
    offIndex: (x) => `+${x}`,
  },
  postgres: {
    text: (a, f) => `${a}.data->>'${f}'`,
    number: (a, f) => `(${a}.data->>'${f}')::double precision`,
    millis: (a, f) => `extract(epoch from (${a}.data->>'${f}')::timestamptz) * 1000`,
    month: (c) => `to_char(to_timestamp(${c} / 1000.0) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-01')`,
    real: 'double precision',
    plain: (x) => x,
    offIndex: (x) => `COALESCE(${x}, ${x})`,
  },
};

/** `num ÷ den × 100`, NULL when `den` is 0 — the presets' `percentOf`. */
const percent = (s: Spelling, num: string, den: string) =>
  `100 * CAST(${num} AS ${s.real}) / NULLIF(${den}, 0)`;
const countIf = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;

/** The tickets created in the period. */
const TICKETS = `t AS (SELECT * FROM records WHERE form_key = ? AND created_at >= ? AND created_at < ?)`;

/**
 * Per ticket of the period: times reopened (a revision without `resolved_at` right after one with it)
 * and how many of those came within 30 days of the resolution.
 */
const REOPENS = `reopens AS (
  SELECT record_id, COUNT(*) AS n, ${countIf('at >= prev AND at <= prev + ' + DAYS_30)} AS n30
  FROM (SELECT v.record_id, v.at, v.resolved_at,
               LAG(v.resolved_at) OVER (PARTITION BY v.record_id ORDER BY v.revision, v.id) AS prev
        FROM record_revisions v JOIN t ON t.id = v.record_id) x
  WHERE resolved_at IS NULL AND prev IS NOT NULL
  GROUP BY record_id)`;

/** Per ticket of the period: SLA clocks met, and completed (met or breached). */
const CLOCKS = `clocks AS (
  SELECT c.record_id, ${countIf(`c.state = 'met'`)} AS met, ${countIf(`c.state IN ('met', 'breached')`)} AS done
  FROM sla_clocks c JOIN t ON t.id = c.record_id
  GROUP BY c.record_id)`;

/** FRT (mean minutes to the first response) and FCR (resolved, ≤ 1 contact, never reopened ÷ resolved). */
function frtFcr(s: Spelling): string {
  const resolved = 't.resolved_at IS NOT NULL';
  return `AVG((${s.millis('t', 'firstResponseAt')} - t.created_at) / 60000.0) AS frt,
    ${percent(
      s,
      countIf(`${resolved} AND ${s.number('t', 'contactCount')} <= 1 AND COALESCE(o.n, 0) = 0`),
      countIf(resolved),
    )} AS fcr`;
}

/** The eight cards' statements and the team filter's, for tickets created in [from, to) (epoch ms). */
export function handQueries(dialect: Dialect, from: number, to: number): HandQuery[] {
  const s = SPELLINGS[dialect];
  const period = [TICKET, from, to];
  const csat = s.number('a', 'csat');
  const nps = s.number('a', 'nps');
  const resolved = 't.resolved_at IS NOT NULL';
  return [
    {
      report: 'after-sales-quality-index',
      // Every answer of a ticket is a row, as in the report's left join: a ticket answered twice counts twice.
      sql: `WITH ${TICKETS}, ${CLOCKS}, ${REOPENS}
        SELECT ${s.month('t.created_at')} AS month,
          ${percent(s, countIf(`${csat} >= 4`), `COUNT(${csat})`)} AS csat,
          AVG(${csat}) AS csat_mean,
          ${frtFcr(s)},
          ${percent(s, 'SUM(COALESCE(k.met, 0))', 'SUM(COALESCE(k.done, 0))')} AS sla
        FROM t
          LEFT JOIN records a ON a.form_key = '${SURVEY}' AND ${s.text('a', 'ticket')} = ${s.plain('t.id')}
          LEFT JOIN clocks k ON k.record_id = t.id
          LEFT JOIN reopens o ON o.record_id = t.id
        GROUP BY 1 ORDER BY 1`,
      bindings: period,
    },
    {
      report: 'after-sales-quality-satisfaction-trend',
      sql: `SELECT ${s.month('a.created_at')} AS month,
          ${percent(s, countIf(`${csat} >= 4`), `COUNT(${csat})`)} AS csat,
          AVG(${csat}) AS csat_mean,
          ${percent(s, `${countIf(`${nps} >= 9`)} - ${countIf(`${nps} <= 6`)}`, `COUNT(${nps})`)} AS nps,
          COUNT(*) AS answers
        FROM records a JOIN records t ON t.form_key = ? AND t.id = ${s.text('a', 'ticket')}
        WHERE a.form_key = ? AND a.created_at >= ? AND a.created_at < ?
        GROUP BY 1 ORDER BY 1`,
      bindings: [TICKET, SURVEY, from, to],
    },
    {
      report: 'after-sales-quality-frt-fcr-by-team',
      sql: `WITH ${TICKETS}, ${REOPENS}
        SELECT t.team AS team, ${frtFcr(s)}, COUNT(*) AS tickets
        FROM t LEFT JOIN reopens o ON o.record_id = t.id
        GROUP BY 1 ORDER BY 1`,
      bindings: period,
    },
    {
      report: 'after-sales-quality-frt-fcr-by-agent',
      // Every agent: the card keeps the 20 with the largest FRT, which the comparison checks.
      sql: `WITH ${TICKETS}, ${REOPENS}
        SELECT t.assignee AS assignee, ${frtFcr(s)}, COUNT(*) AS tickets
        FROM t LEFT JOIN reopens o ON o.record_id = t.id
        GROUP BY 1`,
      bindings: period,
    },
    {
      report: 'after-sales-quality-sla-by-stage',
      sql: `WITH ${TICKETS}
        SELECT ${s.month('t.created_at')} AS month,
          ${(
            [
              ['accept', 'accept'],
              ['diagnose', 'diagnose'],
              ['plan', 'plan'],
              ['execute', 'execute'],
              ['follow_up', 'followUp'],
            ] as const
          )
            .map(
              ([stage, as]) =>
                `${percent(
                  s,
                  countIf(`c.stage = '${stage}' AND c.state = 'met'`),
                  countIf(`c.stage = '${stage}' AND c.state IN ('met', 'breached')`),
                )} AS "${as}"`,
            )
            .join(',\n          ')}
        FROM t LEFT JOIN sla_clocks c ON c.record_id = t.id
        GROUP BY 1 ORDER BY 1`,
      bindings: period,
    },
    {
      report: 'after-sales-fault-pareto',
      sql: `SELECT ${s.text('t', 'category')} AS category, COUNT(*) AS tickets
        FROM records t WHERE t.form_key = ? AND t.created_at >= ? AND t.created_at < ?
        GROUP BY 1 ORDER BY 2 DESC`,
      bindings: period,
    },
    {
      report: 'after-sales-quality-recurrence',
      // Recurrence: the same customer had a ticket for the same model and category resolved in the 30 days before.
      sql: `WITH ${TICKETS}, ${REOPENS}
        SELECT ${s.month('t.created_at')} AS month,
          ${percent(
            s,
            countIf(`EXISTS (SELECT 1 FROM records p
                WHERE p.form_key = ? AND p.customer = t.customer AND p.id <> t.id
                  AND ${s.offIndex(s.text('p', 'model'))} = ${s.text('t', 'model')}
                  AND ${s.offIndex(s.text('p', 'category'))} = ${s.text('t', 'category')}
                  AND t.created_at >= p.resolved_at AND t.created_at <= p.resolved_at + ${DAYS_30})`),
            countIf(resolved),
          )} AS recurrence,
          ${percent(s, countIf('COALESCE(o.n30, 0) > 0'), countIf(`${resolved} OR COALESCE(o.n, 0) > 0`))} AS reopened
        FROM t LEFT JOIN reopens o ON o.record_id = t.id
        GROUP BY 1 ORDER BY 1`,
      bindings: [...period, TICKET],
    },
    {
      report: 'after-sales-quality-punctuality',
      sql: `WITH ${TICKETS}
        SELECT ${s.month('t.created_at')} AS month,
          ${percent(
            s,
            countIf(`${s.millis('t', 'visitArrivedAt')} <= ${s.millis('t', 'visitPromisedAt')}`),
            countIf(
              `${s.text('t', 'visitArrivedAt')} IS NOT NULL AND ${s.text('t', 'visitPromisedAt')} IS NOT NULL`,
            ),
          )} AS punctuality,
          COUNT(${s.text('t', 'visitArrivedAt')}) AS visits
        FROM t WHERE ${s.text('t', 'serviceMode')} = 'onsite'
        GROUP BY 1 ORDER BY 1`,
      bindings: period,
    },
    {
      // The team filter lists the teams the cards' tickets have (the survey-joined cards' tickets are among them).
      report: 'filter-options:team',
      sql: `SELECT DISTINCT team AS value FROM records
        WHERE form_key = ? AND team IS NOT NULL AND team <> '' ORDER BY 1`,
      bindings: [TICKET],
    },
  ];
}

/** Runs one statement; PostgreSQL's answer comes in `rows`, SQLite's is the array. */
export async function runHandQuery(knex: Knex, q: HandQuery): Promise<Record<string, unknown>[]> {
  const result = (await knex.raw(q.sql, q.bindings as Knex.RawBinding[])) as
    Record<string, unknown>[] | { rows: Record<string, unknown>[] };
  return Array.isArray(result) ? result : result.rows;
}
