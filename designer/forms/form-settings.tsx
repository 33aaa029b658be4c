/** @module The form's own settings (title and description in zh-CN and en), shown when no field is selected. */
import { useMessages } from '../i18n/define-messages';
import type { FormHeader } from './form-draft-state';
import { formsMessages } from './forms-messages';
import type { PlacedIssue } from './issue-paths';
import { LocalizedInput } from './property-inputs';

interface FormSettingsProps {
  header: FormHeader;
  onChange(patch: Record<string, unknown>): void;
  issues?: readonly PlacedIssue[];
}

export function FormSettings({ header, onChange, issues = [] }: FormSettingsProps) {
  const t = useMessages(formsMessages);
  const issuesOf = (property: string) =>
    issues.filter((p) => p.property === property).map((p) => p.issue.message);
  return (
    <section className="property-panel" aria-label={t('panel.form')}>
      <h2>{t('panel.form')}</h2>
      <p className="muted">{t('panel.none')}</p>
      <LocalizedInput
        name={t('panel.formTitle')}
        value={header.title}
        issues={issuesOf('title')}
        onChange={(title) => onChange({ title })}
      />
      <LocalizedInput
        name={t('panel.formDescription')}
        value={header.description}
        multiline
        issues={issuesOf('description')}
        onChange={(description) => onChange({ description })}
      />
    </section>
  );
}
