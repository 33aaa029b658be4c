/**
 * @module The customer picker's and the record page's calls to the customers API: the search over a
 * customer form (`GET /api/customers/search`) and a customer's service history
 * (`GET /api/customers/:id/history`).
 */
import type { LocalizedText } from '../../engine';
import { api } from '../api/api-client';

export interface CustomerMatch {
  id: string;
  form: string;
  name: string | null;
  tier: string | null;
  phone: string | null;
  /** The customer record's data: the picker copies the field's `fill` values from it. */
  data: Record<string, unknown>;
}

export interface HistoryEntry {
  id: string;
  form: string;
  formTitle: LocalizedText | null;
  stage: string | null;
  stageLabel: LocalizedText | null;
  createdAt: string;
  resolvedAt: string | null;
  assignee: string | null;
  summary: string;
}

export interface CustomerHistory {
  customer: {
    id: string;
    form: string;
    name: string | null;
    tier: string | null;
    phone: string | null;
    formTitle: LocalizedText | null;
  } | null;
  items: HistoryEntry[];
  nextCursor: string | null;
}

export async function searchCustomers(
  form: string,
  q: string,
  signal?: AbortSignal,
): Promise<CustomerMatch[]> {
  const query = new URLSearchParams({ form, q, limit: '8' });
  return (await api<{ items: CustomerMatch[] }>(`/api/customers/search?${query}`, { signal })).items;
}

export function customerHistory(id: string, options: { limit?: number; cursor?: string } = {}) {
  const query = new URLSearchParams();
  if (options.limit) query.set('limit', String(options.limit));
  if (options.cursor) query.set('cursor', options.cursor);
  const suffix = query.size > 0 ? `?${query}` : '';
  return api<CustomerHistory>(`/api/customers/${encodeURIComponent(id)}/history${suffix}`);
}
