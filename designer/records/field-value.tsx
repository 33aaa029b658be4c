/**
 * @module A stored value shown as its field type reads: option labels for choices, yes / no, numbers
 * and money in the UI locale, dates and instants in local time, ratings out of their scale, regions
 * as a path, people by name, files as links to `GET /api/attachments/:hash`, and a repeating group as
 * a small table of its rows.
 */
import type { FieldDefinition } from '../../engine';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale, type UiLocale } from '../i18n/locale-context';
import { personName, type Person } from './definition-cache';
import { attachmentUrl } from './record-api';
import { recordMessages } from './record-messages';

type Option = { value: string; label?: { 'zh-CN'?: string; en?: string } };

export interface FileValue {
  hash: string;
  name: string;
  size?: number;
  contentType?: string;
}

export const isFile = (value: unknown): value is FileValue =>
  typeof value === 'object' && value !== null && typeof (value as FileValue).hash === 'string';

const SCALES: Record<string, number> = { rating: 5, nps: 10, ces: 7 };

function optionText(field: FieldDefinition, value: unknown, locale: UiLocale): string {
  const options = ((field as { options?: Option[] }).options ?? []) as Option[];
  const one = (v: unknown) => {
    const option = options.find((o) => o.value === v);
    return option ? pickText(option.label, locale) || option.value : String(v);
  };
  return Array.isArray(value) ? value.map(one).join(locale === 'zh-CN' ? '、' : ', ') : one(value);
}

function dateText(value: string, locale: UiLocale, withTime: boolean): string {
  const at = withTime ? new Date(value) : new Date(`${value}T00:00:00`);
  if (Number.isNaN(at.getTime())) return value;
  return withTime ? at.toLocaleString(locale) : at.toLocaleDateString(locale);
}

export function FileLinks({ files }: { files: FileValue[] }) {
  return (
    <ul className="file-links">
      {files.map((file) => (
        <li key={file.hash}>
          <a href={attachmentUrl(file)} target="_blank" rel="noreferrer">
            {file.name || file.hash.slice(0, 12)}
          </a>
          {file.size !== undefined && (
            <span className="muted"> ({Math.max(1, Math.round(file.size / 1024))} KB)</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export interface FieldValueProps {
  field: FieldDefinition;
  value: unknown;
  people: readonly Person[];
}

export function FieldValue({ field, value, people }: FieldValueProps) {
  const { locale } = useLocale();
  const t = useMessages(recordMessages);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return <span className="muted">{t('empty')}</span>;
  switch (field.type) {
    case 'select':
    case 'radio':
    case 'product':
      return <>{optionText(field, value, locale)}</>;
    case 'checkbox':
      return <>{value === true ? t('yes') : t('no')}</>;
    case 'number':
    case 'integer':
      return <>{typeof value === 'number' ? value.toLocaleString(locale) : String(value)}</>;
    case 'money': {
      const currency = (field as { currency?: string }).currency ?? 'CNY';
      return (
        <>
          {typeof value === 'number'
            ? value.toLocaleString(locale, { style: 'currency', currency })
            : String(value)}
        </>
      );
    }
    case 'date':
    case 'datetime':
      return (
        <>{typeof value === 'string' ? dateText(value, locale, field.type === 'datetime') : String(value)}</>
      );
    case 'rating':
    case 'nps':
    case 'ces':
      return <>{`${String(value)} / ${SCALES[field.type]}`}</>;
    case 'region': {
      const parts = value as Record<string, unknown>;
      return (
        <>
          {['province', 'city', 'district']
            .map((k) => parts[k])
            .filter(Boolean)
            .join(' / ')}
        </>
      );
    }
    case 'user':
      return <>{typeof value === 'string' ? personName(people, value) : String(value)}</>;
    case 'attachment':
      return <FileLinks files={(Array.isArray(value) ? value : []).filter(isFile)} />;
    case 'signature':
      return isFile(value) ? <FileLinks files={[value]} /> : <>{String(value)}</>;
    case 'textarea':
      return <span className="multiline">{String(value)}</span>;
    case 'group':
      return <GroupRows field={field} rows={Array.isArray(value) ? value : []} people={people} />;
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}

function GroupRows({
  field,
  rows,
  people,
}: {
  field: Extract<FieldDefinition, { type: 'group' }>;
  rows: unknown[];
  people: readonly Person[];
}) {
  const { locale } = useLocale();
  const columns = field.fields.filter((f) => f.type !== 'section' && f.type !== 'group');
  return (
    <div className="group-rows">
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key}>{pickText(c.label, locale) || c.key}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key}>
                  <FieldValue field={c} value={(row as Record<string, unknown>)?.[c.key]} people={people} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
