/**
 * @module The inbox: open records (not resolved) assigned to someone, to no one, or in the caller's team
 * queue (`team-scope.ts`), with the most urgent SLA clock of each, most urgent first, so agents see
 * what breaches next. Filters: form, stage, priority (the record's `priority` field), text (any value
 * of the record, or its id) and SLA level — `on-time`, `warning` (a warning fraction reached),
 * `breached` (past due) or `paused` — judged at `now` from the clock, its pending warning timer and
 * the flow snapshot, the same way the browser's countdown judges it from `dueAt` / `warnAt`.
 */
import type { Knex } from 'knex';
import type { FlowSnapshot } from '../../engine';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import type { TeamScope } from './team-scope';

export const SLA_LEVELS = ['on-time', 'warning', 'breached', 'paused'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];

export interface TaskItem {
  id: string;
  form: string;
  stage: string | null;
  assignee: string | null;
  customer: string | null;
  createdAt: string;
  data: Record<string, unknown>;
  /** The running or paused clock due soonest, or null when no clock runs. */
  sla: {
    clock: string;
    state: string;
    dueAt: string | null;
    breached: boolean;
    /** When the clock's next warning fires (its pending timer), or null when none is pending. */
    warnAt: string | null;
    /** The clock's level at the server's `now`. */
    level: SlaLevel;
  } | null;
}

export interface TaskQuery {
  /** A user id, or null for the unassigned queue; ignored when `team` is given. */
  assignee: string | null;
  /** The caller's team queue instead of one person's inbox. */
  team?: TeamScope;
  form?: string;
  stage?: string;
  priority?: string;
  /** Case-insensitive text to find in any value of the record, or its id. */
  text?: string;
  sla?: SlaLevel;
  limit: number;
  /** Epoch ms the SLA levels are judged at. */
  now: number;
}

type Dialect = 'sqlite' | 'postgres';

interface TaskRow {
  id: string;
  form_key: string;
  stage: string | null;
  assignee: string | null;
  customer: string | null;
  created_at: number;
  data: unknown;
}

interface ClockRow {
  record_id: string;
  clock: string;
  run: number;
  state: string;
  due_at: number | null;
  breached: boolean | number;
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function applyScope(q: Knex.QueryBuilder, knex: Knex, query: TaskQuery): void {
  const team = query.team;
  if (!team) {
    if (query.assignee === null) q.whereNull('assignee');
    else q.where('assignee', query.assignee);
    return;
  }
  if (team.forms !== null) q.whereIn('form_key', team.forms);
  // The caller's own records are their inbox, not the queue.
  q.where((own) => own.whereNull('assignee').orWhereNot('assignee', team.userId));
  if (team.everything) return;
  q.where((any) => {
    any.whereNull('assignee');
    for (const [form, stages] of Object.entries(team.ownedStages)) {
      if (stages.length > 0) any.orWhere((b) => b.where('form_key', form).whereIn('stage', stages));
    }
    if (team.team !== null) {
      any.orWhere('team', team.team);
      any.orWhereIn('assignee', knex('users').where('team', team.team).select('id'));
    }
  });
}

function applyFilters(q: Knex.QueryBuilder, dialect: Dialect, query: TaskQuery): void {
  if (query.form) q.where('form_key', query.form);
  if (query.stage) q.where('stage', query.stage);
  if (query.priority) {
    q.whereRaw(
      dialect === 'postgres'
        ? "records.data->>'priority' = ?"
        : "json_extract(records.data, '$.priority') = ?",
      [query.priority],
    );
  }
  if (query.text) {
    // A coarse filter in SQL (the JSON text also holds the keys); `matchesText` decides.
    const pattern = likePattern(query.text);
    const dataText = dialect === 'postgres' ? 'lower(records.data::text)' : 'lower(records.data)';
    q.where((t) =>
      t
        .whereRaw(`lower(records.id) LIKE ? ESCAPE '\\'`, [pattern])
        .orWhereRaw(`${dataText} LIKE ? ESCAPE '\\'`, [pattern]),
    );
  }
}

/** Whether `text` is in the record's id or one of its values (not its field keys). */
function matchesText(row: TaskRow, data: unknown, text: string): boolean {
  const needle = text.toLowerCase();
  if (row.id.toLowerCase().includes(needle)) return true;
  const found = (value: unknown): boolean => {
    if (typeof value === 'string') return value.toLowerCase().includes(needle);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value).includes(needle);
    if (Array.isArray(value)) return value.some(found);
    if (typeof value === 'object' && value !== null) return Object.values(value).some(found);
    return false;
  };
  return found(data);
}

/** The pending warning timers of the records' clocks: the soonest per `record|clock`. */
async function pendingWarnings(knex: Knex, ids: string[]): Promise<Map<string, number>> {
  const rows = (await knex('timers')
    .whereIn('record_id', ids)
    .where('kind', 'sla.warning')
    .select('record_id', 'due_at', 'payload')) as { record_id: string; due_at: number; payload: unknown }[];
  const soonest = new Map<string, number>();
  for (const row of rows) {
    const clock = readJson<{ clock?: unknown }>(row.payload)?.clock;
    if (typeof clock !== 'string') continue;
    const key = `${row.record_id}|${clock}`;
    const due = Number(row.due_at);
    if (!soonest.has(key) || due < soonest.get(key)!) soonest.set(key, due);
  }
  return soonest;
}

