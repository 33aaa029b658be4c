/**
 * @module The dashboard designer at `/dashboards/:key/edit`: published reports become cards on a
 * 12-column grid (dragged and resized, or moved by buttons), each drawn live from the server's
 * preview of the unsaved dashboard; shared filters and the auto-refresh interval are set beside it.
 * The engine checks the dashboard in the browser (cards inside the grid, no overlaps, known reports,
 * filter mappings) and its issues, or the server's 422, are shown in the part they name. Save the
 * draft, publish, and open the viewer. A new dashboard is stored on its first save.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { validateDefinition, type DefinitionContext, type LocalizedText } from '../../engine';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { useDraftPublishing } from '../lists/use-draft-publishing';
import { pickText, useLocale } from '../i18n/locale-context';
import { reportsApi, type ReportListItem } from '../reports/reports-api';
import { CardPicker } from './card-picker';
import { DashboardCard } from './dashboard-card';
import {
  dashboardReducer,
  definitionToDraft,
  draftToDefinition,
  emptyDashboard,
  readingOrder,
  type CardItem,
  type DashboardAction,
  type DashboardDraft,
} from './dashboard-draft';
import { IssueList } from './dashboard-edit-issue-list';
import { issueText } from './dashboard-edit-issue-text';
import { issuesAt, type PointerIssue } from './dashboard-edit-issues';
import { dashboardEditMessages } from './dashboard-edit-messages';
import { cardName } from './dashboard-edit-names';
import { dashboardPath } from './dashboard-edit-paths';
import { DashboardEditRefresh } from './dashboard-edit-refresh';
import { DashboardGridEditor } from './dashboard-grid-editor';
import { dashboardsApi, type DashboardCardData } from './dashboards-api';
import { FilterDefinitionsEditor } from './filter-definitions-editor';
import './dashboard-edit.css';

const PREVIEW_DELAY_MS = 400;

type Preview = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; message: string };

const reducer = (draft: DashboardDraft | null, action: DashboardAction) =>
  action.type === 'reset' ? action.draft : draft && dashboardReducer(draft, action);

function reportContext(reports: readonly ReportListItem[]): DefinitionContext {
  const keys = new Set(reports.map((r) => r.key));
  return { has: (kind, key) => kind === 'report' && keys.has(key), formFields: () => undefined };
}

export function DashboardDesignerPage() {
  const t = useMessages(dashboardEditMessages);
  const { locale } = useLocale();
  const key = useParams().key ?? '';
  const location = useLocation();
  const {
    isNew,
    setIsNew,
    published,
    setPublished,
    serverIssues,
    setServerIssues,
    status,
    setStatus,
    busy,
    tried,
    run: saveOrPublish,
    edited,
  } = useDraftPublishing(key, dashboardsApi, {
    saved: t('actions.saved'),
    published: (version) => t('actions.published', { version }),
    failed: (message) => t('actions.failed', { message }),
  });
  const [draft, dispatch] = useReducer(reducer, null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reports, setReports] = useState<ReportListItem[] | null>(null);
  const [results, setResults] = useState<Map<string, DashboardCardData>>(new Map());
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const [refreshes, setRefreshes] = useState(0);

  useEffect(() => {
    let stale = false;
    reportsApi
      .list()
      .then((items) => !stale && setReports(items))
      .catch((e: Error) => !stale && setLoadError(e.message));
    dashboardsApi
      .current(key)
      .then(async (stored) => {
        if (stale) return;
        dispatch({ type: 'reset', draft: definitionToDraft(stored.body) });
        const item = (await dashboardsApi.list()).find((d) => d.key === key);
        if (!stale) setPublished(item?.latestVersion ?? null);
      })
      .catch((e: Error) => {
        if (stale) return;
        if (e instanceof ApiError && e.status === 404) {
          const title = ((location.state as { title?: LocalizedText } | null)?.title ?? {}) as LocalizedText;
          dispatch({
            type: 'reset',
            draft: emptyDashboard(key, Object.keys(title).length > 0 ? title : { en: key }),
          });
          setIsNew(true);
        } else setLoadError(e.message);
      });
    return () => {
      stale = true;
    };
  }, [key]);

  const act = useCallback((action: DashboardAction) => {
    dispatch(action);
    edited();
  }, []);

  const definition = useMemo(() => (draft ? draftToDefinition(draft) : null), [draft]);
  const context = useMemo(() => (reports ? reportContext(reports) : undefined), [reports]);
  const browserIssues: PointerIssue[] = useMemo(
    () => (definition && context ? validateDefinition('dashboard', definition, { context, locale }) : []),
    [definition, context, locale],
  );
  const cardCount = draft?.cards.length ?? 0;
  const reportName = useCallback(
    (report: string) =>
      pickText(reports?.find((r) => r.key === report)?.title ?? undefined, locale) || report,
    [reports, locale],
  );
  const found = browserIssues.length > 0 ? (tried || cardCount > 0 ? browserIssues : []) : serverIssues;
  const issues = useMemo(
    () => found.map((i) => ({ ...i, message: issueText(i, t, reportName) })),
    [found, t, reportName],
  );

  // Live preview: the server runs each card's report for the unsaved dashboard, a moment after the
  // set of reports changes (moving and resizing do not change what is drawn).
  const reportKeys = useMemo(() => [...new Set(draft?.cards.map((c) => c.report))].sort().join(','), [draft]);
  const definitionRef = useRef(definition);
  definitionRef.current = definition;
  const blocked = browserIssues.length > 0;
  useEffect(() => {
    if (reportKeys === '' || blocked || !definitionRef.current) return;
    let stale = false;
    setPreview({ state: 'loading' });
    const timer = setTimeout(() => {
      dashboardsApi
        .query(definitionRef.current!, {}, locale)
        .then((data) => {
          if (stale) return;
          setResults(new Map(data.cards.map((c) => [c.report, c])));
          setPreview({ state: 'idle' });
        })
        .catch((e: Error) => {
          if (stale) return;
          const message =
            e instanceof ApiError && e.status === 404
              ? t('preview.missing')
              : t('preview.unavailable', {
                  message:
                    e instanceof ApiError && e.issues.length > 0
                      ? e.issues.map((i) => i.message).join('; ')
                      : e.message,
                });
          setPreview({ state: 'failed', message });
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [reportKeys, blocked, locale, refreshes, t]);

  const run = (publish: boolean) => saveOrPublish(definition, publish);

  if (loadError) return <p className="error pad">{t('loadFailed', { message: loadError })}</p>;
  if (!draft || !reports) return <p className="muted pad">{t('loading')}</p>;

  const name = pickText(draft.title, locale) || key;
  const publishedReports = reports.filter((r) => r.latestVersion !== null);
  const ordered = readingOrder(draft.cards);
  const nameOf = (card: CardItem) => cardName(card, reports, locale);
  const issuesOf = (card: CardItem) => issuesAt(issues, 'card', ordered.indexOf(card));
  const previewOf = (card: CardItem): ReactNode => {
    const data = results.get(card.report);
    if (data) return <DashboardCard card={{ ...data, title: card.title ?? data.title }} />;
    const note =
      preview.state === 'failed' ? preview.message : blocked ? t('preview.blocked') : t('preview.loading');
    return (
      <div className="dashboard-edit-frame">
        <p className="mono small">{t('preview.report', { report: card.report })}</p>
        <p className={preview.state === 'failed' ? 'dashboard-edit-note error' : 'dashboard-edit-note muted'}>
          {note}
        </p>
      </div>
    );
  };
  const onBoard = [...new Set(draft.cards.map((c) => c.report))].map((report) => ({
    key: report,
    name: reportName(report),
  }));

  return (
    <div className="dashboard-edit">
      <header className="dashboard-edit-header">
        <Link to="/dashboards">{t('designer.back')}</Link>
        <h1>{t('designer.title', { name })}</h1>
        <div className="dashboard-edit-fields">
          <label>
            {t('new.titleZh')}
            <input
              type="text"
              value={draft.title['zh-CN'] ?? ''}
              onChange={(e) => act({ type: 'setTitle', title: { ...draft.title, 'zh-CN': e.target.value } })}
            />
          </label>
          <label>
            {t('new.titleEn')}
            <input
              type="text"
              value={draft.title.en ?? ''}
              onChange={(e) => act({ type: 'setTitle', title: { ...draft.title, en: e.target.value } })}
            />
          </label>
        </div>
        <IssueList issues={issuesAt(issues, 'header')} testId="issues-header" />
        {isNew && <p className="muted small">{t('designer.unsaved')}</p>}
        <div className="row">
          <button type="button" disabled={busy} onClick={() => void run(false)}>
            {t('actions.save')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(true)}>
            {t('actions.publish')}
          </button>
          <Link className="button" to={dashboardPath(key)}>
            {t('designer.view')}
          </Link>
          {status && (
            <span role="status" className={status.error ? 'error' : 'muted'}>
              {status.text}
            </span>
          )}
        </div>
      </header>

      <CardPicker
        reports={publishedReports}
        cards={draft.cards}
        dispatch={act}
        issues={<IssueList issues={issuesAt(issues, 'grid')} testId="issues-cards" />}
      />

      <section className="card dashboard-edit-layout" aria-labelledby="dashboard-grid-title">
        <div className="row space-between">
          <h2 id="dashboard-grid-title">{t('grid.title')}</h2>
          {cardCount > 0 && (
            <button type="button" className="link-button" onClick={() => setRefreshes((n) => n + 1)}>
              {t('preview.refresh')}
            </button>
          )}
        </div>
        <p className="muted small">{t('grid.hint')}</p>
        {cardCount === 0 && <p className="muted">{t('grid.empty')}</p>}
        <DashboardGridEditor
          cards={draft.cards}
          nameOf={nameOf}
          previewOf={previewOf}
          issuesOf={issuesOf}
          dispatch={act}
          narrowHint={t('grid.narrow')}
        />
      </section>

      <div className="dashboard-edit-settings">
        <FilterDefinitionsEditor
          filters={draft.filters}
          reports={onBoard}
          dispatch={act}
          issuesOf={(index) => issuesAt(issues, 'filter', index)}
          issues={<IssueList issues={issuesAt(issues, 'filters')} testId="issues-filters" />}
        />
        <DashboardEditRefresh
          seconds={draft.refreshSeconds}
          dispatch={act}
          issues={<IssueList issues={issuesAt(issues, 'refresh')} testId="issues-refresh" />}
        />
      </div>
    </div>
  );
}
