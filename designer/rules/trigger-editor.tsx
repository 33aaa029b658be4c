/**
 * @module The rule's trigger: record created / updated, stage entered (the stage picked from the
 * form's flow), SLA warning / breach (optionally of one stage), or a schedule (every day / week /
 * month at a wall time in the rule's time zone), and the form it watches.
 */
import type { RuleTrigger } from '../../engine/rules/rule-definition.schema';
import { pickText, useLocale } from '../i18n/locale-context';
import { IssueNotes } from './issue-notes';
import { TRIGGER_TYPES, type RuleChange } from './rule-draft';
import type { RuleIssue } from './rule-issues';
import { useRulesT } from './rules-messages';
import type { RuleDefinitions } from './use-rule-definitions';

interface TriggerEditorProps {
  trigger: RuleTrigger;
  definitions: RuleDefinitions;
  issues: readonly RuleIssue[];
  dispatch(change: RuleChange): void;
}

export function TriggerEditor({ trigger, definitions, issues, dispatch }: TriggerEditorProps) {
  const t = useRulesT();
  const { locale } = useLocale();
  const set = (next: RuleTrigger) => dispatch({ type: 'trigger', trigger: next });
  const flows = definitions.flows.filter((f) => f.form === trigger.form || f.form === null);
  const staged =
    trigger.type === 'stage.entered' || trigger.type === 'sla.warning' || trigger.type === 'sla.breach';
  const flowKey = staged ? (trigger.flow ?? flows[0]?.key ?? '') : '';
  const stages = definitions.flows.find((f) => f.key === flowKey)?.stages ?? [];

  return (
    <section className="card rule-section" aria-labelledby="rule-trigger-title">
      <h2 id="rule-trigger-title">{t('trigger.title')}</h2>
      <div className="rule-fields">
        <label>
          {t('trigger.type')}
          <select
            value={trigger.type}
            onChange={(e) =>
              dispatch({ type: 'trigger-type', trigger: e.target.value as RuleTrigger['type'] })
            }
          >
            {TRIGGER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`trigger.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trigger.form')}
          <select
            value={trigger.form}
            onChange={(e) => set({ ...trigger, form: e.target.value } as RuleTrigger)}
          >
            {definitions.forms.some((f) => f.key === trigger.form) ? null : (
              <option value={trigger.form}>{trigger.form}</option>
            )}
            {definitions.forms.map((f) => (
              <option key={f.key} value={f.key}>
                {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
              </option>
            ))}
          </select>
        </label>
        {staged ? (
          <>
            <label>
              {t('trigger.flow')}
              <select
                value={trigger.flow ?? ''}
                onChange={(e) => {
                  const { flow: _f, stage: _s, ...rest } = trigger;
                  const next = e.target.value ? { ...rest, flow: e.target.value } : rest;
                  set((trigger.type === 'stage.entered' ? { ...next, stage: '' } : next) as RuleTrigger);
                }}
              >
                <option value="">—</option>
                {flows.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('trigger.stage')}
              <select
                value={trigger.stage ?? ''}
                onChange={(e) => {
                  const { stage: _s, ...rest } = trigger;
                  const flow = trigger.flow ?? (flowKey || undefined);
                  const next = { ...rest, ...(flow ? { flow } : {}) };
                  set(
                    (e.target.value || trigger.type === 'stage.entered'
                      ? { ...next, stage: e.target.value }
                      : next) as RuleTrigger,
                  );
                }}
              >
                <option value="">{trigger.type === 'stage.entered' ? '—' : t('trigger.anyStage')}</option>
                {stages.map((stage) => (
                  <option key={stage} value={stage}>
                    {stage}
                  </option>
                ))}
                {trigger.stage && !stages.includes(trigger.stage) ? (
                  <option value={trigger.stage}>{trigger.stage}</option>
                ) : null}
              </select>
            </label>
          </>
        ) : null}
        {trigger.type === 'schedule' ? (
          <>
            <label>
              {t('trigger.every')}
              <select
                value={trigger.schedule.every}
                onChange={(e) =>
                  set({
                    ...trigger,
                    schedule: { ...trigger.schedule, every: e.target.value as 'day' | 'week' | 'month' },
                  })
                }
              >
                {(['day', 'week', 'month'] as const).map((every) => (
                  <option key={every} value={every}>
                    {t(`every.${every}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('trigger.at')}
              <input
                type="time"
                value={trigger.schedule.at}
                onChange={(e) => set({ ...trigger, schedule: { ...trigger.schedule, at: e.target.value } })}
              />
            </label>
          </>
        ) : null}
      </div>
      <IssueNotes issues={issues} />
    </section>
  );
}
