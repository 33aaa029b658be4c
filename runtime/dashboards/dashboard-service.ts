/**
 * @module The dashboard HTTP area's work: the data of the latest published dashboard, of an unsaved one
 * (checked like a saved one first: 422 with the engine's issues, nothing run), and of the dashboard
 * behind a read-only link (no specs, the same 404 for every kind of bad token).
 */
import { validateDefinition, type DashboardDefinition, type Locale } from '../../engine';
import { DefinitionStore } from '../definitions/definition-store';
import { loadDefinitionContext } from '../definitions/stored-definition-context';
import { invalid, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { dashboardData, type DashboardData } from './dashboard-data';
import { resolveDashboardLink, sharedDashboardNotFound } from './dashboard-links';
import { parseSharedFilterValues } from './shared-filter-values';

/** The latest published version of dashboard `key`; 404 when it has none. */
export async function publishedDashboard(runtime: RuntimeContext, key: string): Promise<DashboardDefinition> {
  return (await new DefinitionStore(runtime).getPublished<DashboardDefinition>('dashboard', key)).body;
}

/** The published dashboard's data with the viewer's filter values (`?filters=` JSON). */
export async function publishedDashboardData(
  runtime: RuntimeContext,
  key: string,
  rawFilters: unknown,
  locale: Locale,
): Promise<DashboardData> {
  const dashboard = await publishedDashboard(runtime, key);
  return dashboardData(runtime, dashboard, parseSharedFilterValues(dashboard, rawFilters), locale);
}

/** An unsaved dashboard's data: the designer's preview. */
export async function queryDashboard(
  runtime: RuntimeContext,
  body: unknown,
  locale: Locale,
): Promise<DashboardData> {
  const { dashboard, filters } = (body ?? {}) as { dashboard?: unknown; filters?: unknown };
  if (typeof dashboard !== 'object' || dashboard === null || Array.isArray(dashboard)) {
    throw invalid([
      {
        code: 'required',
        path: '/dashboard',
        message: 'The body needs a dashboard definition in "dashboard"',
      },
    ]);
  }
  const context = await loadDefinitionContext(runtime.db.knex);
  const issues = validateDefinition('dashboard', dashboard, { context, locale });
  if (issues.length > 0) throw invalid(issues, 'The dashboard has problems');
  const checked = dashboard as DashboardDefinition;
  return dashboardData(runtime, checked, parseSharedFilterValues(checked, filters), locale);
}

/** The data behind a read-only link: card results and filter choices, nothing about how they are built. */
export async function sharedDashboardData(
  runtime: RuntimeContext,
  token: string,
  rawFilters: unknown,
  locale: Locale,
): Promise<DashboardData> {
  const key = await resolveDashboardLink(runtime, token);
  let dashboard: DashboardDefinition;
  try {
    dashboard = await publishedDashboard(runtime, key);
  } catch (err) {
    // Links exist only for published dashboards; should one vanish, the link is as dead as a revoked one.
    if (err instanceof UserError && err.status === 404) throw sharedDashboardNotFound();
    throw err;
  }
  return dashboardData(runtime, dashboard, parseSharedFilterValues(dashboard, rawFilters), locale, {
    withoutSpecs: true,
  });
}
