/** @module Shows a form diff: the fields added, removed and changed (with each changed property before → after). */
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { FieldSummary, FormDiff, PropertyChange } from './field-diff';
import { isEmptyDiff } from './field-diff';
import { useFieldTypeNames } from './field-type-messages';
import { formsMessages } from './forms-messages';

function isLocalized(value: unknown): value is { 'zh-CN'?: string; en?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.keys(value).every((k) => k === 'zh-CN' || k === 'en');
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (isLocalized(value)) return [value['zh-CN'], value.en].filter(Boolean).join(' / ');
  const json = JSON.stringify(value);
  return json.length > 120 ? json.slice(0, 117) + '…' : json;
}

export function VersionDiff({ diff }: { diff: FormDiff }) {
  const t = useMessages(formsMessages);
  const { locale } = useLocale();
  const { typeName, propertyName } = useFieldTypeNames();
  if (isEmptyDiff(diff)) return <p className="muted">{t('diff.none')}</p>;
  const title = (f: FieldSummary) => {
    const label = pickText(f.label as { en?: string } | undefined, locale);
    return label ? `${label} (${f.path})` : f.path;
  };
  const change = (c: PropertyChange) => {
    const place = c.property === 'place';
    const name = place ? t('diff.place') : propertyName(c.property);
    const value = (v: unknown) => (place && v === null ? t('diff.top') : shown(v));
    return (
      <li key={c.property} data-property={c.property}>
        <strong>{name}</strong>: <del>{value(c.before)}</del> → <ins>{value(c.after)}</ins>
      </li>
    );
  };
  const list = (heading: string, items: FieldSummary[], className: string) =>
    items.length > 0 && (
      <div className={`diff-block ${className}`}>
        <h3>
          {heading} ({items.length})
        </h3>
        <ul>
          {items.map((f) => (
            <li key={f.path}>
              {title(f)} <span className="muted">· {typeName(f.type)}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="version-diff" aria-live="polite">
      {list(t('diff.added'), diff.added, 'added')}
      {list(t('diff.removed'), diff.removed, 'removed')}
      {diff.changed.length > 0 && (
        <div className="diff-block changed">
          <h3>
            {t('diff.changed')} ({diff.changed.length})
          </h3>
          <ul>
            {diff.changed.map((f) => (
              <li key={f.path}>
                {title(f)}
                <ul>{f.properties.map(change)}</ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.header.length > 0 && (
        <div className="diff-block changed">
          <h3>{t('diff.form')}</h3>
          <ul>
            {diff.header.map((c) => (
              <li key={c.property}>
                <strong>
                  {c.property === 'title'
                    ? t('panel.formTitle')
                    : c.property === 'description'
                      ? t('panel.formDescription')
                      : c.property}
                </strong>
                : <del>{shown(c.before)}</del> → <ins>{shown(c.after)}</ins>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
