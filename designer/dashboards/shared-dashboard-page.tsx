/**
 * @module The read-only dashboard behind a link, `/d/:token`, for people without an account: the same
 * cards, filter bar and refreshing as the signed-in viewer, but no records behind the points, no edit
 * and no links (the server gives the link's holder the dashboard's numbers only). An unknown or revoked
 * link says so plainly.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { LocaleSwitch } from '../shell/locale-switch';
import { DashboardView } from './dashboard-view';
import { dashboardViewMessages } from './dashboard-view-messages';
import { dashboardsApi, type DashboardFilterView, type SharedFilterValues } from './dashboards-api';
import { filterValuesFromQuery } from './filter-query';
import { RefreshControls } from './refresh-controls';
import { SharedFilterBar } from './shared-filter-bar';
import { useAutoRefresh } from './use-auto-refresh';
import { useDashboardData } from './use-dashboard-data';

export function SharedDashboardPage() {
  const token = useParams().token ?? '';
  return <SharedDashboard key={token} token={token} />;
}

function SharedDashboard({ token }: { token: string }) {
  const t = useMessages(dashboardViewMessages);
  const { locale } = useLocale();
  const [query, setQuery] = useSearchParams();
  const load = useCallback(
    (values: SharedFilterValues, lang: string) => dashboardsApi.sharedData(token, values, lang),
    [token],
  );
  const [filters, setFilters] = useState<DashboardFilterView[] | undefined>(undefined);
  const values = useMemo(() => filterValuesFromQuery(query, filters), [query, filters]);
  const { data, error, loading, fetchedAt, reload } = useDashboardData(load, values, locale);
  const auto = useAutoRefresh(data?.refreshSeconds ?? null, reload, fetchedAt);
  // A link revoked while the page is open: its numbers must not stay on screen as if still shared.
  const gone = error instanceof ApiError && (error.status === 404 || error.status === 410);

  useEffect(() => {
    if (data) setFilters(data.filters);
  }, [data]);
  const title = data ? pickText(data.title, locale) || data.key : '';
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);

  let content;
  if (gone) {
    content = (
      <p className="error" role="alert">
        {t('linkGone')}
      </p>
    );
  } else if (!data) {
    content = error ? (
      <>
        <p className="error" role="alert">
          {t('loadFailed', { message: error.message })}
        </p>
        {error instanceof ApiError && error.status === 422 && (
          <button type="button" onClick={() => setQuery(new URLSearchParams())}>
            {t('clearFilters')}
          </button>
        )}
      </>
    ) : (
      <p className="muted">{t('loading')}</p>
    );
  } else {
    content = (
      <>
        <SharedFilterBar filters={data.filters} />
        {error && (
          <p className="error" role="alert">
            {t('loadFailed', { message: error.message })}
          </p>
        )}
        <DashboardView cards={data.cards} />
      </>
    );
  }

  return (
    <div className="dashboard-page dashboard-public">
      <header className="dashboard-header">
        <div>
          <p className="muted small">{t('readOnly')}</p>
          {title && <h1>{title}</h1>}
        </div>
        <div className="dashboard-actions">
          {data && !gone && (
            <RefreshControls
              seconds={data.refreshSeconds}
              auto={auto}
              loading={loading}
              fetchedAt={fetchedAt}
              onRefresh={reload}
            />
          )}
          <LocaleSwitch />
        </div>
      </header>
      {content}
    </div>
  );
}
