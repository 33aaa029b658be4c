/**
 * @module The rule designer (`/rules/:key`): settings, trigger, aggregates, condition (the shared
 * condition builder over the record's fields and the aggregates), actions; save, publish, enable /
 * disable; the problems the engine finds in the browser and the server's on the part they concern;
 * a dry run over a chosen period and the firing history.
 */
import './rules.css';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useParams } from 'react-router';
import { validateDefinition, type RuleDefinition } from '../../engine';
import { precedingCreate } from '../../engine/rules/resolve-actions';
import { ApiError } from '../api/api-error';
import { ConditionBuilder } from '../conditions/condition-builder';
import { pickText, useLocale } from '../i18n/locale-context';
import { ActionEditor } from './action-editor';
import { AggregateEditor } from './aggregate-editor';
import { DryRunPanel } from './dry-run-panel';
import { FiringHistory } from './firing-history';
import { IssueNotes } from './issue-notes';
import { ruleCheckContext } from './rule-check-context';
import {
  ACTION_TYPES,
  freshAggregateName,
  newAction,
  newAggregate,
  ruleReducer,
  type RuleChange,
} from './rule-draft';
import { issuesFor, type RuleIssue } from './rule-issues';
import { ruleConditionFields } from './rule-fields';
import { RuleSettings } from './rule-settings';
import { RuleToolbar } from './rule-toolbar';
import { TriggerEditor } from './trigger-editor';
import { rulesApi, type StoredRule } from './rules-api';
import { useRulesT } from './rules-messages';
import { useRuleDefinitions } from './use-rule-definitions';

interface Published {
  version: number | null;
  enabled: boolean | null;
}

async function publishedOf(key: string, current: StoredRule): Promise<Published> {
  if (current.status === 'published') return { version: current.version, enabled: current.body.enabled };
  const versions = await rulesApi.versions(key);
  const latest = versions.find((v) => v.version > 0);
  if (!latest) return { version: null, enabled: null };
  const stored = await rulesApi.version(key, latest.version);
  return { version: stored.version, enabled: stored.body.enabled };
}

/** The reference forms the action's lookup recipients read. */
function lookupForms(action: RuleDefinition['actions'][number]): string[] {
  const to = action.type === 'assign' ? [action.to] : action.type === 'notify' ? action.to : [];
  return to.flatMap((r) => ('lookup' in r ? [r.lookup.form] : []));
}

function formsUsed(rule: RuleDefinition | null): string[] {
  if (!rule) return [];
  return [
    rule.trigger.form,
    ...Object.values(rule.aggregates ?? {}).map((a) => a.form),
    ...rule.actions.flatMap((a) => (a.type === 'create-record' ? [a.form] : lookupForms(a))),
    // A set-fields on a linked record: the forms on the way, for their fields and the check.
    ...rule.actions.flatMap((a) =>
      a.type === 'set-fields' && a.record ? [a.record.form, a.record.through ?? ''] : [],
    ),
  ];
}

/** The form of the record the nearest create-record action before `index` makes, if any. */
function createdFormBefore(rule: RuleDefinition, index: number): string | undefined {
  const action = rule.actions[precedingCreate(rule.actions, index)];
  return action?.type === 'create-record' ? action.form : undefined;
}

