/**
 * @module The panel shown when nothing is selected: the flow's own settings (name in both languages,
 * the form whose tickets it moves, the default business calendar of its SLA clocks, the initial stage).
 */
import type { Dispatch } from 'react';
import { pickText, useLocale } from '../i18n/locale-context';
import type { FlowDoc, Text } from './flow-doc';
import type { FlowDraftAction } from './flow-draft-state';
import type { DefinitionSummary } from './flows-api';
import { useFlowsT } from './flows-messages';
import { stageLabel } from './stage-label';

export interface FlowSettingsPanelProps {
  doc: FlowDoc;
  forms: readonly DefinitionSummary[];
  calendars: readonly string[];
  dispatch: Dispatch<FlowDraftAction>;
}

export function FlowSettingsPanel({ doc, forms, calendars, dispatch }: FlowSettingsPanelProps) {
  const t = useFlowsT();
  const { locale } = useLocale();
  const title: Text = doc.title ?? {};
  const setTitle = (lang: keyof Text, text: string) => {
    const next: Text = { ...title, [lang]: text };
    if (!text) delete next[lang];
    dispatch({ type: 'update-flow', patch: { title: Object.keys(next).length === 0 ? undefined : next } });
  };
  const formKeys = forms.map((f) => f.key);
  return (
    <section className="panel settings-panel" aria-labelledby="settings-panel-title">
      <h2 id="settings-panel-title">{t('settings.title')}</h2>
      <p className="muted small">{t('settings.hint')}</p>
      <label>
        {t('settings.key')}
        <input value={doc.key} readOnly />
      </label>
      <label>
        {t('settings.nameZh')}
        <input value={title['zh-CN'] ?? ''} onChange={(e) => setTitle('zh-CN', e.target.value)} />
      </label>
      <label>
        {t('settings.nameEn')}
        <input value={title.en ?? ''} onChange={(e) => setTitle('en', e.target.value)} />
      </label>
      <label>
        {t('settings.form')}
        <select
          value={doc.form ?? ''}
          onChange={(e) => dispatch({ type: 'update-flow', patch: { form: e.target.value } })}
        >
          <option value="">{t('settings.noForm')}</option>
          {doc.form !== undefined && !formKeys.includes(doc.form) ? (
            <option value={doc.form}>{doc.form}</option>
          ) : null}
          {forms.map((f) => (
            <option key={f.key} value={f.key}>
              {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.calendar')}
        <select
          value={doc.calendar ?? ''}
          onChange={(e) => dispatch({ type: 'update-flow', patch: { calendar: e.target.value } })}
        >
          <option value="">{t('settings.noCalendar')}</option>
          {doc.calendar !== undefined && !calendars.includes(doc.calendar) ? (
            <option value={doc.calendar}>{doc.calendar}</option>
          ) : null}
          {calendars.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.initial')}
        <select
          value={doc.machine.initial}
          onChange={(e) => dispatch({ type: 'set-initial', stage: e.target.value })}
        >
          {Object.keys(doc.machine.states).map((s) => (
            <option key={s} value={s}>
              {stageLabel(doc, s, locale)} ({s})
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
