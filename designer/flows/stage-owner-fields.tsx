/**
 * @module Who owns a stage and how the runtime picks the person: the owner role and the assignment
 * strategy, each strategy explained (the engine's `stageOwnerSchema` has no settings beyond these
 * two; what `skills` matches is fixed by the runtime and said here). Also the fields that must be
 * filled in before a ticket may leave the stage, picked from the flow's form.
 */
import type { Dispatch } from 'react';
import { pickText, useLocale } from '../i18n/locale-context';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy, type StageDoc } from './flow-doc';
import type { FlowDraftAction } from './flow-draft-state';
import type { RoleSummary } from './flows-api';
import { useFlowsT } from './flows-messages';
import type { LabelledField } from './sla-dimensions';

export interface StageOwnerFieldsProps {
  stage: string;
  config: StageDoc;
  roles: readonly RoleSummary[];
  dispatch: Dispatch<FlowDraftAction>;
}

export function StageOwnerFields({ stage, config, roles, dispatch }: StageOwnerFieldsProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const owner = config.meta?.owner;
  const strategy: AssignmentStrategy = owner?.strategy ?? 'round-robin';
  const setOwner = (role: string, next: AssignmentStrategy) =>
    dispatch({
      type: 'stage-meta',
      stage,
      patch: { owner: role === '' ? undefined : { role, strategy: next } },
    });
  return (
    <section className="panel-section">
      <h3>{t('stage.owner')}</h3>
      <label>
        {t('stage.ownerRole')}
        <select value={owner?.role ?? ''} onChange={(e) => setOwner(e.target.value, strategy)}>
          <option value="">{t('stage.noOwner')}</option>
          {roles.map((r) => (
            <option key={r.key} value={r.key}>
              {r.title ? `${pickText(r.title, locale)} (${r.key})` : r.key}
            </option>
          ))}
        </select>
      </label>
      {owner ? (
        <label>
          {t('stage.strategy')}
          <select
            value={strategy}
            onChange={(e) => setOwner(owner.role, e.target.value as AssignmentStrategy)}
            aria-describedby={`strategy-hint-${stage}`}
          >
            {ASSIGNMENT_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {t(`strategy.${s}`)}
              </option>
            ))}
          </select>
          <small id={`strategy-hint-${stage}`} className="muted">
            {t(`strategy.${strategy}.hint`)}
          </small>
        </label>
      ) : null}
    </section>
  );
}

export interface RequiredFieldsPickerProps {
  stage: string;
  config: StageDoc;
  /** The form's fields; undefined when the flow names no form (or it is not loaded). */
  fields: readonly LabelledField[] | undefined;
  dispatch: Dispatch<FlowDraftAction>;
}

export function RequiredFieldsPicker({ stage, config, fields, dispatch }: RequiredFieldsPickerProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const chosen = config.meta?.requiredFields ?? [];
  // Only top-level fields: a stage cannot require a field inside a repeating group's rows.
  const offered = (fields ?? []).filter((f) => !f.key.includes('.'));
  const unknown = chosen.filter((k) => !offered.some((f) => f.key === k));
  const toggle = (key: string, on: boolean) => {
    const set = new Set(chosen);
    if (on) set.add(key);
    else set.delete(key);
    const ordered = [...offered.map((f) => f.key), ...unknown].filter((k) => set.has(k));
    dispatch({
      type: 'stage-meta',
      stage,
      patch: { requiredFields: ordered.length === 0 ? undefined : ordered },
    });
  };
  return (
    <fieldset className="panel-section required-fields">
      <legend>{t('stage.required')}</legend>
      {fields === undefined ? <p className="muted small">{t('stage.requiredNoForm')}</p> : null}
      <div className="check-grid">
        {[
          ...offered.map((f) => ({ key: f.key, label: pickText(f.label, locale) || f.key })),
          ...unknown.map((k) => ({ key: k, label: k })),
        ].map(({ key, label }) => (
          <label key={key} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(key)}
              onChange={(e) => toggle(key, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
