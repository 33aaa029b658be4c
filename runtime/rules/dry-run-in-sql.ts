/**
 * @module The dry run of the common threshold rule counted by the database instead of replayed: one
 * `count` on the trigger's form in a calendar window (by creation time, no offset), grouped by text
 * fields, with a filter `filterToSql` translates, condition `aggregate >= N` (or `> N`), no cool-down,
 * triggered by record.created or stage.entered on that form. One query reads every stored version
 * once, in each record's order, and turns the versions where a record starts or stops counting in a
 * (window, group) — a fault set at diagnosis, a model corrected — into +1 / −1 events; a running sum
 * per (window, group) in the replay's order is the count each trigger would have seen, so the first
 * trigger reaching the threshold fires and later ones are duplicates of its key. Only the firings are
 * then built by the engine's `evaluateRule` (key, group, window, actions), so the answer is the
 * replay's to the letter. A rule outside the class, or data the engine would compare differently from
 * SQL (a grouped or filtered field holding numbers, flags or lists), answers `undefined` and the
 * caller replays.
 */
import type { Knex } from 'knex';
import {
  evaluateRule,
  windowOf,
  type DryRunResult,
  type FieldInfo,
  type RuleDefinition,
  type RuleEvent,
  type RuleRecord,
} from '../../engine';
import type { Dialect } from '../config/database-url';
import { readJson } from '../storage/json-value';
import { filterToSql, type SqlCondition } from './filter-to-sql';

const PLAIN_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** More windows than this between the oldest and newest record and the window lookup is left to the replay. */
const MAX_WINDOWS = 4096;

/** What the SQL path needs of a rule in its class. */
interface ThresholdRule {
  form: string;
  name: string;
  groupBy: string[];
  /** Fields the filter reads. */
  filterFields: string[];
  filter: unknown;
  window: { type: 'calendar'; unit: 'day' | 'week' | 'month' };
  /** The count that makes the condition true. */
  reach: number;
  trigger: { type: 'record.created' } | { type: 'stage.entered'; stage: string };
}

/** The plain field names a JSON-Logic expression reads with `var` (undefined if any is not plain). */
function varsOf(logic: unknown, into: Set<string>): boolean {
  if (Array.isArray(logic)) return logic.every((item) => varsOf(item, into));
  if (typeof logic !== 'object' || logic === null) return true;
  for (const [op, args] of Object.entries(logic)) {
    if (op === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name !== 'string' || !PLAIN_FIELD.test(name)) return false;
      into.add(name);
    } else if (!varsOf(args, into)) return false;
  }
  return true;
}

/** The rule as a `ThresholdRule`, or `undefined` when it is outside the class this path answers. */
export function thresholdRuleOf(rule: RuleDefinition): ThresholdRule | undefined {
  const aggregates = Object.entries(rule.aggregates ?? {});
  if (aggregates.length !== 1 || rule.cooldown) return undefined;
  const [name, aggregate] = aggregates[0]!;
  const trigger = rule.trigger;
  if (trigger.type !== 'record.created' && trigger.type !== 'stage.entered') return undefined;
  // The replay never sees a record "enter" an empty stage.
  if (trigger.type === 'stage.entered' && !trigger.stage) return undefined;
  if (trigger.form !== aggregate.form || aggregate.measure.op !== 'count') return undefined;
  if (aggregate.dateField !== undefined || aggregate.window.type !== 'calendar') return undefined;
  if ((aggregate.window.offset ?? 0) !== 0) return undefined;
  const groupBy = [...(aggregate.groupBy ?? [])];
  if (!groupBy.every((f) => PLAIN_FIELD.test(f)) || new Set(groupBy).size !== groupBy.length)
    return undefined;
  const filterFields = new Set<string>();
  if (aggregate.filter !== undefined && !varsOf(aggregate.filter, filterFields)) return undefined;

  const condition = rule.condition as Record<string, unknown> | undefined;
  const [op, ...more] = Object.keys(condition ?? {});
  if (!condition || more.length > 0 || (op !== '>=' && op !== '>')) return undefined;
  const args = condition[op] as unknown;
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const [left, right] = args as [unknown, unknown];
  const read = (left as { var?: unknown } | null)?.var;
  const readName = Array.isArray(read) && read.length === 1 ? read[0] : read;
  if (typeof left !== 'object' || left === null || Object.keys(left).length !== 1) return undefined;
  if (readName !== `aggregates.${name}` || typeof right !== 'number' || !Number.isFinite(right))
    return undefined;
  const reach = op === '>=' ? Math.ceil(right) : Math.floor(right) + 1;
  // A count of 0 would satisfy it: groups without members fire too, which the member count cannot see.
  if (reach < 1) return undefined;

  return {
    form: aggregate.form,
    name,
    groupBy,
    filterFields: [...filterFields],
    filter: aggregate.filter,
    window: { type: 'calendar', unit: aggregate.window.unit },
    reach,
    trigger:
      trigger.type === 'stage.entered'
        ? { type: 'stage.entered', stage: trigger.stage }
        : { type: 'record.created' },
  };
}

