/**
 * @module What a dashboard shows right now: each card runs the latest published version of its report
 * with the viewer's shared filters mapped onto that report (`dashboardFiltersFor`), and each shared
 * filter comes with its choices. A card whose report is missing or fails gets `error` and no result;
 * the other cards still run. The shape is the designer's contract (`designer/dashboards/dashboards-api.ts`).
 */
import {
  dashboardFiltersFor,
  type DashboardDefinition,
  type Locale,
  type LocalizedText,
  type ReportDefinition,
} from '../../engine';
import type { ReportFilter } from '../../engine/reports/index';
import { DefinitionStore } from '../definitions/definition-store';
import { OperationalError, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { runReport, type ReportResult } from '../reports/run-report';
import { dashboardFilterViews, type DashboardFilterView } from './filter-options';
import type { SharedFilterValues } from './shared-filter-values';

export interface CardError {
  code: string;
  message: string;
}

export interface DashboardCardData {
  report: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The card's title, else the report's title. */
  title: LocalizedText | null;
  /** The published report's spec (null when it is missing, and always on a shared link). */
  spec: ReportDefinition | null;
  /** Null when the card's report could not run; `error` says why. */
  result: ReportResult | null;
  error: CardError | null;
  /**
   * The viewer's shared filters as they were applied to this card's report, so a click on a point can
   * ask for exactly the records it counted (null on a shared link, which lists no records).
   */
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

export interface DashboardDataOptions {
  /**
   * Leaves `spec` null on every card: a read-only link shows results, not how the reports are built
   * (their forms, fields and filters).
   */
  withoutSpecs?: boolean;
}

/** Shown for a failure whose detail is for the logs only, as the error middleware does for a 500. */
const CARD_FAILED: CardError = { code: 'card-failed', message: 'This card could not be computed' };

/**
 * What a failed card shows. A user error (the report is not published, its spec no longer fits the
 * form) is the author's to fix and says so. Anything else — a PostgreSQL cast failing on one odd
 * stored value, a bug in one KPI — is logged and confined to its card, since one broken chart
 * should not blank the whole wall screen. An operational error (the database went away) is rethrown:
 * every card would fail alike, and the 503 tells the client to retry.
 */
function cardError(runtime: RuntimeContext, dashboard: string, report: string, err: unknown): CardError {
  if (err instanceof OperationalError) throw err;
  if (err instanceof UserError) return { code: err.code, message: err.message };
  runtime.logger.error('dashboard card failed', {
    dashboard,
    report,
    error: err instanceof Error ? (err.stack ?? err.message) : String(err),
  });
  return CARD_FAILED;
}

/** The latest published spec of each card's report, or the error to show on its cards. */
async function loadSpecs(
  runtime: RuntimeContext,
  dashboard: DashboardDefinition,
): Promise<{ specs: Map<string, ReportDefinition>; missing: Map<string, CardError> }> {
  const store = new DefinitionStore(runtime);
  const specs = new Map<string, ReportDefinition>();
  const missing = new Map<string, CardError>();
  for (const key of new Set(dashboard.cards.map((c) => c.report))) {
    try {
      specs.set(key, (await store.getPublished<ReportDefinition>('report', key)).body);
    } catch (err) {
      missing.set(key, cardError(runtime, dashboard.key, key, err));
    }
  }
  return { specs, missing };
}

export async function dashboardData(
  runtime: RuntimeContext,
  dashboard: DashboardDefinition,
  values: SharedFilterValues,
  locale: Locale,
  options: DashboardDataOptions = {},
): Promise<DashboardData> {
  const refreshedAt = runtime.clock.now().toISOString();
  const { specs, missing } = await loadSpecs(runtime, dashboard);
  const cards: DashboardCardData[] = [];
  for (const card of dashboard.cards) {
    const spec = specs.get(card.report) ?? null;
    let result: ReportResult | null = null;
    let error = missing.get(card.report) ?? null;
    const sharedFilters = dashboardFiltersFor(dashboard, card.report, values);
    if (spec) {
      try {
        result = await runReport(runtime, spec, { sharedFilters, locale });
      } catch (err) {
        error = cardError(runtime, dashboard.key, card.report, err);
      }
    }
    cards.push({
      report: card.report,
      x: card.x,
      y: card.y,
      w: card.w,
      h: card.h,
      title: card.title ?? spec?.title ?? null,
      spec: options.withoutSpecs ? null : spec,
      result,
      error,
      sharedFilters: options.withoutSpecs ? null : sharedFilters,
    });
  }
  return {
    key: dashboard.key,
    title: dashboard.title,
    refreshSeconds: dashboard.refreshSeconds ?? null,
    filters: await dashboardFilterViews(runtime, dashboard, specs),
    cards,
    refreshedAt,
  };
}
