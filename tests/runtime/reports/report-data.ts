/**
 * @module Seeded after-sales data for report tests, in the engine's `PlanStore` shape (ISO instants,
 * camelCase related rows) and inserted into the runtime's tables (epoch ms, snake_case): the same data
 * feeds `evaluatePlan` and the SQL, so their rows can be compared. Instants cluster around the
 * Shanghai month ends and the Europe/Berlin October DST switch, where bucketing goes wrong first.
 */
import type { Knex } from 'knex';
import type { PlanRecord, PlanStore } from '../../../engine';

/** mulberry32: a tiny deterministic PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

export function generateReportData(seed = 20251026, tickets = 320): PlanStore {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const weighted = <T>(items: readonly [T, number][]): T => {
    let x = rnd() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((x -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  const maybe = <T>(p: number, value: () => T): T | undefined => (rnd() < p ? value() : undefined);

  const start = Date.UTC(2025, 0, 1);
  const createdAt = (): number => {
    const kind = rnd();
    // Around local midnight of the Berlin DST switch (26 Oct 2025 01:00 UTC) and Shanghai month ends.
    if (kind < 0.12) return Date.UTC(2025, 9, int(24, 28), int(20, 23), int(0, 59), int(0, 59), int(0, 999));
    if (kind < 0.22) return Date.UTC(2025, int(0, 11), 1, 0, 0, 0) - int(7, 9) * HOUR + int(0, 2 * HOUR);
    return start + Math.floor(rnd() * 364 * DAY);
  };

  const store: Required<PlanStore> = { records: [], sla_clocks: [], events: [], record_revisions: [] };
  for (let n = 1; n <= tickets; n++) {
    const id = `t${String(n).padStart(4, '0')}`;
    const created = createdAt();
    const resolved = rnd() < 0.7 ? created + int(10, 20 * 24 * 60) * MINUTE + int(0, 999) : null;
    const data: Record<string, unknown> = {};
    const set = (key: string, value: unknown) => value !== undefined && (data[key] = value);
    set(
      'category',
      maybe(0.93, () =>
        weighted([
          ['screen', 35],
          ['battery', 24],
          ['noise', 15],
          ['hinge', 9],
          ['software', 6],
        ] as const),
      ),
    );
    set(
      'product',
      weighted([
        ['X100', 30],
        ['X200', 22],
        ['X300', 17],
        ['X400', 12],
        ['X500', 9],
        ['X600', 6],
        ['X700', 4],
      ] as const),
    );
    set('serial', `SN${int(1, 25)}`);
    set(
      'subject',
      maybe(0.85, () => pick(['Screen flickers', 'battery drains', 'Noisy fan', '', '屏幕闪烁'])),
    );
    set(
      'cost',
      maybe(0.9, () => int(0, 50_000) / 100),
    );
    set(
      'workMinutes',
      maybe(0.85, () => int(5, 300)),
    );
    set(
      'contacts',
      maybe(0.9, () => int(0, 4)),
    );
    set(
      'firstResponseAt',
      maybe(0.8, () => iso(created + int(1, 48 * 60) * MINUTE + int(0, 999))),
    );
    set(
      'visitDate',
      maybe(0.6, () => iso(created + int(0, 10) * DAY).slice(0, 10)),
    );
    set(
      'tags',
      maybe(0.8, () => ['urgent', 'vip', 'repeat'].filter(() => rnd() < 0.4)),
    );
    set(
      'satisfaction',
      maybe(0.6, () => int(1, 5)),
    );
    set(
      'likelihood',
      maybe(0.6, () => int(0, 10)),
    );
    set(
      'effort',
      maybe(0.5, () => int(1, 7)),
    );
    set('customerTier', pick(['vip', 'key', 'standard']));
    const record: PlanRecord = {
      id,
      form: 'ticket',
      formVersion: 1,
      revision: 1,
      createdAt: iso(created),
      updatedAt: iso(resolved ?? created),
      resolvedAt: resolved === null ? null : iso(resolved),
      customer: `c${int(1, 30)}`,
      stage: resolved === null ? pick(['accept', 'diagnose', 'execute']) : 'closed',
      team: maybe(0.95, () => pick(['north', 'south', 'east'])) ?? null,
      assignee: pick(['ann', 'bo', 'chen', 'dana']),
      data,
    };
    store.records.push(record);

    // Surveys (0–2 per ticket) for the joined CSAT.
    const surveys = weighted([
      [0, 5],
      [1, 4],
      [2, 1],
    ] as const);
    for (let s = 0; s < surveys; s++) {
      store.records.push({
        id: `${id}-s${s}`,
        form: 'survey',
        formVersion: 1,
        revision: 1,
        createdAt: iso(created + int(1, 10) * DAY),
        updatedAt: iso(created + int(1, 10) * DAY),
        resolvedAt: null,
        customer: record.customer ?? null,
        stage: null,
        team: null,
        assignee: null,
        data: { ticket: id, ...(rnd() < 0.9 ? { rating: int(1, 5) } : {}), nps: int(0, 10) },
      });
    }

    // SLA clocks; minutes in quarter steps so PostgreSQL's 4-byte floats hold them exactly.
    const stages = ['accept', 'diagnose', 'execute'].slice(0, int(0, 3));
    for (const stage of stages) {
      store.sla_clocks.push({
        recordId: id,
        stage,
        state: pick(['running', 'paused', 'met', 'met', 'breached', 'cancelled']),
        pausedWallMinutes: int(0, 400) / 4,
        businessElapsedMinutes: int(0, 4000) / 4,
        startedAt: iso(created),
      });
    }

    // Replies: auto-replies, internal notes and public human replies; some other event types.
    for (let e = int(0, 4); e > 0; e--) {
      store.events.push({
        recordId: id,
        type: rnd() < 0.8 ? 'reply' : 'note',
        at: iso(created + int(1, 72 * 60) * MINUTE + int(0, 999)),
        payload: { visibility: pick(['public', 'internal']), actorKind: pick(['human', 'human', 'system']) },
      });
    }

    // Revisions: resolved, sometimes reopened and resolved again.
    if (rnd() < 0.6) {
      let at = created + int(1, 5) * DAY;
      let rev = 1;
      const revision = (resolvedAt: number | null) =>
        store.record_revisions.push({
          recordId: id,
          revision: rev++,
          at: iso(at),
          resolvedAt: resolvedAt === null ? null : iso(resolvedAt),
        });
      revision(at);
      for (let reopen = int(0, 2); reopen > 0; reopen--) {
        at += int(1, 12) * DAY;
        revision(null);
        at += int(1, 4) * DAY;
        revision(at);
      }
    }
  }
  return store;
}

const ms = (v: unknown) => (v === null || v === undefined ? null : Date.parse(String(v)));

/** Inserts the store into the runtime's tables (plus events of another stream that must not count). */
export async function insertReportData(knex: Knex, store: PlanStore): Promise<void> {
  const chunks = async (table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 100) await knex(table).insert(rows.slice(i, i + 100));
  };
  await chunks(
    'records',
    store.records.map((r) => ({
      id: r.id,
      form_key: r.form,
      form_version: r.formVersion ?? 1,
      stage: r.stage ?? null,
      assignee: r.assignee ?? null,
      team: r.team ?? null,
      customer: r.customer ?? null,
      revision: r.revision ?? 1,
      data: JSON.stringify(r.data),
      created_at: ms(r.createdAt),
      updated_at: ms(r.updatedAt ?? r.createdAt),
      resolved_at: ms(r.resolvedAt),
    })),
  );
  const runs = new Map<string, number>();
  await chunks(
    'sla_clocks',
    (store.sla_clocks ?? []).map((c) => {
      const key = `${String(c.recordId)}|${String(c.stage)}`;
      runs.set(key, (runs.get(key) ?? 0) + 1);
      return {
        record_id: c.recordId,
        clock: c.stage,
        run: runs.get(key),
        stage: c.stage,
        state: c.state,
        target_minutes: 240,
        started_at: ms(c.startedAt),
        business_elapsed_minutes: c.businessElapsedMinutes,
        wall_elapsed_minutes: 0,
        paused_wall_minutes: c.pausedWallMinutes,
        breached: c.state === 'breached',
        updated_at: ms(c.startedAt),
      };
    }),
  );
  const events = (store.events ?? []).map((e) => ({
    stream: 'record',
    stream_id: e.recordId,
    type: e.type,
    actor: null,
    at: ms(e.at),
    payload: JSON.stringify(e.payload),
  }));
  // The same ids in another stream: a definition's events are never a record's replies.
  const foreign = events.slice(0, 20).map((e) => ({ ...e, stream: 'definition', at: (e.at ?? 0) - 30_000 }));
  await chunks('events', [...events, ...foreign]);
  await chunks(
    'record_revisions',
    (store.record_revisions ?? []).map((r) => ({
      record_id: r.recordId,
      revision: r.revision,
      stage: null,
      data: '{}',
      by: null,
      at: ms(r.at),
      resolved_at: ms(r.resolvedAt),
    })),
  );
}
