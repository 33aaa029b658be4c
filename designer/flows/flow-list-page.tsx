/**
 * @module The flows (`/flows`): every flow with its published version and whether it has unpublished
 * changes, each opening the designer, and a form to create a new one (key, name, form of its tickets).
 */
import './flows.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { pickText, useLocale } from '../i18n/locale-context';
import { CreateDefinitionForm } from '../lists/create-definition-form';
import { useDefinitionList } from '../lists/use-definition-list';
import { createFlow, listFlows, listForms, type DefinitionSummary } from './flows-api';
import { useFlowsT } from './flows-messages';
import { FLOW_KEY_PATTERN, newFlowDoc } from './flow-template';

const flowPath = (key: string) => `/flows/${encodeURIComponent(key)}`;

function CreateFlowForm({ forms }: { forms: DefinitionSummary[] }) {
  const t = useFlowsT();
  return (
    <CreateDefinitionForm
      kind="flow"
      keyPattern={FLOW_KEY_PATTERN}
      forms={forms}
      create={(key, name, form) => createFlow(newFlowDoc(key, name, form))}
      hrefFor={flowPath}
      labels={{
        title: t('create.title'),
        key: t('create.key'),
        keyInvalid: t('create.keyInvalid'),
        nameZh: t('create.nameZh'),
        nameEn: t('create.nameEn'),
        form: t('create.form'),
        noForm: t('create.noForm'),
        submit: t('create.submit'),
        failed: (message) => t('create.failed', { message }),
      }}
    />
  );
}

export function FlowListPage() {
  const t = useFlowsT();
  const { locale } = useLocale();
  const { items: flows, error } = useDefinitionList(listFlows);
  const [forms, setForms] = useState<DefinitionSummary[]>([]);

  useEffect(() => {
    listForms().then(setForms, () => setForms([]));
  }, []);

  return (
    <div className="flow-list">
      <h1>{t('list.title')}</h1>
      {error ? (
        <p className="error" role="alert">
          {t('list.loadFailed', { message: error })}
        </p>
      ) : null}
      {flows === null && !error ? <p className="muted">{t('page.loading')}</p> : null}
      {flows !== null && flows.length === 0 ? <p className="muted">{t('list.empty')}</p> : null}
      {flows !== null && flows.length > 0 ? (
        <ul className="flow-cards">
          {flows.map((flow) => (
            <li key={flow.key} className="card">
              <Link to={flowPath(flow.key)} className="flow-card-title">
                {pickText(flow.title ?? undefined, locale) || flow.key}
              </Link>
              <div className="muted small">
                {t('list.key')}: {flow.key} · {t('list.version')}:{' '}
                {flow.latestVersion === null ? t('list.notPublished') : `v${flow.latestVersion}`}
                {flow.hasDraft ? ` · ${t('list.hasDraft')}` : ''}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <CreateFlowForm forms={forms} />
    </div>
  );
}