const dialectOf = (knex: Knex | Knex.Transaction): Dialect =>
  String(knex.client.config.client).startsWith('pg') ? 'postgres' : 'sqlite';

/** The field's value as SQL text (null when missing or JSON null); only text values are counted here. */
function textOf(dialect: Dialect, field: string): string {
  return dialect === 'sqlite' ? `json_extract(data, '$.${field}')` : `(data->>'${field}')`;
}

/** SQL: 1 when the field holds something other than text or null (the engine and SQL could compare it differently). */
function notTextOf(dialect: Dialect, field: string): string {
  return dialect === 'sqlite'
    ? `coalesce(json_type(data, '$.${field}'), 'null') not in ('text', 'null')`
    : `coalesce(jsonb_typeof(data->'${field}'), 'null') not in ('string', 'null')`;
}

/** Null-safe equality. */
const same = (dialect: Dialect, a: string, b: string) =>
  dialect === 'sqlite' ? `${a} is ${b}` : `${a} is not distinct from ${b}`;

/** A balanced CASE over window starts: the index of the window holding `column` in ~log2(n) comparisons. */
function windowIndexSql(column: string, starts: number[], lo = 0, hi = starts.length): string {
  if (hi - lo === 1) return String(lo);
  const mid = (lo + hi) >> 1;
  return `(case when ${column} < ${starts[mid]} then ${windowIndexSql(column, starts, lo, mid)} else ${windowIndexSql(column, starts, mid, hi)} end)`;
}

interface ResultRow {
  kind: 'totals' | 'firing';
  at: number | string | null;
  vid: number | null;
  record_id: string | null;
  later: number | string;
  bad: number | string;
  member: string | null;
}

/**
 * The query. Each version of the form's records (before `until`) is read once, in record order:
 * its window (by creation time), group values and whether the filter counts it. Where a version
 * starts counting in a (window, group) — a +1 — or its successor stops it there — a −1 — is an
 * event; the trigger events are stage entries (or first versions) from `from` on. A running sum
 * over the events of each (window, group), in the replay's order (time, then write order; a
 * version's own change before its trigger), is the count each trigger would see; the first trigger
 * reaching the threshold fires, later ones reaching it are duplicates of the same key. The records
 * behind a firing are those whose events there sum to 1 by then, in the order first seen.
 */
