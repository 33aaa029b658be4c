/**
 * @module The form designer at `/forms/:key`: design (palette, canvas, properties, preview), version
 * history with differences and roll-back, and sharing. A key with nothing stored yet starts a new form
 * (the list page passes its title along); the first save creates it.
 */
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { DesignTab } from './design-tab';
import { DesignerToolbar } from './designer-toolbar';
import { formsMessages } from './forms-messages';
import { SharePanel } from './share-panel';
import { useFormDocument } from './use-form-document';
import { VersionHistory } from './version-history';
import './forms.css';

type Tab = 'design' | 'history' | 'share';

export function FormDesignerPage() {
  const { key = '' } = useParams();
  const location = useLocation();
  const newHeader = (location.state as { header?: Record<string, unknown> } | null)?.header;
  const doc = useFormDocument(key, newHeader);
  const t = useMessages(formsMessages);
  const { locale } = useLocale();
  const [tab, setTab] = useState<Tab>('design');

  if (doc.phase === 'loading') return <p className="pad muted">{t('loading')}</p>;
  if (doc.phase === 'error')
    return (
      <p className="pad error" role="alert">
        {t('loadFailed', { message: doc.loadError })}
      </p>
    );

  const tabs: [Tab, string][] = [
    ['design', t('tab.design')],
    ['history', t('tab.history')],
    ['share', t('tab.share')],
  ];
  return (
    <div className="form-designer">
      <DesignerToolbar doc={doc} />
      <div className="designer-tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'design' && <DesignTab doc={doc} />}
        {tab === 'history' && (
          <VersionHistory
            formKey={key}
            versions={doc.versions}
            busy={doc.busy !== null}
            onRollBack={(v) => void doc.rollBack(v)}
          />
        )}
        {tab === 'share' && (
          <SharePanel
            formKey={key}
            title={pickText(doc.state.header.title as { en?: string } | undefined, locale)}
            published={doc.latestVersion !== null}
          />
        )}
      </div>
    </div>
  );
}
