/** @module Frame of the signed-in pages: header with navigation, locale switch and sign-out; the page below. */
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../api/session-context';
import { useT } from '../i18n/locale-context';
import { LocaleSwitch } from './locale-switch';
import { RequireSession } from './require-session';

export function AppShell() {
  return (
    <RequireSession>
      <ShellFrame />
    </RequireSession>
  );
}

function ShellFrame() {
  const t = useT();
  const { user, signOut } = useSession();
  return (
    <div className="shell">
      <header className="shell-header">
        <strong className="brand">{t('app.name')}</strong>
        <nav className="shell-nav">
          <NavLink to="/inbox">{t('nav.inbox')}</NavLink>
          <NavLink to="/forms">{t('nav.forms')}</NavLink>
          <NavLink to="/flows">{t('nav.flows')}</NavLink>
          <NavLink to="/rules">{t('nav.rules')}</NavLink>
          <NavLink to="/reports">{t('nav.reports')}</NavLink>
          <NavLink to="/dashboards">{t('nav.dashboards')}</NavLink>
        </nav>
        <span className="shell-user">{user?.displayName ?? user?.username}</span>
        <LocaleSwitch />
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
