/**
 * @module Typed calls of the reports API: the definitions (`runtime/http/definition-routes.ts`: list,
 * read the draft or latest version, create, save the draft, publish) and the data
 * (`runtime/http/report-routes.ts`: run an unsaved spec; CSV / SVG of the published report).
 */
import type { ChartOption, PlanOutput, ReportDefinition, ResultRow } from '../../engine';
import { api } from '../api/api-client';

export interface ReportListItem {
  key: string;
  title: { 'zh-CN'?: string; en?: string } | null;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface StoredReport {
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  body: ReportDefinition;
}

export interface ReportResult {
  rows: ResultRow[];
  outputs: PlanOutput[];
  option: ChartOption | null;
  /** Per choice-field column: raw value → its option label in the requested language. */
  labels?: Record<string, Record<string, string>>;
}

const base = (key: string) => `/api/reports/${encodeURIComponent(key)}`;

export const reportsApi = {
  list: async (): Promise<ReportListItem[]> => (await api<{ items: ReportListItem[] }>('/api/reports')).items,
  current: (key: string) => api<StoredReport>(base(key)),
  create: (body: ReportDefinition) => api<StoredReport>('/api/reports', { method: 'POST', body }),
  saveDraft: (key: string, body: ReportDefinition) => api<StoredReport>(base(key), { method: 'PUT', body }),
  publish: (key: string) => api<StoredReport>(`${base(key)}/publish`, { method: 'POST' }),
  query: (spec: ReportDefinition, locale: string) =>
    api<ReportResult>('/api/reports/query', { method: 'POST', body: { spec, locale } }),
  csvUrl: (key: string, locale: string) => `${base(key)}/data.csv?locale=${encodeURIComponent(locale)}`,
  svgUrl: (key: string, locale: string) => `${base(key)}/data.svg?locale=${encodeURIComponent(locale)}`,
};
