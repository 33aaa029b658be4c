/**
 * @module The panel of the selected transition: its problems, event name, target stage, button text,
 * the roles allowed to take it, and its guard, built with the shared ConditionBuilder over the form's
 * fields (variables under `data.`, as the engine evaluates guards over `{ data, context, event }`) or
 * typed as JSON-Logic. Delayed and automatic transitions say when they are taken.
 */
import { useState, type Dispatch } from 'react';
import { ConditionBuilder } from '../conditions/condition-builder';
import { pickText, useLocale } from '../i18n/locale-context';
import { EVENT_NAME_PATTERN, guardLogic, guardName } from './draft-transition-ops';
import { hasOwn, type FlowDoc, type Text } from './flow-doc';
import type { FlowDraftAction } from './flow-draft-state';
import type { IssueLike } from './flow-issues';
import type { RoleSummary } from './flows-api';
import { useFlowsT } from './flows-messages';
import { PanelIssues } from './issue-list';
import type { LabelledField } from './sla-dimensions';
import { stageLabel } from './stage-label';
import { listTransitions, parseTransitionId, readTransition } from './transition-ref';

/** The variable prefix of guard expressions: the engine's guard scope keeps record data under `data`. */
export const GUARD_VAR_PREFIX = 'data.';

export interface TransitionPanelProps {
  doc: FlowDoc;
  id: string;
  issues: readonly IssueLike[] | undefined;
  fields: readonly LabelledField[] | undefined;
  roles: readonly RoleSummary[];
  dispatch: Dispatch<FlowDraftAction>;
}

function EventNameInput({
  doc,
  id,
  dispatch,
  event,
}: Pick<TransitionPanelProps, 'doc' | 'id' | 'dispatch'> & { event: string }) {
  const t = useFlowsT();
  const [error, setError] = useState(false);
  const stage = parseTransitionId(id)?.stage ?? '';
  const commit = (value: string) => {
    if (value === event) return setError(false);
    const ok = EVENT_NAME_PATTERN.test(value) && !hasOwn(doc.machine.states[stage]?.on, value);
    setError(!ok);
    if (ok) dispatch({ type: 'rename-event', id, event: value });
  };
  return (
    <label>
      {t('transition.event')}
      <input
        key={id}
        defaultValue={event}
        aria-invalid={error}
        onBlur={(e) => commit(e.target.value.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {error ? <small className="error">{t('transition.eventInvalid')}</small> : null}
    </label>
  );
}

function RolesPicker({
  id,
  roles,
  chosen,
  dispatch,
}: {
  id: string;
  roles: readonly RoleSummary[];
  chosen: string[];
  dispatch: Dispatch<FlowDraftAction>;
}) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const [extra, setExtra] = useState('');
  const all = [...roles.map((r) => r.key), ...chosen.filter((k) => !roles.some((r) => r.key === k))];
  const set = (next: string[]) => dispatch({ type: 'update-transition', id, patch: { roles: next } });
  return (
    <fieldset className="panel-section">
      <legend>{t('transition.roles')}</legend>
      <small className="muted">{t('transition.rolesHint')}</small>
      <div className="check-grid">
        {all.map((key) => {
          const role = roles.find((r) => r.key === key);
          return (
            <label key={key} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(key)}
                onChange={(e) => set(e.target.checked ? [...chosen, key] : chosen.filter((k) => k !== key))}
              />
              {role?.title ? pickText(role.title, locale) : key}
            </label>
          );
        })}
      </div>
      <div className="row">
        <label className="grow">
          {t('transition.addRole')}
          <input value={extra} onChange={(e) => setExtra(e.target.value.trim())} />
        </label>
        <button
          type="button"
          disabled={!/^[a-z][a-z0-9_-]{0,63}$/.test(extra) || chosen.includes(extra)}
          onClick={() => {
            set([...chosen, extra]);
            setExtra('');
          }}
        >
          {t('transition.addRoleButton')}
        </button>
      </div>
    </fieldset>
  );
}

