/**
 * @module The rules (`/rules`): every rule with whether its published version is enabled, its
 * version, unpublished changes and last firing, each opening the designer, and a form to create one
 * (key, names, the form it watches).
 */
import './rules.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api-client';
import { pickText, useLocale } from '../i18n/locale-context';
import { CreateDefinitionForm } from '../lists/create-definition-form';
import { useDefinitionList } from '../lists/use-definition-list';
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

const rulePath = (key: string) => `/rules/${encodeURIComponent(key)}`;

async function loadRules(): Promise<RuleRow[]> {
  return Promise.all((await rulesApi.list()).map(withState));
}

function CreateRuleForm({ forms }: { forms: DefinitionSummary[] }) {
  const t = useRulesT();
  return (
    <CreateDefinitionForm
      kind="rule"
      keyPattern={RULE_KEY_PATTERN}
      forms={forms}
      create={(key, name, form) => rulesApi.create(newRule(key, name, form ?? ''))}
      hrefFor={rulePath}
      labels={{
        title: t('create.title'),
        key: t('create.key'),
        keyInvalid: t('create.keyInvalid'),
        nameZh: t('create.nameZh'),
        nameEn: t('create.nameEn'),
        form: t('create.form'),
        submit: t('create.submit'),
        failed: (message) => t('create.failed', { message }),
      }}
    />
  );
}

export function RuleListPage() {
  const t = useRulesT();
  const { locale } = useLocale();
  const { items: rules, error } = useDefinitionList(loadRules);
  const [forms, setForms] = useState<DefinitionSummary[]>([]);

  useEffect(() => {
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
                <Link to={rulePath(rule.key)} className="rule-card-title">
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
