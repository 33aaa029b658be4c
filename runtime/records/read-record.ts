/**
 * @module Reading one record: its view with the live SLA clocks and the events its stage offers,
 * optionally its timeline (every event of its stream, in order: creation, updates with the fields
 * changed, stage changes, assignments, SLA warnings and breaches with both elapsed figures, requested
 * actions), and the SLA page (`GET /api/records/:id/sla`) with each clock explained.
 */
import type { Knex } from 'knex';
import { explainClock, type ClockExplanation, type ClockView, type FlowEventInfo } from '../../engine';
import { loadFlow } from '../flows/flow-loader';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import {
  clockState,
  loadRecordAndInstance,
  recordFromRow,
  snapshotOf,
  type InstanceRow,
  type RecordView,
} from './record-rows';

type Executor = Knex | Knex.Transaction;

export type SlaReading = ClockView & { state: ReturnType<typeof clockState> };

export interface TimelineEntry {
  id: number;
  type: string;
  at: string;
  actor: string | null;
  payload: Record<string, unknown>;
}

export interface RecordDetail extends RecordView {
  /** Live readings of the record's SLA clocks (empty without a flow). */
  sla: SlaReading[];
  /** The events the current stage has transitions for. */
  events: FlowEventInfo[];
  timeline?: TimelineEntry[];
}

async function flowState(runtime: RuntimeContext, knex: Executor, instance: InstanceRow | null, now: Date) {
  if (!instance) return null;
  const snapshot = snapshotOf(instance);
  const { flow } = await loadFlow(runtime, knex, instance.flow_key, Number(instance.flow_version));
  return { instance, snapshot, flow, clocks: flow.clocks(snapshot, now) };
}

export async function readTimeline(knex: Executor, recordId: string): Promise<TimelineEntry[]> {
  const rows = (await knex('events')
    .where({ stream: 'record', stream_id: recordId })
    .orderBy('id')
    .select('id', 'type', 'at', 'actor', 'payload')) as {
    id: number | string;
    type: string;
    at: number | string;
    actor: string | null;
    payload: unknown;
  }[];
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    at: new Date(Number(r.at)).toISOString(),
    actor: r.actor,
    payload: readJson<Record<string, unknown>>(r.payload) ?? {},
  }));
}

export async function readRecord(
  runtime: RuntimeContext,
  id: string,
  options: { timeline?: boolean; knex?: Executor } = {},
): Promise<RecordDetail> {
  const knex = options.knex ?? runtime.db.knex;
  const now = runtime.clock.now();
  const { row, instance } = await loadRecordAndInstance(knex, id);
  const state = await flowState(runtime, knex, instance, now);
  const detail: RecordDetail = {
    ...recordFromRow(row, state?.instance),
    sla: (state?.clocks ?? []).map((c) => ({ ...c, state: clockState(c) })),
    events: state && state.snapshot.status === 'active' ? state.flow.events(state.snapshot) : [],
  };
  if (options.timeline) detail.timeline = await readTimeline(knex, id);
  return detail;
}

export interface SlaClockDetail extends SlaReading {
  /** Warnings of this run: the fraction, when, and both elapsed figures at that moment. */
  warnings: {
    fraction: number | null;
    at: string;
    businessElapsedMinutes: number;
    wallElapsedMinutes: number;
  }[];
  breaches: { at: string; due: string | null; businessElapsedMinutes: number; wallElapsedMinutes: number }[];
  history: ClockExplanation['history'];
}

export interface RecordSla {
  recordId: string;
  stage: string | null;
  at: string;
  clocks: SlaClockDetail[];
}

export async function readRecordSla(runtime: RuntimeContext, id: string): Promise<RecordSla> {
  const knex = runtime.db.knex;
  const now = runtime.clock.now();
  const { row, instance } = await loadRecordAndInstance(knex, id);
  const state = await flowState(runtime, knex, instance, now);
  const explained = new Map<string, ClockExplanation | undefined>();
  const clocks = (state?.clocks ?? []).map((view): SlaClockDetail => {
    if (!explained.has(view.clock)) explained.set(view.clock, explainClock(state!.snapshot, view.clock));
    const history = (explained.get(view.clock)?.history ?? []).filter((h) => h.run === view.run);
    return {
      ...view,
      state: clockState(view),
      warnings: history
        .filter((h) => h.event === 'warning')
        .map((h) => ({
          fraction: h.fraction ?? null,
          at: h.at,
          businessElapsedMinutes: h.businessElapsedMinutes,
          wallElapsedMinutes: h.wallElapsedMinutes,
        })),
      breaches: history
        .filter((h) => h.event === 'breached')
        .map((h) => ({
          at: h.at,
          due: h.due,
          businessElapsedMinutes: h.businessElapsedMinutes,
          wallElapsedMinutes: h.wallElapsedMinutes,
        })),
      history,
    };
  });
  return { recordId: id, stage: row.stage, at: now.toISOString(), clocks };
}
