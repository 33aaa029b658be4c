/**
 * @module The data of the report: its form, and optionally a related form joined on a field equality
 * (tickets with their surveys: `ticket.id = survey.ticket`), kept when unmatched (left join).
 */
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { FormListItem } from '../forms/forms-api';
import { useFieldName } from './field-list';
import type { JoinDraft } from './report-draft';
import type { ReportFieldOption } from './report-fields';
import { reportsMessages } from './reports-messages';

interface SourcePickerProps {
  forms: readonly FormListItem[];
  form: string;
  join: JoinDraft | undefined;
  sourceFields: readonly ReportFieldOption[];
  joinedFields: readonly ReportFieldOption[];
  onForm(form: string): void;
  onJoin(join: JoinDraft | undefined): void;
  issues: React.ReactNode;
}

/** A joined field's name inside its own form: `survey.ticket` → `ticket`. */
const ownField = (name: string, alias: string) =>
  name.startsWith(`${alias}.`) ? name.slice(alias.length + 1) : name;

const aliasOf = (form: string) => form.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '') || 'joined';

export function SourcePicker({
  forms,
  form,
  join,
  sourceFields,
  joinedFields,
  onForm,
  onJoin,
  issues,
}: SourcePickerProps) {
  const t = useMessages(reportsMessages);
  const { locale } = useLocale();
  const fieldName = useFieldName();
  const title = (f: FormListItem) => pickText(f.title ?? undefined, locale) || f.key;
  return (
    <section className="card report-source" aria-labelledby="report-source-title">
      <h2 id="report-source-title">{t('source.title')}</h2>
      <label htmlFor="report-source-form">{t('source.form')}</label>
      <select id="report-source-form" value={form} onChange={(e) => onForm(e.target.value)}>
        <option value="">{t('source.pick')}</option>
        {forms.map((f) => (
          <option key={f.key} value={f.key}>
            {title(f)}
          </option>
        ))}
      </select>
      {form !== '' && (
        <label>
          {t('source.join')}
          <select
            value={join?.form ?? ''}
            onChange={(e) =>
              onJoin(
                e.target.value === ''
                  ? undefined
                  : { form: e.target.value, as: aliasOf(e.target.value), source: 'id', joined: '' },
              )
            }
          >
            <option value="">{t('source.noJoin')}</option>
            {forms
              .filter((f) => f.key !== form)
              .map((f) => (
                <option key={f.key} value={f.key}>
                  {title(f)}
                </option>
              ))}
          </select>
        </label>
      )}
      {join && (
        <div className="report-join">
          <label>
            {t('source.joinSource')}
            <select value={join.source} onChange={(e) => onJoin({ ...join, source: e.target.value })}>
              <option value="id">id</option>
              {sourceFields.map((f) => (
                <option key={f.name} value={f.name}>
                  {fieldName(f, f.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('source.joinJoined')}
            <select value={join.joined} onChange={(e) => onJoin({ ...join, joined: e.target.value })}>
              <option value="">—</option>
              {joinedFields.map((f) => (
                // The join names the related form's own field (`ticket`); the list carries the
                // report's prefixed name (`survey.ticket`) used by dimensions and measures.
                <option key={f.name} value={ownField(f.name, join.as)}>
                  {fieldName(f, f.name)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {issues}
    </section>
  );
}
