/**
 * @module Every file the record holds — attachment and signature fields, at any depth (sections,
 * group rows) — as links to `GET /api/attachments/:hash`, grouped by field.
 */
import type { FieldDefinition, FormDefinition } from '../../engine';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { FileLinks, isFile, type FileValue } from './field-value';
import { recordMessages } from './record-messages';

interface FieldFiles {
  key: string;
  label: string;
  files: FileValue[];
}

function collect(
  fields: FieldDefinition[],
  data: Record<string, unknown>,
  pick: (f: FieldDefinition) => string,
): FieldFiles[] {
  return fields.flatMap((field): FieldFiles[] => {
    if (field.type === 'section') return collect(field.fields, data, pick);
    const value = data[field.key];
    if (field.type === 'group') {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      return rows.flatMap((row, i) =>
        collect(field.fields, row ?? {}, (f) => `${pick(field)} ${i + 1} · ${pick(f)}`),
      );
    }
    if (field.type !== 'attachment' && field.type !== 'signature') return [];
    const files = (Array.isArray(value) ? value : [value]).filter(isFile);
    return files.length > 0 ? [{ key: field.key, label: pick(field), files }] : [];
  });
}

export function RecordAttachments({
  form,
  data,
}: {
  form: FormDefinition | null;
  data: Record<string, unknown>;
}) {
  const t = useMessages(recordMessages);
  const { locale } = useLocale();
  const groups = form ? collect(form.fields, data, (f) => pickText(f.label, locale) || f.key) : [];
  return (
    <section className="card record-attachments" aria-labelledby="record-attachments-title">
      <h2 id="record-attachments-title">{t('attachments')}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('noAttachments')}</p>
      ) : (
        groups.map((g, i) => (
          <div key={`${g.key}-${i}`}>
            <h3>{g.label}</h3>
            <FileLinks files={g.files} />
          </div>
        ))
      )}
    </section>
  );
}
