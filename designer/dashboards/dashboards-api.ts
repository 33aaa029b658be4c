/**
 * @module Typed calls of the dashboards API: the definitions (`runtime/http/definition-routes.ts`:
 * list, read, create, save the draft, publish), the data of a published or unsaved dashboard with the
 * viewer's shared filter values (`runtime/http/dashboard-routes.ts`), read-only links, the public data
 * behind a link, and the records behind a chart point (`POST /api/reports/records`).
 */
import type { DashboardDefinition, LocalizedText, ReportDefinition } from '../../engine';
import type { ReportFilter, SharedFilterValue } from '../../engine/reports/index';
import { api } from '../api/api-client';
import type { ReportResult } from '../reports/reports-api';

export interface DashboardListItem {
  key: string;
  title: LocalizedText | null;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface StoredDashboard {
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  body: DashboardDefinition;
}

/** The viewer's choice per shared filter key: `{ from?, to? }` (dates `YYYY-MM-DD`) or selected values. */
export type SharedFilterValues = Record<string, SharedFilterValue | undefined>;

export interface DashboardFilterView {
  key: string;
  kind: 'dateRange' | 'select';
  label: LocalizedText | null;
  /** The definition's options, else the distinct values found in the cards' reports (at most 500). */
  options: string[];
}

export interface DashboardCardData {
  report: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The card's title, else the report's title. */
  title: LocalizedText | null;
  /** The published report's spec (null when it is missing), so a click can ask for the records behind it. */
  spec: ReportDefinition | null;
  /** Null when the card's report could not run; `error` says why. */
  result: ReportResult | null;
  error: { code: string; message: string } | null;
  /** The shared filters as applied to this card's report (null on a read-only link). */
  sharedFilters: ReportFilter[] | null;
}

export interface DashboardData {
  key: string;
  title: LocalizedText;
  refreshSeconds: number | null;
  filters: DashboardFilterView[];
  cards: DashboardCardData[];
  /** When the server computed these results (ISO instant). */
  refreshedAt: string;
}

export interface DashboardLink {
  id: string;
  createdAt: string;
  createdBy: string | null;
}

/** Only the create call returns the token: the server keeps its hash. */
export interface CreatedDashboardLink extends DashboardLink {
  token: string;
  /** The page address of the read-only view, `/d/<token>`. */
  path: string;
}

export interface RecordBehindPoint {
  id: string;
  form: string;
  stage: string | null;
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
  data: Record<string, unknown>;
}

export interface RecordsBehindPoint {
  records: RecordBehindPoint[];
  /** How many records are behind the point (the list stops at `limit`). */
  total: number;
  limit: number;
}

const base = (key: string) => `/api/dashboards/${encodeURIComponent(key)}`;
const filtersQuery = (filters: SharedFilterValues, locale: string) =>
  `?filters=${encodeURIComponent(JSON.stringify(filters))}&locale=${encodeURIComponent(locale)}`;

export const dashboardsApi = {
  list: async (): Promise<DashboardListItem[]> =>
    (await api<{ items: DashboardListItem[] }>('/api/dashboards')).items,
  current: (key: string) => api<StoredDashboard>(base(key)),
  create: (body: DashboardDefinition) => api<StoredDashboard>('/api/dashboards', { method: 'POST', body }),
  saveDraft: (key: string, body: DashboardDefinition) =>
    api<StoredDashboard>(base(key), { method: 'PUT', body }),
  publish: (key: string) => api<StoredDashboard>(`${base(key)}/publish`, { method: 'POST' }),
  /** The published dashboard's data. */
  data: (key: string, filters: SharedFilterValues, locale: string) =>
    api<DashboardData>(`${base(key)}/data${filtersQuery(filters, locale)}`),
  /** An unsaved dashboard's data (the designer's preview); 422 with issues when it is invalid. */
  query: (dashboard: DashboardDefinition, filters: SharedFilterValues, locale: string) =>
    api<DashboardData>('/api/dashboards/query', { method: 'POST', body: { dashboard, filters, locale } }),
  links: async (key: string): Promise<DashboardLink[]> =>
    (await api<{ items: DashboardLink[] }>(`${base(key)}/links`)).items,
  createLink: (key: string) => api<CreatedDashboardLink>(`${base(key)}/links`, { method: 'POST' }),
  revokeLink: (key: string, id: string) =>
    api<void>(`${base(key)}/links/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** The data behind a read-only link: no session needed. */
  sharedData: (token: string, filters: SharedFilterValues, locale: string) =>
    api<DashboardData>(
      `/api/shared-dashboards/${encodeURIComponent(token)}/data${filtersQuery(filters, locale)}`,
    ),
  /** The records behind one chart point: the report's filters, the shared filters and the point's values. */
  recordsBehind: (body: {
    report?: string;
    spec?: ReportDefinition;
    point: Record<string, string | number | boolean | null>;
    sharedFilters?: ReportFilter[];
  }) => api<RecordsBehindPoint>('/api/reports/records', { method: 'POST', body }),
};