function GuardJson({
  id,
  logic,
  dispatch,
}: {
  id: string;
  logic: unknown;
  dispatch: Dispatch<FlowDraftAction>;
}) {
  const t = useFlowsT();
  const shown = logic === undefined ? '' : JSON.stringify(logic);
  const [text, setText] = useState(shown);
  const [error, setError] = useState(false);
  const [was, setWas] = useState(shown);
  if (was !== shown) {
    // The guard changed elsewhere (the builder, another transition): show it.
    setWas(shown);
    setText(shown);
    setError(false);
  }
  const apply = () => {
    if (text.trim() === '') return dispatch({ type: 'set-guard', id, logic: undefined });
    try {
      dispatch({ type: 'set-guard', id, logic: JSON.parse(text) as unknown });
      setError(false);
    } catch {
      setError(true);
    }
  };
  return (
    <details className="guard-json">
      <summary>{t('transition.guardJson')}</summary>
      <textarea
        rows={3}
        value={text}
        aria-label={t('transition.guardJson')}
        aria-invalid={error}
        onChange={(e) => setText(e.target.value)}
      />
      {error ? <small className="error">{t('transition.guardInvalid')}</small> : null}
      <button type="button" onClick={apply}>
        {t('transition.guardApply')}
      </button>
    </details>
  );
}

export function TransitionPanel({ doc, id, issues, fields, roles, dispatch }: TransitionPanelProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const ref = parseTransitionId(id);
  const tr = ref && readTransition(doc, ref);
  if (!ref || !tr) return null;
  const event = ref.kind === 'on' ? (ref.key ?? '') : (ref.key ?? t('graph.always'));
  const label: Text = tr.meta?.label ?? {};
  const setLabel = (lang: keyof Text, text: string) =>
    dispatch({ type: 'update-transition', id, patch: { label: { ...label, [lang]: text || undefined } } });
  const name = guardName(tr);
  const sharing = name === undefined ? 0 : listTransitions(doc).filter((x) => x.guard?.name === name).length;
  const logic = guardLogic(doc, tr);
  const delay = ref.kind === 'after' && ref.key !== undefined ? doc.delays?.[ref.key] : undefined;

  return (
    <section className="panel transition-panel" aria-labelledby="transition-panel-title">
      <h2 id="transition-panel-title">{t('transition.heading', { event })}</h2>
      <PanelIssues issues={issues} />
      <p className="muted">
        {t('transition.fromTo', {
          from: stageLabel(doc, ref.stage, locale),
          to: tr.target ? stageLabel(doc, tr.target, locale) : '—',
        })}
      </p>
      {ref.kind === 'on' ? <EventNameInput doc={doc} id={id} dispatch={dispatch} event={event} /> : null}
      {ref.kind === 'after' ? (
        <p className="muted small">
          {t('transition.delayed', {
            delay: ref.key ?? '',
            minutes: delay?.minutes ?? '?',
            business: delay?.business ? t('transition.business') : '',
          })}
        </p>
      ) : null}
      {ref.kind === 'always' ? <p className="muted small">{t('transition.always')}</p> : null}
      <label>
        {t('transition.target')}
        <select
          value={tr.target ?? ''}
          onChange={(e) => dispatch({ type: 'update-transition', id, patch: { target: e.target.value } })}
        >
          {Object.keys(doc.machine.states).map((s) => (
            <option key={s} value={s}>
              {stageLabel(doc, s, locale)} ({s})
            </option>
          ))}
        </select>
      </label>
      {ref.kind === 'on' ? (
        <>
          <label>
            {t('transition.labelZh')}
            <input value={label['zh-CN'] ?? ''} onChange={(e) => setLabel('zh-CN', e.target.value)} />
          </label>
          <label>
            {t('transition.labelEn')}
            <input value={label.en ?? ''} onChange={(e) => setLabel('en', e.target.value)} />
          </label>
          <RolesPicker id={id} roles={roles} chosen={tr.meta?.roles ?? []} dispatch={dispatch} />
        </>
      ) : null}
      <section className="panel-section guard">
        {sharing > 1 && name !== undefined ? (
          <p className="muted small">{t('transition.guardShared', { name, count: sharing })}</p>
        ) : null}
        <ConditionBuilder
          fields={fields ?? []}
          value={logic}
          onChange={(value) => dispatch({ type: 'set-guard', id, logic: value })}
          varPrefix={GUARD_VAR_PREFIX}
          label={t('transition.guard')}
        />
        <GuardJson id={id} logic={logic} dispatch={dispatch} />
        {logic !== undefined ? (
          <button
            type="button"
            className="link-button"
            onClick={() => dispatch({ type: 'set-guard', id, logic: undefined })}
          >
            {t('transition.guardRemove')}
          </button>
        ) : null}
      </section>
      <button type="button" className="danger" onClick={() => dispatch({ type: 'delete-transition', id })}>
        {t('transition.delete')}
      </button>
    </section>
  );
}
