/**
 * @module The rules (`/rules`): every rule with whether its published version is enabled, its
 * version, unpublished changes and last firing, each opening the designer, and a form to create one
 * (key, names, the form it watches).
 */
import './rules.css';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { api } from '../api/api-client';
import { pickText, useLocale } from '../i18n/locale-context';
import { newRule, RULE_KEY_PATTERN } from './rule-draft';
import { rulesApi, type DefinitionSummary, type StoredRule } from './rules-api';
import { useRulesT } from './rules-messages';

interface RuleRow extends DefinitionSummary {
  enabled: boolean | null;
  lastFiring: string | null;
}

async function withState(rule: DefinitionSummary): Promise<RuleRow> {
  const [published, firings] = await Promise.all([
    rule.latestVersion === null
      ? Promise.resolve(null)
      : api<StoredRule>(`/api/rules/${encodeURIComponent(rule.key)}?version=${rule.latestVersion}`).catch(
          () => null,
        ),
    rulesApi.firings(rule.key).catch(() => []),
  ]);
  return { ...rule, enabled: published ? published.body.enabled : null, lastFiring: firings[0]?.at ?? null };
}

function CreateRuleForm({ forms }: { forms: DefinitionSummary[] }) {
  const t = useRulesT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [form, setForm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyOk = RULE_KEY_PATTERN.test(key);
  const chosenForm = form || forms[0]?.key || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!keyOk || !chosenForm) return;
    setBusy(true);
    setError(null);
    try {
      await rulesApi.create(newRule(key, { 'zh-CN': zh, en }, chosenForm));
      await navigate(`/rules/${encodeURIComponent(key)}`);
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
    <form className="card rule-create" onSubmit={(e) => void submit(e)} aria-labelledby="rule-create-title">
      <h2 id="rule-create-title">{t('create.title')}</h2>
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
        <select value={chosenForm} onChange={(e) => setForm(e.target.value)}>
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
      <button type="submit" className="primary" disabled={!keyOk || !chosenForm || busy}>
        {t('create.submit')}
      </button>
    </form>
  );
}

export function RuleListPage() {
  const t = useRulesT();
  const { locale } = useLocale();
  const [rules, setRules] = useState<RuleRow[] | null>(null);
  const [forms, setForms] = useState<DefinitionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    rulesApi
      .list()
      .then((list) => Promise.all(list.map(withState)))
      .then(setRules, (err: Error) => setError(err.message));
    rulesApi.forms().then(setForms, () => setForms([]));
  }, []);

  return (
    <div className="rule-list">
      <h1>{t('list.title')}</h1>
      {error ? (
        <p className="error" role="alert">
          {t('page.loadFailed', { message: error })}
        </p>
      ) : null}
      {rules === null && !error ? <p className="muted">{t('page.loading')}</p> : null}
      {rules !== null && rules.length === 0 ? <p className="muted">{t('list.empty')}</p> : null}
      {rules !== null && rules.length > 0 ? (
        <ul className="rule-cards">
          {rules.map((rule) => (
            <li key={rule.key} className="card">
              <div className="rule-card-head">
                <Link to={`/rules/${encodeURIComponent(rule.key)}`} className="rule-card-title">
                  {pickText(rule.title ?? undefined, locale) || rule.key}
                </Link>
                <span className={rule.enabled ? 'rule-badge on' : 'rule-badge off'}>
                  {rule.enabled ? t('list.enabled') : t('list.disabled')}
                </span>
              </div>
              <div className="muted small">
                {rule.key} · {t('list.version')}:{' '}
                {rule.latestVersion === null ? t('list.notPublished') : `v${rule.latestVersion}`}
                {rule.hasDraft ? ` · ${t('list.hasDraft')}` : ''}
              </div>
              <div className="muted small">
                {rule.lastFiring
                  ? t('list.lastFiring', { at: new Date(rule.lastFiring).toLocaleString(locale) })
                  : t('list.neverFired')}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <CreateRuleForm forms={forms} />
    </div>
  );
}
