/**
 * @module A stage's SLA: its own clocks (policies named in `meta.sla`), each with its business
 * calendar, warning fractions, what a priority change does and its tier × priority targets; a button
 * to give the stage a clock, and a note of the clocks spanning several stages that also run here.
 */
import type { Dispatch } from 'react';
import { pickText, useLocale } from '../i18n/locale-context';
import { ownPolicyKeys, type FlowDoc, type SlaPolicyDoc } from './flow-doc';
import type { FlowDraftAction } from './flow-draft-state';
import { useFlowsT } from './flows-messages';
import type { SlaDimensions } from './sla-dimensions';
import { SlaTable } from './sla-table';

export interface StageSlaSectionProps {
  doc: FlowDoc;
  stage: string;
  dimensions: SlaDimensions;
  calendars: readonly string[];
  dispatch: Dispatch<FlowDraftAction>;
}

/** `"50, 80"` → `[0.5, 0.8]`; what is not a number is left out. */
export function parseWarnAt(text: string): number[] {
  return text
    .split(/[,，\s]+/)
    .filter((s) => s !== '')
    .map((s) => Number(s.replace('%', '')) / 100)
    .filter((n) => Number.isFinite(n));
}

const formatWarnAt = (warnAt: readonly number[] | undefined) =>
  (warnAt ?? []).map((f) => String(Math.round(f * 10000) / 100)).join(', ');

function PolicyEditor({
  policy,
  doc,
  stage,
  dimensions,
  calendars,
  dispatch,
}: StageSlaSectionProps & { policy: SlaPolicyDoc }) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const update = (patch: Parameters<typeof updateAction>[1]) => dispatch(updateAction(policy.key, patch));
  const name = pickText(policy.title, locale) || policy.key;
  return (
    <fieldset className="sla-policy">
      <legend>{t('sla.policy', { name })}</legend>
      <label>
        {t('sla.calendar')}
        <select
          value={policy.calendar ?? ''}
          onChange={(e) => update({ calendar: e.target.value || undefined })}
        >
          <option value="">{t('sla.flowCalendar', { calendar: doc.calendar ?? 'always-open' })}</option>
          {calendars.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sla.warnAt')}
        <input
          key={formatWarnAt(policy.warnAt)}
          defaultValue={formatWarnAt(policy.warnAt)}
          placeholder={t('sla.warnAtHint')}
          inputMode="decimal"
          onBlur={(e) => {
            const warnAt = parseWarnAt(e.target.value);
            update({ warnAt: warnAt.length === 0 ? undefined : warnAt });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </label>
      <label>
        {t('sla.priorityChange')}
        <select
          value={policy.onPriorityChange}
          onChange={(e) => update({ onPriorityChange: e.target.value as SlaPolicyDoc['onPriorityChange'] })}
        >
          <option value="restart">{t('sla.restart')}</option>
          <option value="keep-elapsed">{t('sla.keep-elapsed')}</option>
        </select>
      </label>
      <SlaTable
        targets={policy.targets}
        dimensions={dimensions}
        onChange={(targets) => update({ targets })}
      />
      <button
        type="button"
        className="link-button danger"
        onClick={() => dispatch({ type: 'remove-policy', stage, policy: policy.key })}
      >
        {t('sla.remove')}
      </button>
    </fieldset>
  );
}

function updateAction(
  policy: string,
  patch: Extract<FlowDraftAction, { type: 'update-policy' }>['patch'],
): FlowDraftAction {
  return { type: 'update-policy', policy, patch };
}

export function StageSlaSection(props: StageSlaSectionProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const { doc, stage, dispatch } = props;
  const config = doc.machine.states[stage];
  const own = ownPolicyKeys(config);
  const policies = doc.sla?.policies ?? [];
  const spanning = policies.filter((p) => p.stages?.includes(stage));
  const label = config?.meta?.label ?? {};
  return (
    <section className="panel-section">
      <h3>{t('sla.title')}</h3>
      {own.length === 0 ? <p className="muted">{t('sla.none')}</p> : null}
      {own.map((key) => {
        const policy = policies.find((p) => p.key === key);
        return policy ? <PolicyEditor key={key} {...props} policy={policy} /> : null;
      })}
      {spanning.length > 0 ? (
        <p className="muted small">
          {t('sla.spanning', { names: spanning.map((p) => pickText(p.title, locale) || p.key).join(', ') })}
        </p>
      ) : null}
      {own.length === 0 && config?.type !== 'final' ? (
        <button
          type="button"
          onClick={() =>
            dispatch({
              type: 'add-policy',
              stage,
              title: {
                'zh-CN': `${label['zh-CN'] ?? stage}时效`,
                en: `${label.en ?? stage} within`,
              },
            })
          }
        >
          {t('sla.add')}
        </button>
      ) : null}
    </section>
  );
}
