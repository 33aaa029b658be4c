/**
 * @module A published dashboard at `/dashboards/:key`: its cards for the shared filter values in the
 * address, refreshed every `refreshSeconds` while the page is visible (or by hand). A click on a chart
 * point lists the records behind it; managers, designers and admins also get Edit and read-only links.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { chartPointOf, type ChartPoint } from '../../engine';
import { ApiError } from '../api/api-error';
import { useSession } from '../api/session-context';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { ChartClick } from './dashboard-card';
import { DashboardView } from './dashboard-view';
import { dashboardViewMessages } from './dashboard-view-messages';
import { dashboardsApi, type DashboardCardData, type SharedFilterValues } from './dashboards-api';
import { drillFields } from './drill-fields';
import { DrillPanel } from './drill-panel';
import { filterValuesFromQuery } from './filter-query';
import { RefreshControls } from './refresh-controls';
import { ShareLinksDialog } from './share-links-dialog';
import { SharedFilterBar } from './shared-filter-bar';
import { useAutoRefresh } from './use-auto-refresh';
import { useDashboardData } from './use-dashboard-data';
import { useDrillLabels } from './use-drill-labels';

const AUTHORS = new Set(['admin', 'designer', 'manager']);

interface Drill {
  card: DashboardCardData;
  point: ChartPoint;
  /** The point as the chart shows it. */
  text: string;
  round: number;
}

export function DashboardViewerPage() {
  const key = useParams().key ?? '';
  // Another dashboard is another page: nothing of this one's data, drill or dialogs carries over.
  return <DashboardViewer key={key} dashboardKey={key} />;
}

function DashboardViewer({ dashboardKey: key }: { dashboardKey: string }) {
  const t = useMessages(dashboardViewMessages);
  const { locale } = useLocale();
  const { user } = useSession();
  const canAuthor = Boolean(user?.roles.some((r) => AUTHORS.has(r)));
  const [query, setQuery] = useSearchParams();
  const load = useCallback(
    (values: SharedFilterValues, lang: string) => dashboardsApi.data(key, values, lang),
    [key],
  );
  const [filters, setFilters] = useState<Parameters<typeof filterValuesFromQuery>[1]>(undefined);
  const values = useMemo(() => filterValuesFromQuery(query, filters), [query, filters]);
  const { data, error, loading, fetchedAt, reload } = useDashboardData(load, values, locale);
  const auto = useAutoRefresh(data?.refreshSeconds ?? null, reload, fetchedAt);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [sharing, setSharing] = useState(false);
  const labels = useDrillLabels(drill !== null || sharing);

  useEffect(() => {
    if (data) setFilters(data.filters);
  }, [data]);
  const title = data ? pickText(data.title, locale) || data.key : key;
  useEffect(() => {
    document.title = title;
  }, [title]);

  function openDrill(card: DashboardCardData, click: ChartClick) {
    const chart = card.spec?.chart;
    if (!chart || !card.result) return;
    const { rows, outputs, labels: valueLabels } = card.result;
    const point = chartPointOf(chart, rows, click, locale, outputs, valueLabels);
    if (point === null) return;
    const cardTitle = pickText(card.title ?? undefined, locale) || card.report;
    const parts = [click.name, 'series' in chart && chart.series ? click.seriesName : undefined];
    const text = Object.keys(point).length === 0 ? cardTitle : parts.filter(Boolean).join(' · ');
    setDrill({ card, point, text, round: (drill?.round ?? 0) + 1 });
  }

  if (!data) {
    if (error)
      return (
        <DashboardError dashboardKey={key} error={error} onClear={() => setQuery(new URLSearchParams())} />
      );
    return <p className="muted">{t('loading')}</p>;
  }

  return (
    <div className="dashboard-page">
      <header className="dashboard-header">
        <div>
          <Link to="/dashboards" className="dashboard-back">
            {t('allDashboards')}
          </Link>
          <h1>{title}</h1>
        </div>
        <div className="dashboard-actions">
          <RefreshControls
            seconds={data.refreshSeconds}
            auto={auto}
            loading={loading}
            fetchedAt={fetchedAt}
            onRefresh={reload}
          />
          {canAuthor && (
            <>
              <Link className="button" to={`/dashboards/${encodeURIComponent(key)}/edit`}>
                {t('edit')}
              </Link>
              <button type="button" onClick={() => setSharing(true)}>
                {t('share')}
              </button>
            </>
          )}
        </div>
      </header>
      <SharedFilterBar filters={data.filters} />
      {error && (
        <p className="error" role="alert">
          {t('loadFailed', { message: error.message })}
        </p>
      )}
      <DashboardView cards={data.cards} onPoint={openDrill} />
      {drill && (
        <DrillPanel
          key={drill.round}
          point={drill.text}
          fields={drillFields(
            drill.card.spec,
            drill.card.result?.outputs ?? [],
            drill.card.result?.labels,
            locale,
          )}
          labels={labels}
          load={() =>
            dashboardsApi.recordsBehind({
              report: drill.card.report,
              point: drill.point,
              sharedFilters: drill.card.sharedFilters ?? [],
            })
          }
          onClose={() => setDrill(null)}
        />
      )}
      {sharing && (
        <ShareLinksDialog dashboardKey={key} person={labels.person} onClose={() => setSharing(false)} />
      )}
    </div>
  );
}

function DashboardError({
  dashboardKey,
  error,
  onClear,
}: {
  dashboardKey: string;
  error: Error;
  onClear(): void;
}) {
  const t = useMessages(dashboardViewMessages);
  const missing = error instanceof ApiError && error.status === 404;
  const badFilters = error instanceof ApiError && error.status === 422;
  return (
    <div className="dashboard-page">
      <p className="error" role="alert">
        {missing ? t('notFound', { key: dashboardKey }) : t('loadFailed', { message: error.message })}
      </p>
      {badFilters && (
        <p>
          <button type="button" onClick={onClear}>
            {t('clearFilters')}
          </button>
        </p>
      )}
      <Link to="/dashboards">{t('allDashboards')}</Link>
    </div>
  );
}
