/**
 * @module The flows (`/flows`): every flow with its published version and whether it has unpublished
 * changes, each opening the designer, and a form to create a new one (key, name, form of its tickets).
 */
import './flows.css';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { pickText, useLocale } from '../i18n/locale-context';
import { createFlow, listFlows, listForms, type DefinitionSummary } from './flows-api';
import { useFlowsT } from './flows-messages';
import { FLOW_KEY_PATTERN, newFlowDoc } from './flow-template';

function CreateFlowForm({ forms }: { forms: DefinitionSummary[] }) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [form, setForm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyOk = FLOW_KEY_PATTERN.test(key);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!keyOk) return;
    setBusy(true);
    setError(null);
    try {
      await createFlow(newFlowDoc(key, { 'zh-CN': zh, en }, form || undefined));
      await navigate(`/flows/${encodeURIComponent(key)}`);
    } catch (err) {
      const detail =
        err instanceof ApiError && err.issues.length > 0
          ? err.issues.map((i) => i.message).join('; ')
          : (err as Error).message;
      setError(t('create.failed', { message: detail }));
      setBusy(false);
    }
  };

  return (
    <form className="card flow-create" onSubmit={(e) => void submit(e)} aria-labelledby="flow-create-title">
      <h2 id="flow-create-title">{t('create.title')}</h2>
      <label>
        {t('create.key')}
        <input
          value={key}
          onChange={(e) => setKey(e.target.value.trim())}
          aria-invalid={key !== '' && !keyOk}
        />
        {key !== '' && !keyOk ? <small className="error">{t('create.keyInvalid')}</small> : null}
      </label>
      <label>
        {t('create.nameZh')}
        <input value={zh} onChange={(e) => setZh(e.target.value)} />
      </label>
      <label>
        {t('create.nameEn')}
        <input value={en} onChange={(e) => setEn(e.target.value)} />
      </label>
      <label>
        {t('create.form')}
        <select value={form} onChange={(e) => setForm(e.target.value)}>
          <option value="">{t('create.noForm')}</option>
          {forms.map((f) => (
            <option key={f.key} value={f.key}>
              {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={!keyOk || busy}>
        {t('create.submit')}
      </button>
    </form>
  );
}

export function FlowListPage() {
  const t = useFlowsT();
  const { locale } = useLocale();
  const [flows, setFlows] = useState<DefinitionSummary[] | null>(null);
  const [forms, setForms] = useState<DefinitionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listFlows().then(setFlows, (err: Error) => setError(err.message));
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
              <Link to={`/flows/${encodeURIComponent(flow.key)}`} className="flow-card-title">
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
