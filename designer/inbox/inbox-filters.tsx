/** @module The inbox's filters: form, stage, SLA level, priority and a text search, each a labelled control. */
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { DefinitionSummary } from '../records/definition-cache';
import { SLA_LEVELS } from '../sla/sla-level';
import { NO_FILTERS, type TaskFilters } from './inbox-api';
import type { InboxLabels } from './inbox-labels';
import { inboxMessages } from './inbox-messages';
import { PRIORITIES, priorityLabel } from './priority';

export interface InboxFiltersProps {
  filters: TaskFilters;
  onChange(filters: TaskFilters): void;
  forms: readonly DefinitionSummary[];
  labels: InboxLabels;
}

export function InboxFilters({ filters, onChange, forms, labels }: InboxFiltersProps) {
  const t = useMessages(inboxMessages);
  const { locale } = useLocale();
  const set = (patch: Partial<TaskFilters>) => onChange({ ...filters, ...patch });
  const active = Object.values(filters).some((v) => v !== '');
  return (
    <fieldset className="inbox-filters">
      <legend className="visually-hidden">{t('filters')}</legend>
      <label>
        {t('form')}
        <select value={filters.form} onChange={(e) => set({ form: e.target.value, stage: '' })}>
          <option value="">{t('any')}</option>
          {forms.map((f) => (
            <option key={f.key} value={f.key}>
              {(f.title ? pickText(f.title, locale) : '') || f.key}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stage')}
        <select value={filters.stage} onChange={(e) => set({ stage: e.target.value })}>
          <option value="">{t('any')}</option>
          {labels.stages(filters.form).map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sla')}
        <select value={filters.sla} onChange={(e) => set({ sla: e.target.value })}>
          <option value="">{t('any')}</option>
          {SLA_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`sla.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('priority')}
        <select value={filters.priority} onChange={(e) => set({ priority: e.target.value })}>
          <option value="">{t('any')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityLabel(t, p)}
            </option>
          ))}
        </select>
      </label>
      <label className="inbox-search">
        {t('search')}
        <input
          type="search"
          value={filters.q}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => set({ q: e.target.value })}
        />
      </label>
      {active && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          {t('clear')}
        </button>
      )}
    </fieldset>
  );
}