/** Clock runs that have reached a warning fraction, as `record|clock|run`. */
async function warnedClocks(knex: Knex, ids: string[]): Promise<Set<string>> {
  const rows = (await knex('flow_instances').whereIn('record_id', ids).select('record_id', 'snapshot')) as {
    record_id: string;
    snapshot: unknown;
  }[];
  const warned = new Set<string>();
  for (const row of rows) {
    const snapshot = readJson<FlowSnapshot>(row.snapshot);
    for (const clock of snapshot?.sla?.clocks ?? []) {
      if (clock.warned.length > 0) warned.add(`${row.record_id}|${clock.clock}|${clock.run}`);
    }
  }
  return warned;
}

export function slaLevelOf(
  clock: { state: string; breached: boolean; dueAt: number | null; warnAt: number | null; warned: boolean },
  now: number,
): SlaLevel {
  if (clock.state === 'paused') return 'paused';
  if (clock.breached || (clock.dueAt !== null && clock.dueAt <= now)) return 'breached';
  if (clock.warned || (clock.warnAt !== null && clock.warnAt <= now)) return 'warning';
  return 'on-time';
}

const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function listTasks(runtime: RuntimeContext, query: TaskQuery): Promise<TaskItem[]> {
  const { knex, dialect } = runtime.db;
  const rows = (await knex('records')
    .whereNull('resolved_at')
    .whereNotNull('stage')
    .modify((q) => {
      applyScope(q, knex, query);
      applyFilters(q, dialect, query);
    })
    .select('id', 'form_key', 'stage', 'assignee', 'customer', 'created_at', 'data')) as TaskRow[];
  const found = rows
    .map((row) => ({ row, data: readJson<Record<string, unknown>>(row.data) ?? {} }))
    .filter(({ row, data }) => !query.text || matchesText(row, data, query.text));
  if (found.length === 0) return [];
  const ids = found.map(({ row }) => row.id);
  const clocks = (await knex('sla_clocks')
    .whereIn('record_id', ids)
    // A clock past its target keeps running: its row says `breached` until it stops.
    .where((q) =>
      q
        .whereIn('state', ['running', 'paused'])
        .orWhere((b) => b.where('state', 'breached').whereNull('stopped_at')),
    )
    .select('record_id', 'clock', 'run', 'state', 'due_at', 'breached')) as ClockRow[];
  const soonest = new Map<string, ClockRow>();
  for (const clock of clocks) {
    const seen = soonest.get(clock.record_id);
    const due = clock.due_at === null ? Infinity : Number(clock.due_at);
    const seenDue = seen?.due_at === null || seen === undefined ? Infinity : Number(seen.due_at);
    if (!seen || due < seenDue) soonest.set(clock.record_id, clock);
  }
  const [warnings, warned] =
    soonest.size > 0
      ? await Promise.all([
          pendingWarnings(knex, [...soonest.keys()]),
          warnedClocks(knex, [...soonest.keys()]),
        ])
      : [new Map<string, number>(), new Set<string>()];

  const items = found.map(({ row, data }): TaskItem => {
    const clock = soonest.get(row.id);
    let sla: TaskItem['sla'] = null;
    if (clock) {
      const key = `${row.id}|${clock.clock}`;
      const dueAt = clock.due_at === null ? null : Number(clock.due_at);
      // A paused clock's warning timers are cancelled; one left over would not fire anyway.
      const warnAt = clock.state === 'paused' ? null : (warnings.get(key) ?? null);
      const breached = Boolean(clock.breached);
      sla = {
        clock: clock.clock,
        state: clock.state === 'paused' ? 'paused' : 'running',
        dueAt: isoOf(dueAt),
        breached,
        warnAt: isoOf(warnAt),
        level: slaLevelOf(
          { state: clock.state, breached, dueAt, warnAt, warned: warned.has(`${key}|${clock.run}`) },
          query.now,
        ),
      };
    }
    return {
      id: row.id,
      form: row.form_key,
      stage: row.stage,
      assignee: row.assignee,
      customer: row.customer,
      createdAt: new Date(Number(row.created_at)).toISOString(),
      data,
      sla,
    };
  });
  const wanted = query.sla ? items.filter((t) => t.sla?.level === query.sla) : items;
  // Most urgent first: the soonest due clock; records without a running clock last, oldest first.
  const dueOf = (t: TaskItem) => (t.sla?.dueAt ? Date.parse(t.sla.dueAt) : Infinity);
  wanted.sort((a, b) => dueOf(a) - dueOf(b) || a.createdAt.localeCompare(b.createdAt));
  return wanted.slice(0, query.limit);
}
