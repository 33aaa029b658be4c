/**
 * @module The shared filters of a dashboard: add one from a preset (date range on `createdAt`, team,
 * product line, customer tier) or a custom one; edit its key, kind, label in zh-CN and en, the field
 * it filters by default, the field per report on the dashboard (when a report names it differently)
 * and, for a choice, its options. The engine's issues of a filter are shown inside it.
 */
import { useId, useState, type Dispatch, type ReactNode } from 'react';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { DashboardAction, FilterItem, FilterKind, FilterPreset } from './dashboard-draft';
import { IssueList } from './dashboard-edit-issue-list';
import type { PointerIssue } from './dashboard-edit-issues';
import { dashboardEditMessages } from './dashboard-edit-messages';

const PRESETS: FilterPreset[] = ['dateRange', 'team', 'productLine', 'customerTier', 'custom'];
const KINDS: FilterKind[] = ['dateRange', 'select'];

interface Props {
  filters: readonly FilterItem[];
  /** The reports on the dashboard (each once), with the name to show. */
  reports: readonly { key: string; name: string }[];
  dispatch: Dispatch<DashboardAction>;
  issuesOf(index: number): readonly PointerIssue[];
  /** Problems of the filters as a whole. */
  issues?: ReactNode;
}

export function FilterDefinitionsEditor({ filters, reports, dispatch, issuesOf, issues }: Props) {
  const t = useMessages(dashboardEditMessages);
  const { locale } = useLocale();
  const [preset, setPreset] = useState<FilterPreset>('dateRange');
  const presetId = useId();

  return (
    <section className="card dashboard-edit-filters" aria-labelledby="dashboard-filters-title">
      <h2 id="dashboard-filters-title">{t('filters.title')}</h2>
      <p className="muted small">{t('filters.hint')}</p>
      <div className="row">
        <div className="dashboard-edit-select">
          <label htmlFor={presetId}>{t('filters.preset')}</label>
          <select id={presetId} value={preset} onChange={(e) => setPreset(e.target.value as FilterPreset)}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`preset.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => dispatch({ type: 'addFilter', preset })}>
          {t('filters.add')}
        </button>
      </div>
      {issues}
      {filters.length === 0 && <p className="muted">{t('filters.empty')}</p>}
      {filters.map((f, index) => {
        const name = pickText(f.label, locale) || f.key;
        const update = (patch: Partial<Omit<FilterItem, 'id'>>) =>
          dispatch({ type: 'updateFilter', id: f.id, patch });
        const own = issuesOf(index);
        return (
          <fieldset key={f.id} className="dashboard-edit-filter" data-testid="dashboard-filter">
            <legend>{t('filters.legend', { name })}</legend>
            <div className="dashboard-edit-fields">
              <label>
                {t('filters.key')}
                <input
                  type="text"
                  value={f.key}
                  autoCapitalize="off"
                  onChange={(e) => update({ key: e.target.value.trim() })}
                />
              </label>
              <div className="dashboard-edit-select">
                <label htmlFor={`${f.id}-kind`}>{t('filters.kind')}</label>
                <select
                  id={`${f.id}-kind`}
                  value={f.kind}
                  onChange={(e) => update({ kind: e.target.value as FilterKind })}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <label>
                {t('filters.labelZh')}
                <input
                  type="text"
                  value={f.label?.['zh-CN'] ?? ''}
                  onChange={(e) => update({ label: { ...f.label, 'zh-CN': e.target.value } })}
                />
              </label>
              <label>
                {t('filters.labelEn')}
                <input
                  type="text"
                  value={f.label?.en ?? ''}
                  onChange={(e) => update({ label: { ...f.label, en: e.target.value } })}
                />
              </label>
              <label>
                {t('filters.field')}
                <input
                  type="text"
                  className="mono"
                  value={f.field}
                  autoCapitalize="off"
                  aria-describedby={`${f.id}-field-hint`}
                  onChange={(e) => update({ field: e.target.value.trim() })}
                />
              </label>
            </div>
            <small id={`${f.id}-field-hint`} className="muted">
              {t('filters.fieldHint')}
            </small>
            {reports.length > 0 && (
              <div className="dashboard-edit-overrides">
                <h3>{t('filters.overrides')}</h3>
                <div className="dashboard-edit-fields">
                  {reports.map((r) => (
                    <label key={r.key}>
                      {t('filters.override', { name: r.name })}
                      <input
                        type="text"
                        className="mono"
                        value={f.fields[r.key] ?? ''}
                        placeholder={f.field || t('filters.sameField')}
                        autoCapitalize="off"
                        onChange={(e) =>
                          dispatch({ type: 'setFilterField', id: f.id, report: r.key, field: e.target.value })
                        }
                      />
                    </label>
                  ))}
                </div>
              </div>
            )}
            {f.kind === 'select' && (
              <label>
                {t('filters.options')}
                <textarea
                  rows={3}
                  value={f.optionsText}
                  aria-describedby={`${f.id}-options-hint`}
                  onChange={(e) => update({ optionsText: e.target.value })}
                />
              </label>
            )}
            {f.kind === 'select' && (
              <small id={`${f.id}-options-hint`} className="muted">
                {t('filters.optionsHint')}
              </small>
            )}
            <IssueList issues={own} testId={`issues-filter-${index}`} />
            <button
              type="button"
              className="link-button"
              aria-label={t('filters.remove', { name })}
              onClick={() => dispatch({ type: 'removeFilter', id: f.id })}
            >
              {t('filters.remove', { name })}
            </button>
          </fieldset>
        );
      })}
    </section>
  );
}
