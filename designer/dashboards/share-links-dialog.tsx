/**
 * @module Read-only links of a dashboard (for managers, designers and admins): create one and copy its
 * full address — shown this once, as the server keeps only a hash of its token — and see the existing
 * links with when and by whom they were made, each with a Revoke button that stops it at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { dashboardViewMessages } from './dashboard-view-messages';
import { dashboardsApi, type CreatedDashboardLink, type DashboardLink } from './dashboards-api';

interface ShareLinksDialogProps {
  dashboardKey: string;
  /** A user id as a name (falls back to the id). */
  person?(id: string | null): string;
  onClose(): void;
}

export function ShareLinksDialog({
  dashboardKey,
  person = (id) => id ?? '—',
  onClose,
}: ShareLinksDialogProps) {
  const t = useMessages(dashboardViewMessages);
  const { locale } = useLocale();
  const [links, setLinks] = useState<DashboardLink[] | null>(null);
  const [created, setCreated] = useState<CreatedDashboardLink | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  const fail = (error: unknown) =>
    setNotice({
      text: t('share.failed', { message: (error as Error).message ?? String(error) }),
      error: true,
    });

  const reload = useCallback(async () => {
    try {
      setLinks(await dashboardsApi.links(dashboardKey));
    } catch (error) {
      fail(error);
    }
    // `t` only changes with the language; the list does not depend on it.
  }, [dashboardKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, []);

  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const address = created ? new URL(created.path, window.location.origin).href : '';

  async function create() {
    setBusy(true);
    setNotice(null);
    try {
      setCreated(await dashboardsApi.createLink(dashboardKey));
      await reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      setNotice({ text: t('share.copied'), error: false });
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text is selected for a manual copy.
      (document.getElementById('share-new-link') as HTMLInputElement | null)?.select();
    }
  }

  async function revoke(link: DashboardLink) {
    setBusy(true);
    try {
      await dashboardsApi.revokeLink(dashboardKey, link.id);
      if (created?.id === link.id) setCreated(null);
      setNotice({ text: t('share.revoked'), error: false });
      await reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="side-backdrop" onClick={onClose} />
      <div className="side-panel" role="dialog" aria-modal="true" aria-labelledby="share-title">
        <div className="side-panel-header">
          <h2 id="share-title">{t('share.title')}</h2>
          <button ref={closeRef} type="button" onClick={onClose}>
            {t('share.close')}
          </button>
        </div>
        <div className="side-panel-body">
          <p className="muted">{t('share.intro')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
            {t('share.create')}
          </button>
          {created && (
            <div className="share-new">
              <label>
                {t('share.new')}
                <input id="share-new-link" readOnly value={address} onFocus={(e) => e.target.select()} />
              </label>
              <div className="row">
                <button type="button" onClick={() => void copy()}>
                  {t('share.copy')}
                </button>
                <span className="muted small">{t('share.once')}</span>
              </div>
            </div>
          )}
          <p role="status" className={notice?.error ? 'error' : 'muted'}>
            {notice?.text}
          </p>
          <h3>{t('share.existing')}</h3>
          {links === null ? null : links.length === 0 ? (
            <p className="muted">{t('share.none')}</p>
          ) : (
            <table className="share-links">
              <thead>
                <tr>
                  <th scope="col">{t('share.created')}</th>
                  <th scope="col">{t('share.createdBy')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('share.revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => (
                  <tr key={link.id} data-link={link.id}>
                    <td>
                      <time dateTime={link.createdAt}>{when(link.createdAt)}</time>
                    </td>
                    <td>{person(link.createdBy)}</td>
                    <td>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t('share.revokeName', { date: when(link.createdAt) })}
                        onClick={() => void revoke(link)}
                      >
                        {t('share.revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </>
  );
}
