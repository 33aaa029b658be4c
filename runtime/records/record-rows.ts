/**
 * @module Rows of `records` and `flow_instances` as the record services read them, and what the API
 * shows of a record: system columns in camelCase with ISO instants, the data, the pinned flow.
 */
import type { Knex } from 'knex';
import type { ClockView, FlowSnapshot } from '../../engine';
import { notFound } from '../http/errors';
import { readJson } from '../storage/json-value';

type Executor = Knex | Knex.Transaction;

export interface RecordRow {
  id: string;
  form_key: string;
  form_version: number;
  stage: string | null;
  assignee: string | null;
  team: string | null;
  customer: string | null;
  revision: number;
  data: unknown;
  created_by: string | null;
  created_at: number | string;
  updated_by: string | null;
  updated_at: number | string;
  resolved_at: number | string | null;
}

export interface InstanceRow {
  record_id: string;
  flow_key: string;
  flow_version: number;
  snapshot: unknown;
  status: string;
  updated_at: number;
}

/** Who is acting: the user id (null for anonymous submissions) and, when known, their roles. */
export interface Actor {
  id: string | null;
  /** Undefined when the request carries no user: transitions are then not restricted by role. */
  roles?: readonly string[];
}

export type RecordData = Record<string, unknown>;

const isoOf = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export interface RecordView {
  id: string;
  form: string;
  formVersion: number;
  revision: number;
  stage: string | null;
  assignee: string | null;
  customer: string | null;
  team: string | null;
  data: RecordData;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  resolvedAt: string | null;
  flow: { key: string; version: number; status: string } | null;
}

export function recordFromRow(row: RecordRow, instance?: InstanceRow | null): RecordView {
  return {
    id: row.id,
    form: row.form_key,
    formVersion: Number(row.form_version),
    revision: Number(row.revision),
    stage: row.stage,
    assignee: row.assignee,
    customer: row.customer,
    team: row.team,
    data: readJson<RecordData>(row.data) ?? {},
    createdAt: isoOf(row.created_at) as string,
    createdBy: row.created_by,
    updatedAt: isoOf(row.updated_at) as string,
    updatedBy: row.updated_by,
    resolvedAt: isoOf(row.resolved_at),
    flow: instance
      ? { key: instance.flow_key, version: Number(instance.flow_version), status: instance.status }
      : null,
  };
}

/**
 * The record row, locked for the rest of `trx` on PostgreSQL (SQLite runs one writer at a time), so
 * a user's event and a firing timer on the same record take turns; 404 when there is none.
 */
export async function lockRecord(trx: Knex.Transaction, dialect: string, id: string): Promise<RecordRow> {
  const query = trx('records').where({ id }).first();
  const row = (await (dialect === 'postgres' ? query.forUpdate() : query)) as RecordRow | undefined;
  if (!row) throw notFound(`Record "${id}"`);
  return row;
}

export async function loadRecord(knex: Executor, id: string): Promise<RecordRow> {
  const row = (await knex('records').where({ id }).first()) as RecordRow | undefined;
  if (!row) throw notFound(`Record "${id}"`);
  return row;
}

/**
 * The record row and its flow instance (null without a flow) in one statement — what reading a record
 * needs, read once; 404 when there is no record.
 */
export async function loadRecordAndInstance(
  knex: Executor,
  id: string,
): Promise<{ row: RecordRow; instance: InstanceRow | null }> {
  const joined = (await knex('records')
    .leftJoin('flow_instances', 'flow_instances.record_id', 'records.id')
    .where('records.id', id)
    .first(
      'records.*',
      'flow_instances.record_id as instance_record_id',
      'flow_instances.flow_key as instance_flow_key',
      'flow_instances.flow_version as instance_flow_version',
      'flow_instances.snapshot as instance_snapshot',
      'flow_instances.status as instance_status',
      'flow_instances.updated_at as instance_updated_at',
    )) as (RecordRow & Record<`instance_${string}`, unknown>) | undefined;
  if (!joined) throw notFound(`Record "${id}"`);
  const {
    instance_record_id: recordId,
    instance_flow_key: flowKey,
    instance_flow_version: flowVersion,
    instance_snapshot: snapshot,
    instance_status: status,
    instance_updated_at: updatedAt,
    ...row
  } = joined;
  const instance =
    recordId === null || recordId === undefined
      ? null
      : ({
          record_id: recordId,
          flow_key: flowKey,
          flow_version: flowVersion,
          snapshot,
          status,
          updated_at: updatedAt,
        } as InstanceRow);
  return { row: row as RecordRow, instance };
}

export async function loadInstance(knex: Executor, recordId: string): Promise<InstanceRow | null> {
  return (
    ((await knex('flow_instances').where({ record_id: recordId }).first()) as InstanceRow | undefined) ?? null
  );
}

export const snapshotOf = (instance: InstanceRow) => readJson<FlowSnapshot>(instance.snapshot);

/** A clock's state as `sla_clocks` names them: running / paused / met / breached / cancelled. */
export function clockState(view: ClockView): 'running' | 'paused' | 'met' | 'breached' | 'cancelled' {
  if (view.status === 'paused') return 'paused';
  if (view.status === 'cancelled' || view.outcome === 'cancelled') return 'cancelled';
  if (view.status === 'stopped') return view.outcome === 'met' ? 'met' : 'breached';
  return view.breached ? 'breached' : 'running';
}
