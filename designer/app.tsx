/**
 * @module The designer's routes. Public pages (the fill page) need no session; everything else sits in
 * the signed-in shell. Each page is loaded on demand, so the first screen downloads only what it shows.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, matchPath, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './api/session-context';
import { LocaleProvider } from './i18n/locale-context';
import { NotFoundPage } from './pages/not-found-page';
import { AppShell } from './shell/app-shell';

/** A page loaded on demand; `preload()` starts loading it before it is rendered. */
type LazyPage = ComponentType & { preload(): void };

/**
 * A module's named export as a page loaded on demand, loaded once however often it is asked for.
 * Once loaded it renders straight away: a `lazy` component suspends on its first render even when
 * its module has arrived, and React then holds the page back for its fallback throttle (300 ms).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loading: Promise<Record<K, ComponentType>> | undefined;
  let loaded: ComponentType | undefined;
  const start = () =>
    (loading ??= load().then((module) => {
      loaded = module[name];
      return module;
    }));
  const Lazy = lazy<ComponentType>(async () => ({ default: (await start())[name] }));
  function Page() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return Object.assign(Page, { preload: () => void start().catch(() => undefined) });
}

const FormListPage = page(() => import('./forms/form-list-page'), 'FormListPage');
const FormDesignerPage = page(() => import('./forms/form-designer-page'), 'FormDesignerPage');
const FlowListPage = page(() => import('./flows/flow-list-page'), 'FlowListPage');
const FlowDesignerPage = page(() => import('./flows/flow-designer-page'), 'FlowDesignerPage');
const RuleListPage = page(() => import('./rules/rule-list-page'), 'RuleListPage');
const RuleDesignerPage = page(() => import('./rules/rule-designer-page'), 'RuleDesignerPage');
const ReportListPage = page(() => import('./reports/report-list-page'), 'ReportListPage');
const ReportDesignerPage = page(() => import('./reports/report-designer-page'), 'ReportDesignerPage');
const DashboardListPage = page(() => import('./dashboards/dashboard-list-page'), 'DashboardListPage');
const DashboardViewerPage = page(() => import('./dashboards/dashboard-viewer-page'), 'DashboardViewerPage');
const DashboardDesignerPage = page(
  () => import('./dashboards/dashboard-designer-page'),
  'DashboardDesignerPage',
);
const SharedDashboardPage = page(() => import('./dashboards/shared-dashboard-page'), 'SharedDashboardPage');
const FillPage = page(() => import('./fill/fill-page'), 'FillPage');
const InboxPage = page(() => import('./inbox/inbox-page'), 'InboxPage');
const RecordPage = page(() => import('./records/record-page'), 'RecordPage');
const RecordListPage = page(() => import('./records/record-list-page'), 'RecordListPage');

/** The pages by address: the public ones, then those inside the signed-in shell. */
const PUBLIC_PAGES: [string, LazyPage][] = [
  ['/f/:form', FillPage],
  ['/d/:token', SharedDashboardPage],
];
const SHELL_PAGES: [string, LazyPage][] = [
  ['/inbox', InboxPage],
  ['/records/:id', RecordPage],
  ['/forms', FormListPage],
  ['/forms/:key', FormDesignerPage],
  ['/forms/:key/records', RecordListPage],
  ['/flows', FlowListPage],
  ['/flows/:key', FlowDesignerPage],
  ['/rules', RuleListPage],
  ['/rules/:key', RuleDesignerPage],
  ['/reports', ReportListPage],
  ['/reports/:key', ReportDesignerPage],
  ['/dashboards', DashboardListPage],
  ['/dashboards/:key', DashboardViewerPage],
  ['/dashboards/:key/edit', DashboardDesignerPage],
];

/**
 * The page of the address the app opens at starts loading at once, beside the session check rather
 * than after it (the shell shows a page only once it knows who is signed in): a designer opened
 * from a link or a reload shows its page that much sooner. `/` opens the inbox.
 */
function preloadOpeningPage(pathname: string) {
  const path = pathname === '/' ? '/inbox' : pathname;
  [...PUBLIC_PAGES, ...SHELL_PAGES].find(([pattern]) => matchPath(pattern, path))?.[1].preload();
}
preloadOpeningPage(window.location.pathname);

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter>
          <Suspense fallback={<p className="pad muted">…</p>}>
            <Routes>
              {PUBLIC_PAGES.map(([path, Page]) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
              <Route element={<AppShell />}>
                <Route index element={<Navigate to="/inbox" replace />} />
                {SHELL_PAGES.map(([path, Page]) => (
                  <Route key={path} path={path} element={<Page />} />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
