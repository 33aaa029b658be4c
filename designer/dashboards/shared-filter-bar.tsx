/**
 * @module The dashboard's shared filters above its cards: a date range (from / to, with quick picks
 * this month / last 30 days / this quarter) and multi-selects of each select filter's options. The
 * values live in the page address (`filter-query.ts`), the one source the page reads them from, so a
 * filtered view survives a reload and can be bookmarked or sent on.
 */
import { useSearchParams } from 'react-router';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { QUICK_PICKS, quickPickRange } from './date-range-picks';
import { dashboardViewMessages } from './dashboard-view-messages';
import type { DashboardFilterView, SharedFilterValues } from './dashboards-api';
import { filterValuesFromQuery, queryWithFilterValues } from './filter-query';

interface SharedFilterBarProps {
  filters: readonly DashboardFilterView[];
  /** "Now" for the quick picks (tests inject a fixed day). */
  today?: () => Date;
}

export function SharedFilterBar({ filters, today = () => new Date() }: SharedFilterBarProps) {
  const t = useMessages(dashboardViewMessages);
  const { locale } = useLocale();
  const [query, setQuery] = useSearchParams();
  if (filters.length === 0) return null;
  const values = filterValuesFromQuery(query, filters);
  const set = (key: string, value: SharedFilterValues[string]) =>
    setQuery(
      (current) =>
        queryWithFilterValues(current, filters, { ...filterValuesFromQuery(current, filters), [key]: value }),
      {
        replace: true,
      },
    );
  const anySet = Object.keys(values).length > 0;

  return (
    <section className="card shared-filter-bar" aria-label={t('filters')}>
      {filters.map((filter) => {
        const label = pickText(filter.label ?? undefined, locale) || filter.key;
        const value = values[filter.key];
        if (filter.kind === 'dateRange') {
          const range = value && !Array.isArray(value) ? value : {};
          const setEnd = (end: 'from' | 'to', date: string) => {
            const next = { ...range, [end]: date || undefined };
            set(filter.key, next.from || next.to ? next : undefined);
          };
          return (
            <fieldset key={filter.key} className="filter-date-range">
              <legend>{label}</legend>
              <div className="row filter-dates">
                <label>
                  {t('from')}
                  <input
                    type="date"
                    value={range.from ?? ''}
                    max={range.to}
                    onChange={(e) => setEnd('from', e.target.value)}
                  />
                </label>
                <label>
                  {t('to')}
                  <input
                    type="date"
                    value={range.to ?? ''}
                    min={range.from}
                    onChange={(e) => setEnd('to', e.target.value)}
                  />
                </label>
              </div>
              <div className="row filter-picks">
                {QUICK_PICKS.map((pick) => {
                  const picked = quickPickRange(pick, today());
                  const active = range.from === picked.from && range.to === picked.to;
                  return (
                    <button
                      key={pick}
                      type="button"
                      aria-pressed={active}
                      onClick={() => set(filter.key, picked)}
                    >
                      {t(pick)}
                    </button>
                  );
                })}
                <button
                  type="button"
                  aria-pressed={!range.from && !range.to}
                  onClick={() => set(filter.key, undefined)}
                >
                  {t('anyDate')}
                </button>
              </div>
            </fieldset>
          );
        }
        const selected = Array.isArray(value) ? value.map(String) : [];
        // A value chosen in the address but gone from the options stays visible (and removable).
        const options = [...filter.options, ...selected.filter((v) => !filter.options.includes(v))];
        return (
          <div key={filter.key} className="filter-select">
            {/* Not wrapped in its label: the options' text would join the label's name. */}
            <label htmlFor={`filter-${filter.key}`}>{label}</label>
            <select
              id={`filter-${filter.key}`}
              multiple
              size={Math.min(Math.max(options.length, 2), 5)}
              value={selected}
              aria-describedby={`filter-hint-${filter.key}`}
              onChange={(e) => {
                const chosen = [...e.target.selectedOptions].map((o) => o.value);
                set(filter.key, chosen.length > 0 ? chosen : undefined);
              }}
            >
              {options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
            <span id={`filter-hint-${filter.key}`} className="muted small">
              {t('selectHint')}
            </span>
          </div>
        );
      })}
      <div className="filter-actions">
        <button
          type="button"
          disabled={!anySet}
          onClick={() =>
            setQuery((current) => queryWithFilterValues(current, filters, {}), { replace: true })
          }
        >
          {t('clearFilters')}
        </button>
      </div>
    </section>
  );
}
