/**
 * @module The shared filters a drill-through applies to a card's report: the viewer's values mapped
 * onto that report's fields by the *published* dashboard's filter definitions (the data the viewer sees
 * comes from the published version; a newer draft may map filters differently), through the engine's
 * `dashboardFiltersFor`, so the records listed are exactly those the clicked point counted.
 */
import { dashboardFiltersFor, type DashboardDefinition } from '../../engine';
import type { ReportFilter } from '../../engine/reports/index';
import { api } from '../api/api-client';
import { dashboardsApi, type SharedFilterValues, type StoredDashboard } from './dashboards-api';

async function publishedDashboard(key: string): Promise<DashboardDefinition> {
  const current = await dashboardsApi.current(key);
  if (current.status === 'published') return current.body;
  // A draft is newer than the published version: read the latest published one.
  const path = `/api/dashboards/${encodeURIComponent(key)}`;
  const { items } = await api<{ items: { version: number; status: string }[] }>(`${path}/versions`);
  const latest = Math.max(...items.filter((v) => v.status === 'published').map((v) => v.version));
  if (!Number.isFinite(latest)) return current.body;
  return (await api<StoredDashboard>(`${path}?version=${latest}`)).body;
}

export async function drillSharedFilters(
  dashboardKey: string,
  reportKey: string,
  values: SharedFilterValues,
): Promise<ReportFilter[]> {
  if (Object.keys(values).length === 0) return [];
  return dashboardFiltersFor(await publishedDashboard(dashboardKey), reportKey, values);
}
