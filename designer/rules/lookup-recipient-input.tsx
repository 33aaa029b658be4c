/**
 * @module The "owner from a reference form" recipient: pick the reference form (e.g. `product-line`),
 * the field of its records holding the user (user-type fields offered first), and up to four match
 * rows — a field of the reference form equal to a field of the record the action reads. At run time
 * the most recently updated matching record's user is the one assigned or notified.
 */
import { useEffect } from 'react';
import type { LookupRecipient } from '../../engine/rules/rule-definition.schema';
import { pickText, useLocale } from '../i18n/locale-context';
import { fieldName } from './field-name';
import type { LabelledField } from './rule-fields';
import type { DefinitionSummary } from './rules-api';
import { useRulesT } from './rules-messages';

/** The most match rows the definition allows. */
export const MAX_LOOKUP_MATCHES = 4;

/** User-type fields first (the usual owner field), then the rest; lists (multiple) cannot hold one user. */
export function ownerFieldCandidates(fields: readonly LabelledField[]): LabelledField[] {
  const single = fields.filter((f) => !f.multiple && f.type !== 'group');
  return [...single.filter((f) => f.type === 'user'), ...single.filter((f) => f.type !== 'user')];
}

/** A fresh lookup in `form`: its first user field as the owner, no match rows yet. */
export function newLookup(form: string, fields: readonly LabelledField[]): LookupRecipient {
  return { form, match: {}, field: ownerFieldCandidates(fields)[0]?.key ?? '' };
}

const matchable = (fields: readonly LabelledField[]) =>
  fields.filter((f) => !f.multiple && f.type !== 'group' && !f.key.includes('.'));

function FieldOptions({ fields, current }: { fields: readonly LabelledField[]; current: string }) {
  const { locale } = useLocale();
  return (
    <>
      {current !== '' && !fields.some((f) => f.key === current) ? (
        <option value={current}>{current}</option>
      ) : null}
      {current === '' ? <option value="">—</option> : null}
      {fields.map((f) => (
        <option key={f.key} value={f.key}>
          {fieldName(f, locale)}
        </option>
      ))}
    </>
  );
}

export function LookupRecipientInput({
  value,
  label,
  forms,
  formFields,
  recordFields,
  onChange,
}: {
  value: LookupRecipient;
  label: string;
  forms: readonly DefinitionSummary[];
  /** Fields of the forms loaded so far, by form key. */
  formFields: ReadonlyMap<string, readonly LabelledField[]>;
  /** Fields of the record the action reads (the match values come from it). */
  recordFields: readonly LabelledField[];
  onChange(next: LookupRecipient): void;
}) {
  const t = useRulesT();
  const { locale } = useLocale();
  const lookupFields = formFields.get(value.form) ?? [];
  const keys = matchable(lookupFields);
  const sources = matchable(recordFields);
  const rows = Object.entries(value.match);
  const setRows = (next: [string, string][]) => onChange({ ...value, match: Object.fromEntries(next) });
  const unused = keys.filter((f) => !(f.key in value.match));
  // A form picked before its fields had loaded gets its owner field once they arrive.
  const firstOwner = ownerFieldCandidates(lookupFields)[0]?.key;
  useEffect(() => {
    if (value.field === '' && firstOwner !== undefined) onChange({ ...value, field: firstOwner });
  }, [value, firstOwner, onChange]);

  return (
    <div className="rule-lookup" role="group" aria-label={`${label}: ${t('recipient.lookup')}`}>
      <label>
        {t('lookup.form')}
        <select
          aria-label={`${label}: ${t('lookup.form')}`}
          value={value.form}
          onChange={(e) => onChange(newLookup(e.target.value, formFields.get(e.target.value) ?? []))}
        >
          {forms.some((f) => f.key === value.form) ? null : (
            <option value={value.form}>{value.form || '—'}</option>
          )}
          {forms.map((f) => (
            <option key={f.key} value={f.key}>
              {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('lookup.field')}
        <select
          aria-label={`${label}: ${t('lookup.field')}`}
          value={value.field}
          onChange={(e) => onChange({ ...value, field: e.target.value })}
        >
          <FieldOptions fields={ownerFieldCandidates(lookupFields)} current={value.field} />
        </select>
      </label>
      <span className="muted small">{t('lookup.matchTitle')}</span>
      {rows.map(([key, source], i) => {
        const n = i + 1;
        const own = keys.filter((f) => f.key === key || !(f.key in value.match));
        const replace = (k: string, s: string) =>
          setRows(rows.map((row, j): [string, string] => (j === i ? [k, s] : row)));
        return (
          <div key={i} className="row rule-lookup-match">
            <select
              aria-label={`${label}: ${t('lookup.matchKey', { n })}`}
              value={key}
              onChange={(e) => replace(e.target.value, source)}
            >
              <FieldOptions fields={own} current={key} />
            </select>
            <span aria-hidden="true">=</span>
            <select
              aria-label={`${label}: ${t('lookup.matchValue', { n })}`}
              value={source}
              onChange={(e) => replace(key, e.target.value)}
            >
              <FieldOptions fields={sources} current={source} />
            </select>
            <button
              type="button"
              className="link-button danger"
              aria-label={`${label}: ${t('lookup.matchRemove', { n })}`}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="link-button"
        disabled={rows.length >= MAX_LOOKUP_MATCHES || unused.length === 0 || sources.length === 0}
        onClick={() => {
          const key = unused[0]!.key;
          // Same key on both sides is the usual case (`model` = `model`); else the first record field.
          const source = sources.find((f) => f.key === key)?.key ?? sources[0]!.key;
          setRows([...rows, [key, source]]);
        }}
      >
        {t('lookup.matchAdd')}
      </button>
      {rows.length === 0 ? <p className="muted small">{t('lookup.matchHint')}</p> : null}
    </div>
  );
}
