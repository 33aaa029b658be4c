/**
 * @module The report's filters as the engine's schema has them (field, operator, value — not
 * JSON-Logic, so not the shared condition builder): one row per filter, lists comma-separated.
 */
import { FILTER_OPS, type FilterOp } from '../../engine/reports/report-filter.schema';
import { useMessages } from '../i18n/define-messages';
import { useLocale } from '../i18n/locale-context';
import { useFieldName } from './field-list';
import { newId, type FilterItem } from './report-draft';
import type { ReportFieldOption } from './report-fields';
import { FILTER_OP_LABELS, reportsMessages } from './reports-messages';

interface FilterEditorProps {
  fields: readonly ReportFieldOption[];
  filters: FilterItem[];
  onChange(next: FilterItem[]): void;
  issues: React.ReactNode;
}

const LIST_OPS: readonly FilterOp[] = ['in', 'nin', 'between'];

export function FilterEditor({ fields, filters, onChange, issues }: FilterEditorProps) {
  const t = useMessages(reportsMessages);
  const { locale } = useLocale();
  const fieldName = useFieldName();
  const set = (id: string, patch: Partial<FilterItem>) =>
    onChange(filters.map((f) => (f.id === id ? { ...f, ...patch } : f)));
  return (
    <section className="card report-filters" aria-labelledby="report-filters-title">
      <h2 id="report-filters-title">{t('filters.title')}</h2>
      {filters.length === 0 && <p className="muted small">{t('filters.empty')}</p>}
      <ul>
        {filters.map((f) => (
          <li key={f.id} className="report-filter" data-testid="filter">
            <select
              aria-label={t('filters.field')}
              value={f.field}
              onChange={(e) => set(f.id, { field: e.target.value })}
            >
              {fields.map((x) => (
                <option key={x.name} value={x.name}>
                  {fieldName(x, x.name)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('filters.op')}
              value={f.op}
              onChange={(e) => set(f.id, { op: e.target.value as FilterOp })}
            >
              {FILTER_OPS.map((op) => (
                <option key={op} value={op}>
                  {FILTER_OP_LABELS[locale][op]}
                </option>
              ))}
            </select>
            {f.op !== 'empty' && f.op !== 'notEmpty' && (
              <input
                type="text"
                aria-label={t('filters.value')}
                placeholder={LIST_OPS.includes(f.op) ? t('filters.listHint') : ''}
                value={f.text}
                onChange={(e) => set(f.id, { text: e.target.value })}
              />
            )}
            <button
              type="button"
              className="small"
              aria-label={t('filters.remove')}
              onClick={() => onChange(filters.filter((x) => x.id !== f.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        disabled={fields.length === 0}
        onClick={() => onChange([...filters, { id: newId('f'), field: fields[0]!.name, op: 'eq', text: '' }])}
      >
        {t('filters.add')}
      </button>
      {issues}
    </section>
  );
}
