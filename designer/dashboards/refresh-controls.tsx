/**
 * @module When the dashboard on screen was fetched ("Updated 14:03:05"), a Refresh button, and — for a
 * dashboard with `refreshSeconds` — the auto-refresh switch.
 */
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { dashboardViewMessages } from './dashboard-view-messages';
import type { AutoRefresh } from './use-auto-refresh';

interface RefreshControlsProps {
  seconds: number | null;
  auto: AutoRefresh;
  loading: boolean;
  fetchedAt: number | null;
  onRefresh(): void;
}

export function RefreshControls({ seconds, auto, loading, fetchedAt, onRefresh }: RefreshControlsProps) {
  const t = useMessages(dashboardViewMessages);
  const { locale } = useLocale();
  const at = fetchedAt === null ? null : new Date(fetchedAt);
  return (
    <div className="row refresh-controls">
      <span role="status" className="muted small refresh-status">
        {loading
          ? t('refreshing')
          : at && (
              <time dateTime={at.toISOString()}>
                {t('updatedAt', { time: at.toLocaleTimeString(locale, { hour12: false }) })}
              </time>
            )}
      </span>
      <button type="button" onClick={onRefresh} disabled={loading}>
        {t('refresh')}
      </button>
      {seconds !== null && (
        <label className="inline">
          <input type="checkbox" checked={auto.enabled} onChange={(e) => auto.setEnabled(e.target.checked)} />
          {t('autoRefresh', { seconds })}
        </label>
      )}
    </div>
  );
}
