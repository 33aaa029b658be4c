/** @module Guards the signed-in pages: shows the sign-in page in place until there is a session. */
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale-context';
import { useSession } from '../api/session-context';
import { LoginPage } from '../pages/login-page';

export function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const t = useT();
  if (user === undefined) return <p className="muted pad">{t('common.loading')}</p>;
  if (user === null) return <LoginPage />;
  return <>{children}</>;
}
