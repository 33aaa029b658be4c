/**
 * @module The inbox: open records (not resolved) assigned to someone — or to no one, the team's queue —
 * with the most urgent SLA clock of each, most urgent first, so agents see what breaches next.
 */
import type { Knex } from 'knex';
import { readJson } from '../storage/json-value';

export interface TaskItem {
  id: string;
  form: string;
  stage: string | null;
  assignee: string | null;
  customer: string | null;
  createdAt: string;
  data: Record<string, unknown>;
  /** The running or paused clock due soonest, or null when no clock runs. */
  sla: { clock: string; state: string; dueAt: string | null; breached: boolean } | null;
}

export interface TaskQuery {
  /** A user id, or null for the unassigned queue. */
  assignee: string | null;
  form?: string;
  stage?: string;
  limit: number;
}

export async function listTasks(knex: Knex, query: TaskQuery): Promise<TaskItem[]> {
  const records = knex('records')
    .whereNull('resolved_at')
    .whereNotNull('stage')
    .modify((q) => {
      if (query.assignee === null) q.whereNull('assignee');
      else q.where('assignee', query.assignee);
      if (query.form) q.where('form_key', query.form);
      if (query.stage) q.where('stage', query.stage);
    })
    .select('id', 'form_key', 'stage', 'assignee', 'customer', 'created_at', 'data');
  const rows = (await records) as {
    id: string;
    form_key: string;
    stage: string | null;
    assignee: string | null;
    customer: string | null;
    created_at: number;
    data: unknown;
  }[];
  if (rows.length === 0) return [];
  const clocks = (await knex('sla_clocks')
    .whereIn(
      'record_id',
      rows.map((r) => r.id),
    )
    .whereIn('state', ['running', 'paused'])
    .select('record_id', 'clock', 'state', 'due_at', 'breached')) as {
    record_id: string;
    clock: string;
    state: string;
    due_at: number | null;
    breached: boolean | number;
  }[];
  const soonest = new Map<string, (typeof clocks)[number]>();
  for (const clock of clocks) {
    const seen = soonest.get(clock.record_id);
    const due = clock.due_at === null ? Infinity : Number(clock.due_at);
    const seenDue = seen?.due_at === null || seen === undefined ? Infinity : Number(seen.due_at);
    if (!seen || due < seenDue) soonest.set(clock.record_id, clock);
  }
  const items = rows.map((row): TaskItem => {
    const clock = soonest.get(row.id);
    return {
      id: row.id,
      form: row.form_key,
      stage: row.stage,
      assignee: row.assignee,
      customer: row.customer,
      createdAt: new Date(Number(row.created_at)).toISOString(),
      data: readJson(row.data),
      sla: clock
        ? {
            clock: clock.clock,
            state: clock.state,
            dueAt: clock.due_at === null ? null : new Date(Number(clock.due_at)).toISOString(),
            breached: Boolean(clock.breached),
          }
        : null,
    };
  });
  // Most urgent first: the soonest due clock; records without a running clock last, oldest first.
  const dueOf = (t: TaskItem) => (t.sla?.dueAt ? Date.parse(t.sla.dueAt) : Infinity);
  items.sort((a, b) => dueOf(a) - dueOf(b) || a.createdAt.localeCompare(b.createdAt));
  return items.slice(0, query.limit);
}