function thresholdSql(
  dialect: Dialect,
  threshold: ThresholdRule,
  filter: SqlCondition,
  windowStarts: number[],
): string {
  const g = threshold.groupBy.map((_, i) => `g${i}`);
  const read = [...new Set([...threshold.groupBy, ...threshold.filterFields])];
  const cols = (table: string, names: string[]) => names.map((c) => `, ${table}.${c}`).join('');
  const partition = (table: string) => [`${table}.w`, ...g.map((c) => `${table}.${c}`)].join(', ');
  const sameGroup = (a: string, b: string) =>
    [`${a}.w = ${b}.w`, ...g.map((c) => same(dialect, `${a}.${c}`, `${b}.${c}`))].join(' and ');
  const notBefore = (a: string, b: string) =>
    `(${a}.at > ${b}.at or (${a}.at = ${b}.at and ${a}.vid >= ${b}.vid))`;
  // One text naming a version's place — counted or not, and its group — so one lag / lead compares it all
  // (SQLite evaluates each window function in its own pass).
  const quoted = (c: string) =>
    dialect === 'sqlite' ? `quote(${c})` : `coalesce(quote_literal(${c}), 'NULL')`;
  const place = [`cast(p.counted as text)`, ...g.map((c) => quoted(`p.${c}`))].join(` || '|' || `);
  const trigger =
    threshold.trigger.type === 'stage.entered'
      ? `x.stage = ? and (x.prev_stage is null or x.prev_stage <> ?)`
      : `x.prev_place is null`;
  return `
    with flagged as materialized (
      select * from (
        select x.*,
               case when x.counted = 1 and (x.prev_place is null or x.prev_place <> x.place) then 1 else 0 end as plus,
               case when x.counted = 1 and x.next_place is not null and x.next_place <> x.place then 1 else 0 end as minus,
               case when x.at >= ? and ${trigger} then 1 else 0 end as trig
          from (
            select p.vid, p.record_id, p.at, p.stage, p.counted, p.bad${cols('p', g)},
                   ${windowIndexSql('p.created_at', windowStarts)} as w,
                   ${place} as place, lag(${place}) over rec as prev_place, lead(${place}) over rec as next_place,
                   lag(p.stage) over rec as prev_stage, lead(p.at) over rec as next_at, lead(p.vid) over rec as next_vid
              from (
                select o.vid, o.record_id, o.at, o.stage, o.created_at,
                       ${threshold.groupBy.map((f, i) => `${textOf(dialect, f)} as g${i}, `).join('')}
                       case when ${filter.sql} then 1 else 0 end as counted,
                       case when ${read.length === 0 ? '1 = 0' : read.map((f) => notTextOf(dialect, f)).join(' or ')} then 1 else 0 end as bad
                  from (
                    select v.id as vid, v.record_id, v.at, v.stage, v.data, r.created_at
                      from record_revisions v join records r on r.id = v.record_id
                     where r.form_key = ? and v.at < ?
                  ) o
              ) p
            window rec as (partition by p.record_id order by p.at, p.vid)
          ) x
      ) f
      where plus = 1 or minus = 1 or trig = 1 or bad = 1
    ),
    stream as materialized (
      select w${g.map((c) => `, ${c}`).join('')}, at, vid, 0 as kind, 1 as delta, record_id
        from flagged where plus = 1
      union all
      select w${g.map((c) => `, ${c}`).join('')}, next_at, next_vid, 0, -1, record_id
        from flagged where minus = 1
      union all
      select w${g.map((c) => `, ${c}`).join('')}, at, vid, 1, 0, record_id
        from flagged where trig = 1
    ),
    running as (
      select s.*, sum(s.delta) over (partition by ${partition('s')} order by s.at, s.vid, s.kind
                                     rows between unbounded preceding and current row) as seen
        from stream s
    ),
    hits as (
      select r.*, row_number() over (partition by ${partition('r')} order by r.at, r.vid) as m,
             count(*) over (partition by ${partition('r')}) as later
        from running r where r.kind = 1 and r.seen >= ?
    ),
    fired as (select * from hits where m = 1),
    members as (
      select f.vid as fired_vid, e.record_id
        from fired f join stream e on e.kind = 0 and ${sameGroup('e', 'f')} and ${notBefore('f', 'e')}
       group by f.vid, e.record_id
      having sum(e.delta) > 0
    )
    select 'totals' as kind, null as at, null as vid, null as record_id,
           (select count(*) from flagged where trig = 1) as later, (select count(*) from flagged where bad = 1) as bad,
           null as member
    union all
    select 'firing', f.at, f.vid, f.record_id, f.later, 0, m.record_id
      from fired f join members m on m.fired_vid = f.vid`;
}

