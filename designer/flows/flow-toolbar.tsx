/**
 * @module The flow designer's header: the flow's name and status, and the actions on the whole draft
 * (add a stage, lay out again, save, publish, export). Publishing is disabled while there are problems.
 */
import { Link } from 'react-router';
import { pickText, useLocale } from '../i18n/locale-context';
import type { FlowDoc } from './flow-doc';
import { useFlowsT } from './flows-messages';

export interface FlowToolbarProps {
  doc: FlowDoc;
  publishedVersion: number | null;
  dirty: boolean;
  busy: boolean;
  problems: number;
  status: { kind: 'ok' | 'error'; text: string } | null;
  onAddStage(): void;
  onLayout(): void;
  onSave(): void;
  onPublish(): void;
  onExport(): void;
}

export function FlowToolbar(props: FlowToolbarProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const { doc, publishedVersion, dirty, busy, problems, status } = props;
  return (
    <header className="flow-toolbar">
      <div className="row">
        <Link to="/flows">{t('page.back')}</Link>
        <h1>{pickText(doc.title, locale) || doc.key}</h1>
        <span className="badge">
          {publishedVersion === null ? t('page.draft') : t('page.published', { version: publishedVersion })}
        </span>
        {dirty ? <span className="badge badge-warn">{t('page.unsaved')}</span> : null}
      </div>
      <div className="row flow-actions">
        <button type="button" onClick={props.onAddStage}>
          {t('toolbar.addStage')}
        </button>
        <button type="button" onClick={props.onLayout}>
          {t('toolbar.layout')}
        </button>
        <button type="button" onClick={props.onExport}>
          {t('toolbar.export')}
        </button>
        <button type="button" disabled={busy} onClick={props.onSave}>
          {t('toolbar.save')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || problems > 0}
          title={problems > 0 ? t('toolbar.publishBlocked') : undefined}
          onClick={props.onPublish}
        >
          {t('toolbar.publish')}
        </button>
      </div>
      <p role="status" className={status?.kind === 'error' ? 'error' : 'ok-text'}>
        {busy ? t('toolbar.working') : (status?.text ?? '')}
      </p>
    </header>
  );
}
