/**
 * @module The panel of the selected stage: its problems, key and name in both languages, initial /
 * final / waiting-for-customer roles, owner and assignment, fields required to leave, SLA clocks,
 * and its transitions out (select one, or add one to another stage). Every edit is a draft action.
 */
import { useState, type Dispatch } from 'react';
import { useLocale } from '../i18n/locale-context';
import { STAGE_KEY_PATTERN } from './draft-stage-ops';
import { hasOwn, ownPolicyKeys, type FlowDoc, type Text } from './flow-doc';
import type { FlowDraftAction } from './flow-draft-state';
import type { IssueLike } from './flow-issues';
import type { RoleSummary } from './flows-api';
import { useFlowsT } from './flows-messages';
import { PanelIssues } from './issue-list';
import type { LabelledField, SlaDimensions } from './sla-dimensions';
import { stageLabel } from './stage-label';
import { RequiredFieldsPicker, StageOwnerFields } from './stage-owner-fields';
import { StageSlaSection } from './stage-sla-section';
import { listTransitions } from './transition-ref';

export interface StagePanelProps {
  doc: FlowDoc;
  stage: string;
  issues: readonly IssueLike[] | undefined;
  fields: readonly LabelledField[] | undefined;
  dimensions: SlaDimensions;
  roles: readonly RoleSummary[];
  calendars: readonly string[];
  dispatch: Dispatch<FlowDraftAction>;
}

function StageKeyInput({ doc, stage, dispatch }: Pick<StagePanelProps, 'doc' | 'stage' | 'dispatch'>) {
  const t = useFlowsT();
  const [error, setError] = useState(false);
  const commit = (value: string) => {
    if (value === stage) return setError(false);
    const ok = STAGE_KEY_PATTERN.test(value) && !hasOwn(doc.machine.states, value);
    setError(!ok);
    if (ok) dispatch({ type: 'rename-stage', stage, to: value });
  };
  return (
    <label>
      {t('stage.key')}
      <input
        key={stage}
        defaultValue={stage}
        aria-invalid={error}
        onBlur={(e) => commit(e.target.value.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {error ? <small className="error">{t('stage.keyInvalid')}</small> : null}
    </label>
  );
}

function StageTransitions({ doc, stage, dispatch }: Pick<StagePanelProps, 'doc' | 'stage' | 'dispatch'>) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const others = Object.keys(doc.machine.states).filter((s) => s !== stage);
  const [target, setTarget] = useState('');
  const out = listTransitions(doc).filter((tr) => tr.stage === stage);
  return (
    <section className="panel-section">
      <h3>{t('stage.transitions')}</h3>
      {out.length === 0 ? <p className="muted">{t('stage.noTransitions')}</p> : null}
      <ul className="plain-list">
        {out.map((tr) => (
          <li key={tr.path}>
            <button
              type="button"
              className="link-button"
              onClick={() => dispatch({ type: 'select', selection: { kind: 'transition', id: tr.path } })}
            >
              {tr.event ?? tr.delay ?? t('graph.always')} →{' '}
              {tr.target ? stageLabel(doc, tr.target, locale) : '—'}
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <label className="grow">
          {t('stage.addTransition')}
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">—</option>
            {others.map((s) => (
              <option key={s} value={s}>
                {stageLabel(doc, s, locale)} ({s})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={target === ''}
          onClick={() => {
            dispatch({ type: 'add-transition', source: stage, target });
            setTarget('');
          }}
        >
          {t('stage.add')}
        </button>
      </div>
    </section>
  );
}

export function StagePanel(props: StagePanelProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const { doc, stage, issues, dispatch } = props;
  const config = doc.machine.states[stage];
  if (!config) return null;
  const final = config.type === 'final';
  const label: Text = config.meta?.label ?? {};
  const setLabel = (lang: keyof Text, text: string) => {
    const next: Text = { ...label, [lang]: text };
    if (!text) delete next[lang];
    dispatch({
      type: 'stage-meta',
      stage,
      patch: { label: Object.keys(next).length === 0 ? undefined : next },
    });
  };
  return (
    <section className="panel stage-panel" aria-labelledby="stage-panel-title">
      <h2 id="stage-panel-title">{t('stage.heading', { name: stageLabel(doc, stage, locale) })}</h2>
      <PanelIssues issues={issues} />
      <StageKeyInput doc={doc} stage={stage} dispatch={dispatch} />
      <label>
        {t('stage.nameZh')}
        <input value={label['zh-CN'] ?? ''} onChange={(e) => setLabel('zh-CN', e.target.value)} />
      </label>
      <label>
        {t('stage.nameEn')}
        <input value={label.en ?? ''} onChange={(e) => setLabel('en', e.target.value)} />
      </label>
      {doc.machine.initial === stage ? (
        <p className="muted">{t('stage.isInitial')}</p>
      ) : (
        <button type="button" onClick={() => dispatch({ type: 'set-initial', stage })}>
          {t('stage.makeInitial')}
        </button>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={final}
          onChange={(e) => dispatch({ type: 'set-final', stage, final: e.target.checked })}
        />
        {t('stage.final')}
      </label>
      {final ? (
        <label>
          {t('stage.outcome')}
          <select
            value={config.meta?.outcome ?? 'completed'}
            onChange={(e) =>
              dispatch({
                type: 'stage-meta',
                stage,
                patch: { outcome: e.target.value as 'completed' | 'cancelled' },
              })
            }
          >
            <option value="completed">{t('stage.outcome.completed')}</option>
            <option value="cancelled">{t('stage.outcome.cancelled')}</option>
          </select>
        </label>
      ) : (
        <label className="inline">
          <input
            type="checkbox"
            checked={config.meta?.waiting === true}
            onChange={(e) =>
              dispatch({ type: 'stage-meta', stage, patch: { waiting: e.target.checked || undefined } })
            }
          />
          {t('stage.waiting')}
        </label>
      )}
      {final ? null : (
        <>
          <StageOwnerFields stage={stage} config={config} roles={props.roles} dispatch={dispatch} />
          <RequiredFieldsPicker stage={stage} config={config} fields={props.fields} dispatch={dispatch} />
        </>
      )}
      {!final || ownPolicyKeys(config).length > 0 ? <StageSlaSection {...props} /> : null}
      {final ? null : <StageTransitions doc={doc} stage={stage} dispatch={dispatch} />}
      <button type="button" className="danger" onClick={() => dispatch({ type: 'delete-stage', stage })}>
        {t('stage.delete')}
      </button>
    </section>
  );
}