/** The replay's answer for a rule in the class, computed in SQL; `undefined` when the rule or its data is outside it. */
export async function dryRunInSql(
  knex: Knex | Knex.Transaction,
  rule: RuleDefinition,
  period: { from: string; to: string },
): Promise<DryRunResult | undefined> {
  const threshold = thresholdRuleOf(rule);
  if (!threshold) return undefined;
  const dialect = dialectOf(knex);
  // The query checks that these fields hold only text (or nothing), so they are text fields.
  const fields = new Map<string, FieldInfo>(
    threshold.filterFields.map((key) => [key, { key, type: 'text', numeric: false, multiple: false }]),
  );
  let filter: SqlCondition = { sql: '1 = 1', bindings: [] };
  if (threshold.filter !== undefined) {
    const translated = filterToSql(dialect, threshold.filter, fields);
    if (!translated) return undefined;
    filter = translated;
  }

  const from = Date.parse(period.from);
  const until = Date.parse(period.to);
  const span = (await knex('records')
    .where('form_key', threshold.form)
    .min({ first: 'created_at' })
    .max({ last: 'created_at' })
    .first()) as { first: number | string | null; last: number | string | null } | undefined;
  const result: DryRunResult = { firings: [], evaluated: 0, suppressed: { duplicate: 0, cooldown: 0 } };
  if (!span || span.first === null || span.last === null) return result;

  const windowStarts: number[] = [];
  for (let at = Number(span.first); at <= Number(span.last);) {
    const w = windowOf(threshold.window, at, rule.timezone);
    windowStarts.push(Date.parse(w.start));
    at = Date.parse(w.end);
    if (windowStarts.length > MAX_WINDOWS) return undefined;
  }

  const triggerBindings =
    threshold.trigger.type === 'stage.entered' ? [threshold.trigger.stage, threshold.trigger.stage] : [];
  const bindings = [from, ...triggerBindings, ...filter.bindings, threshold.form, until, threshold.reach];
  const raw = (await knex.raw(thresholdSql(dialect, threshold, filter, windowStarts), bindings)) as unknown;
  const rows = (dialect === 'sqlite' ? raw : (raw as { rows: unknown[] }).rows) as ResultRow[];
  const totals = rows.find((row) => row.kind === 'totals');
  // A field holding numbers, flags or lists: the engine's comparisons are the reference, so replay.
  if (!totals || Number(totals.bad) > 0) return undefined;
  result.evaluated = Number(totals.later);

  // The replay's order: firings as their triggers came, members as they were first seen.
  const listed = rows.filter((row) => row.kind === 'firing');
  const firstSeen = await firstVersionsOf(knex, [...new Set(listed.map((row) => row.member!))], until);
  const seen = (id: string | null) => firstSeen.get(id!) ?? [0, 0];
  listed.sort(
    (a, b) =>
      Number(a.at) - Number(b.at) ||
      Number(a.vid) - Number(b.vid) ||
      seen(a.member)[0] - seen(b.member)[0] ||
      seen(a.member)[1] - seen(b.member)[1],
  );
  const firings: { at: number; vid: number; recordId: string; members: string[] }[] = [];
  for (const row of listed) {
    const last = firings[firings.length - 1];
    if (last && last.vid === Number(row.vid)) last.members.push(row.member!);
    else {
      firings.push({
        at: Number(row.at),
        vid: Number(row.vid),
        recordId: row.record_id!,
        members: [row.member!],
      });
      result.suppressed.duplicate += Number(row.later) - 1;
    }
  }

  const versions = await versionsOf(
    knex,
    threshold.form,
    firings.map((f) => f.recordId),
    until,
  );
  const candidate: RuleDefinition = { ...rule, enabled: true };
  for (const firing of firings) {
    const history = versions.get(firing.recordId) ?? [];
    const index = history.findIndex((v) => v.vid === firing.vid);
    const record = history[index]?.record;
    if (!record) return undefined;
    const previous = index > 0 ? history[index - 1]!.record : null;
    const at = new Date(firing.at).toISOString();
    const event: RuleEvent =
      threshold.trigger.type === 'stage.entered'
        ? {
            type: 'stage.entered',
            form: threshold.form,
            stage: threshold.trigger.stage,
            recordId: record.id,
            at,
          }
        : { type: 'record.created', form: threshold.form, recordId: record.id, at };
    const aggregates = { [threshold.name]: firing.members.length };
    const outcome = evaluateRule(candidate, {
      event,
      record,
      previous,
      aggregates,
      now: firing.at,
      lastFiredAt: null,
    });
    // Never expected (the condition is the count against the threshold), but the engine has the last word.
    if (!outcome.fired) return undefined;
    result.firings.push({
      key: outcome.key,
      group: outcome.group,
      window: outcome.window,
      at,
      event,
      recordId: record.id,
      records: firing.members,
      aggregates,
      actions: outcome.actions,
    });
  }
  return result;
}

/** Where each record was first seen in the replay's order: its first version's (time, id) before `until`. */
async function firstVersionsOf(
  knex: Knex | Knex.Transaction,
  ids: string[],
  until: number,
): Promise<Map<string, [number, number]>> {
  const first = new Map<string, [number, number]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await knex('record_revisions')
      .whereIn('record_id', ids.slice(i, i + 500))
      .andWhere('at', '<', until)
      .select('record_id', 'at', 'id')) as { record_id: string; at: number | string; id: number }[];
    for (const row of rows) {
      const position: [number, number] = [Number(row.at), Number(row.id)];
      const known = first.get(row.record_id);
      if (!known || position[0] < known[0] || (position[0] === known[0] && position[1] < known[1]))
        first.set(row.record_id, position);
    }
  }
  return first;
}

/** Every version (before `until`) of the given records, oldest first, as rules see them. */
async function versionsOf(
  knex: Knex | Knex.Transaction,
  form: string,
  ids: string[],
  until: number,
): Promise<Map<string, { vid: number; record: RuleRecord }[]>> {
  const byRecord = new Map<string, { vid: number; record: RuleRecord }[]>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await knex('record_revisions as v')
      .join('records as r', 'r.id', 'v.record_id')
      .whereIn('v.record_id', unique.slice(i, i + 500))
      .andWhere('v.at', '<', until)
      .orderBy([{ column: 'v.at' }, { column: 'v.id' }])
      .select('v.id as vid', 'r.id', 'r.created_at', 'v.revision', 'v.stage', 'v.data', 'v.at')) as {
      vid: number;
      id: string;
      created_at: number;
      revision: number;
      stage: string | null;
      data: unknown;
      at: number;
    }[];
    for (const row of rows) {
      const list = byRecord.get(row.id) ?? [];
      list.push({
        vid: Number(row.vid),
        record: {
          id: row.id,
          form,
          data: readJson(row.data),
          createdAt: new Date(Number(row.created_at)).toISOString(),
          updatedAt: new Date(Number(row.at)).toISOString(),
          stage: row.stage,
          revision: row.revision,
        },
      });
      byRecord.set(row.id, list);
    }
  }
  return byRecord;
}