function RuleEditor({ stored, initialPublished }: { stored: StoredRule; initialPublished: Published }) {
  const t = useRulesT();
  const { locale } = useLocale();
  const [rule, dispatchRaw] = useReducer(ruleReducer, stored.body);
  const [serverIssues, setServerIssues] = useState<RuleIssue[]>([]);
  const [published, setPublished] = useState(initialPublished);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const definitions = useRuleDefinitions(formsUsed(rule));
  const dispatch = useCallback((change: RuleChange) => {
    setServerIssues([]);
    dispatchRaw(change);
  }, []);

  const localIssues = useMemo<RuleIssue[]>(() => {
    try {
      return validateDefinition('rule', rule, {
        locale,
        context: ruleCheckContext({
          forms: definitions.forms.map((f) => f.key),
          flows: definitions.flows.map((f) => f.key),
          fields: definitions.infos,
          stages: definitions.stages,
        }),
      });
    } catch {
      return [];
    }
  }, [rule, definitions, locale]);
  const issues = [
    ...localIssues,
    ...serverIssues.filter((s) => !localIssues.some((l) => l.path === s.path && l.code === s.code)),
  ];

  const recordFields = definitions.fields.get(rule.trigger.form) ?? [];
  const conditionFields = useMemo(
    () => ruleConditionFields(recordFields, rule.aggregates),
    [recordFields, rule.aggregates],
  );
  const aggregateNames = Object.keys(rule.aggregates ?? {});
  const groupFields = [...new Set(Object.values(rule.aggregates ?? {}).flatMap((a) => a.groupBy ?? []))];

  const run = async (what: 'save' | 'publish' | 'toggle') => {
    setBusy(true);
    setMessage(null);
    const body =
      what === 'toggle' ? ruleReducer(rule, { type: 'enabled', enabled: !published.enabled }) : rule;
    try {
      await rulesApi.saveDraft(rule.key, body);
      if (what === 'toggle') dispatchRaw({ type: 'replace', rule: body });
      if (what === 'save') {
        setMessage({ text: t('toolbar.saved'), error: false });
      } else {
        const done = await rulesApi.publish(rule.key);
        setPublished({ version: done.version, enabled: done.body.enabled });
        const key =
          what === 'publish'
            ? 'toolbar.published'
            : done.body.enabled
              ? 'toolbar.enabledNow'
              : 'toolbar.disabledNow';
        setMessage({ text: t(key, { version: done.version }), error: false });
        setRefresh((n) => n + 1);
      }
      setServerIssues([]);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length > 0) setServerIssues(err.issues);
      setMessage({ text: t('toolbar.failed', { message: (err as Error).message }), error: true });
    }
    setBusy(false);
  };

  const settingsIssues = issuesFor(issues, { part: 'settings' });

  return (
    <div className="rule-designer">
      <h1>{pickText(rule.title, locale) || rule.key}</h1>
      <RuleToolbar
        publishedVersion={published.version}
        publishedEnabled={published.enabled}
        busy={busy}
        message={message}
        onSave={() => void run('save')}
        onPublish={() => void run('publish')}
        onToggle={() => void run('toggle')}
      />
      {issues.length > 0 ? (
        <p className="error small" role="note">
          {t('issues.title')}: {issues.length}
        </p>
      ) : null}
      <RuleSettings rule={rule} issues={settingsIssues} dispatch={dispatch} />
      <div className="rule-columns">
        <div className="rule-column">
          <TriggerSection rule={rule} definitions={definitions} issues={issues} dispatch={dispatch} />
          <section className="card rule-section" aria-labelledby="rule-aggregates-title">
            <h2 id="rule-aggregates-title">{t('aggregates.title')}</h2>
            {Object.entries(rule.aggregates ?? {}).map(([name, aggregate]) => (
              <AggregateEditor
                key={name}
                name={name}
                aggregate={aggregate}
                taken={aggregateNames}
                definitions={definitions}
                issues={issuesFor(issues, { part: 'aggregate', name })}
                dispatch={dispatch}
              />
            ))}
            <button
              type="button"
              onClick={() =>
                dispatch({
                  type: 'aggregate-add',
                  name: freshAggregateName(aggregateNames),
                  aggregate: newAggregate(rule.trigger.form),
                })
              }
            >
              {t('aggregates.add')}
            </button>
          </section>
          <section className="card rule-section" aria-labelledby="rule-condition-title">
            <h2 id="rule-condition-title">{t('condition.title')}</h2>
            {rule.condition === undefined ? <p className="muted small">{t('condition.always')}</p> : null}
            <ConditionBuilder
              fields={conditionFields}
              value={rule.condition}
              label={t('condition.label')}
              onChange={(condition) => dispatch({ type: 'condition', condition })}
            />
            <IssueNotes issues={issuesFor(issues, { part: 'condition' })} />
          </section>
        </div>
        <div className="rule-column">
          <section className="card rule-section" aria-labelledby="rule-actions-title">
            <h2 id="rule-actions-title">{t('actions.title')}</h2>
            {rule.actions.map((action, index) => (
              <ActionEditor
                key={index}
                index={index}
                count={rule.actions.length}
                action={action}
                createdForm={createdFormBefore(rule, index)}
                recordFields={recordFields}
                aggregates={aggregateNames}
                groupFields={groupFields}
                definitions={definitions}
                issues={issuesFor(issues, { part: 'action', index })}
                dispatch={dispatch}
              />
            ))}
            <label>
              {t('actions.add')}
              <select
                value=""
                onChange={(e) => {
                  if (!e.target.value) return;
                  dispatch({
                    type: 'action-add',
                    action: newAction(e.target.value as (typeof ACTION_TYPES)[number], {
                      target: definitions.forms.find((f) => f.key !== rule.trigger.form)?.key,
                      flow: definitions.flows[0]?.key,
                    }),
                  });
                }}
              >
                <option value="">—</option>
                {ACTION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`action.${type}`)}
                  </option>
                ))}
              </select>
            </label>
          </section>
          <DryRunPanel ruleKey={rule.key} published={published.version !== null} />
          <FiringHistory ruleKey={rule.key} refresh={refresh} />
        </div>
      </div>
    </div>
  );
}

function TriggerSection(props: {
  rule: RuleDefinition;
  definitions: ReturnType<typeof useRuleDefinitions>;
  issues: RuleIssue[];
  dispatch(change: RuleChange): void;
}) {
  return (
    <TriggerEditor
      trigger={props.rule.trigger}
      definitions={props.definitions}
      issues={issuesFor(props.issues, { part: 'trigger' })}
      dispatch={props.dispatch}
    />
  );
}

export function RuleDesignerPage() {
  const t = useRulesT();
  const { key = '' } = useParams();
  const [loaded, setLoaded] = useState<{ stored: StoredRule; published: Published } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setLoaded(null);
    rulesApi
      .current(key)
      .then(async (stored) => ({ stored, published: await publishedOf(key, stored) }))
      .then(setLoaded, (err: Error) => setError(err.message));
  }, [key]);

  if (error)
    return (
      <p className="error pad" role="alert">
        {t('page.loadFailed', { message: error })}
      </p>
    );
  if (!loaded) return <p className="muted pad">{t('page.loading')}</p>;
  return <RuleEditor key={key} stored={loaded.stored} initialPublished={loaded.published} />;
}
