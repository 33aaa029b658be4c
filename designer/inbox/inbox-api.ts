/** @module The inbox's calls: its tasks with the server's clock, and bulk assignment. */
import { api } from '../api/api-client';
import type { SlaLevel, SlaTiming } from '../sla/sla-level';
import { withServerOffset } from '../sla/server-clock';

export type InboxView = 'me' | 'team';

export interface Task {
  id: string;
  form: string;
  stage: string | null;
  assignee: string | null;
  customer: string | null;
  createdAt: string;
  data: Record<string, unknown>;
  sla: (SlaTiming & { clock: string; level: SlaLevel }) | null;
}

export interface TaskFilters {
  form: string;
  stage: string;
  sla: string;
  priority: string;
  q: string;
}

export const NO_FILTERS: TaskFilters = { form: '', stage: '', sla: '', priority: '', q: '' };

export async function loadTasks(view: InboxView, filters: TaskFilters) {
  const params = new URLSearchParams({ assignee: view, limit: '200' });
  for (const [key, value] of Object.entries(filters)) if (value.trim() !== '') params.set(key, value.trim());
  const { body, offsetMs } = await withServerOffset(
    () => api<{ items: Task[]; serverTime: string }>(`/api/tasks?${params}`),
    (b) => b.serverTime,
  );
  return { items: body.items, offsetMs };
}

export type BulkTarget = { assignee: string | null } | { role: string };

export type BulkResult =
  | { id: string; ok: true; assignee: string | null }
  | { id: string; ok: false; error: { code: string; message: string } };

export async function bulkAssign(records: string[], target: BulkTarget, reason: string) {
  const body = { records, ...target, ...(reason.trim() ? { reason: reason.trim() } : {}) };
  return (await api<{ results: BulkResult[] }>('/api/tasks/assign', { body })).results;
}
