/**
 * @module The designer's routes. Public pages (the fill page) need no session; everything else sits in
 * the signed-in shell. Each page is loaded on demand, so the first screen downloads only what it shows.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './api/session-context';
import { LocaleProvider } from './i18n/locale-context';
import { NotFoundPage } from './pages/not-found-page';
import { AppShell } from './shell/app-shell';

/** `lazy` for a module's named export. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
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

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter>
          <Suspense fallback={<p className="pad muted">…</p>}>
            <Routes>
              <Route path="/f/:form" element={<FillPage />} />
              <Route path="/d/:token" element={<SharedDashboardPage />} />
              <Route element={<AppShell />}>
                <Route index element={<Navigate to="/inbox" replace />} />
                <Route path="/inbox" element={<InboxPage />} />
                <Route path="/records/:id" element={<RecordPage />} />
                <Route path="/forms" element={<FormListPage />} />
                <Route path="/forms/:key" element={<FormDesignerPage />} />
                <Route path="/forms/:key/records" element={<RecordListPage />} />
                <Route path="/flows" element={<FlowListPage />} />
                <Route path="/flows/:key" element={<FlowDesignerPage />} />
                <Route path="/rules" element={<RuleListPage />} />
                <Route path="/rules/:key" element={<RuleDesignerPage />} />
                <Route path="/reports" element={<ReportListPage />} />
                <Route path="/reports/:key" element={<ReportDesignerPage />} />
                <Route path="/dashboards" element={<DashboardListPage />} />
                <Route path="/dashboards/:key" element={<DashboardViewerPage />} />
                <Route path="/dashboards/:key/edit" element={<DashboardDesignerPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
