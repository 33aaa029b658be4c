/** @module The form designer's header: back to the list, the form's title and state, save and publish, and the last outcome. */
import { Link } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { formsMessages } from './forms-messages';
import type { FormDocument } from './use-form-document';

export function DesignerToolbar({ doc }: { doc: FormDocument }) {
  const t = useMessages(formsMessages);
  const { locale } = useLocale();
  const title =
    pickText(doc.state.header.title as { en?: string } | undefined, locale) || doc.state.header.key;
  const status = doc.isNew
    ? t('status.new')
    : doc.dirty
      ? t('status.dirty')
      : doc.hasDraft
        ? doc.latestVersion
          ? t('status.draftOf', { version: doc.latestVersion })
          : t('status.draft')
        : t('status.published', { version: doc.latestVersion ?? 0 });
  const canPublish = doc.dirty || doc.hasDraft || doc.isNew;
  return (
    <header className="designer-toolbar">
      <div className="toolbar-title">
        <Link to="/forms" className="muted">
          ← {t('list.title')}
        </Link>
        <h1>{title}</h1>
        <span className="muted" data-testid="form-status">
          {status}
        </span>
      </div>
      <div className="row toolbar-actions">
        <button type="button" disabled={doc.busy !== null || !doc.dirty} onClick={() => void doc.save()}>
          {doc.busy === 'saving' ? t('saving') : t('save')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={doc.busy !== null || !canPublish}
          onClick={() => void doc.publish()}
        >
          {doc.busy === 'publishing' ? t('publishing') : t('publish')}
        </button>
      </div>
      {doc.notice && (
        <p
          className={doc.notice.kind === 'ok' ? 'notice ok' : 'notice error'}
          role={doc.notice.kind === 'ok' ? 'status' : 'alert'}
        >
          {doc.notice.text}
        </p>
      )}
    </header>
  );
}
