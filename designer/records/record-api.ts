/**
 * @module The record page's calls: the record with its timeline, its SLA clocks (with the server's
 * clock), the actions the user may take, sending one, updating the data under `If-Match`, notes.
 */
import type { LocalizedText } from '../../engine';
import { api } from '../api/api-client';
import { withServerOffset } from '../sla/server-clock';

export interface TimelineEntry {
  id: number;
  type: string;
  at: string;
  actor: string | null;
  payload: Record<string, unknown>;
}

export interface RecordDetail {
  id: string;
  form: string;
  formVersion: number;
  revision: number;
  stage: string | null;
  assignee: string | null;
  customer: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  resolvedAt: string | null;
  flow: { key: string; version: number; status: string } | null;
  timeline?: TimelineEntry[];
}

export interface SlaClock {
  clock: string;
  run: number;
  status: 'running' | 'paused' | 'stopped' | 'cancelled';
  state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  startedAt: string;
  targetMinutes: number;
  due: string | null;
  businessElapsedMinutes: number;
  wallElapsedMinutes: number;
  remainingBusinessMinutes: number;
  warned: number[];
  breached: boolean;
  outcome: 'met' | 'breached' | 'cancelled' | null;
  endedAt: string | null;
  warnings: {
    fraction: number | null;
    at: string;
    businessElapsedMinutes: number;
    wallElapsedMinutes: number;
  }[];
  breaches: { at: string; businessElapsedMinutes: number; wallElapsedMinutes: number }[];
}

export interface RecordAction {
  event: string;
  label: LocalizedText | null;
  target: string | null;
  targetLabel: LocalizedText | null;
  requiresData: string[];
  missing: string[];
}

const base = (id: string) => `/api/records/${encodeURIComponent(id)}`;

export const getRecord = (id: string) => api<RecordDetail>(base(id));

export async function getSla(id: string) {
  const { body, offsetMs } = await withServerOffset(
    () => api<{ at: string; clocks: SlaClock[] }>(`${base(id)}/sla`),
    (b) => b.at,
  );
  return { clocks: body.clocks, offsetMs };
}

export const getActions = async (id: string) =>
  (await api<{ items: RecordAction[] }>(`${base(id)}/actions`)).items;

export const sendEvent = (id: string, type: string, data?: Record<string, unknown>) =>
  api<RecordDetail>(`${base(id)}/events`, { body: { type, ...(data ? { data } : {}) } });

export const updateData = (id: string, revision: number, data: Record<string, unknown>) =>
  api<RecordDetail>(base(id), { method: 'PATCH', body: { data }, headers: { 'if-match': `"${revision}"` } });

export const addNote = (id: string, text: string) =>
  api<TimelineEntry>(`${base(id)}/notes`, { body: { text } });

/** Where a file of the record is read (`GET /api/attachments/:hash`), named as it was uploaded. */
export const attachmentUrl = (file: { hash: string; name?: string }) =>
  `/api/attachments/${encodeURIComponent(file.hash)}${file.name ? `?name=${encodeURIComponent(file.name)}` : ''}`;
