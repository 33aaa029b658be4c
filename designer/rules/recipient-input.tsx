/**
 * @module Who an assignment or notification goes to: a fixed user (picked by name from the people the
 * runtime knows, stored by id), a role (typed, with the roles people hold as suggestions — an app role
 * nobody holds yet may still be named), the user in a field, or the owner from a reference form (a
 * lookup, `lookup-recipient-input.tsx`).
 */
import { useEffect, useId, useState } from 'react';
import type { Recipient } from '../../engine/rules/rule-definition.schema';
import { useLocale } from '../i18n/locale-context';
import { people as loadPeople, type Person } from '../records/definition-cache';
import { fieldName } from './field-name';
import { LookupRecipientInput, newLookup } from './lookup-recipient-input';
import type { LabelledField } from './rule-fields';
import type { DefinitionSummary } from './rules-api';
import { useRulesT } from './rules-messages';

type RecipientKind = 'user' | 'role' | 'field' | 'lookup';
const KINDS: readonly RecipientKind[] = ['user', 'role', 'field', 'lookup'];

const kindOf = (r: Recipient): RecipientKind =>
  'user' in r ? 'user' : 'role' in r ? 'role' : 'field' in r ? 'field' : 'lookup';
const valueOf = (r: Recipient): string =>
  'user' in r ? r.user : 'role' in r ? r.role : 'field' in r ? r.field : '';

const NO_FORMS: readonly DefinitionSummary[] = [];
const NO_FIELDS: ReadonlyMap<string, readonly LabelledField[]> = new Map();

export function RecipientInput({
  value,
  fields,
  label,
  onChange,
  forms = NO_FORMS,
  formFields = NO_FIELDS,
}: {
  value: Recipient;
  /** Fields of the record the action reads: for the field recipient and a lookup's match values. */
  fields: readonly LabelledField[];
  label: string;
  onChange(next: Recipient): void;
  /** The stored forms a lookup may read. */
  forms?: readonly DefinitionSummary[];
  /** Fields of the forms loaded so far, by form key. */
  formFields?: ReadonlyMap<string, readonly LabelledField[]>;
}) {
  const t = useRulesT();
  const { locale } = useLocale();
  const kind = kindOf(value);
  const listId = useId();
  const [people, setPeople] = useState<readonly Person[]>([]);
  useEffect(() => {
    // Without the list the user picker still shows the stored id, and a role can still be typed.
    loadPeople().then(setPeople, () => setPeople([]));
  }, []);
  const roles = [...new Set(people.flatMap((p) => p.roles))].sort();
  const current = valueOf(value);
  const make = (k: Exclude<RecipientKind, 'lookup'>, v: string): Recipient =>
    k === 'user' ? { user: v } : k === 'role' ? { role: v } : { field: v };
  const pick = (k: RecipientKind): Recipient => {
    if (k !== 'lookup') return make(k, k === 'field' ? (fields[0]?.key ?? '') : '');
    const form = forms[0]?.key ?? '';
    return { lookup: newLookup(form, formFields.get(form) ?? []) };
  };
  return (
    <div className="rule-recipient" role="group" aria-label={label}>
      <select
        aria-label={`${label}: ${t('recipient.kind')}`}
        value={kind}
        onChange={(e) => onChange(pick(e.target.value as RecipientKind))}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`recipient.${k}`)}
          </option>
        ))}
      </select>
      {'lookup' in value ? (
        <LookupRecipientInput
          value={value.lookup}
          label={label}
          forms={forms}
          formFields={formFields}
          recordFields={fields}
          onChange={(lookup) => onChange({ lookup })}
        />
      ) : kind === 'field' ? (
        <select
          aria-label={`${label}: ${t('recipient.value')}`}
          value={valueOf(value)}
          onChange={(e) => onChange(make('field', e.target.value))}
        >
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {fieldName(f, locale)}
            </option>
          ))}
        </select>
      ) : kind === 'user' ? (
        <select
          aria-label={`${label}: ${t('recipient.value')}`}
          value={current}
          onChange={(e) => onChange(make('user', e.target.value))}
        >
          <option value="">{t('recipient.pickUser')}</option>
          {current !== '' && !people.some((p) => p.id === current) ? (
            <option value={current}>{current}</option>
          ) : null}
          {people
            .filter((p) => p.active || p.id === current)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName ? `${p.displayName} (${p.username})` : p.username}
              </option>
            ))}
        </select>
      ) : (
        <>
          <input
            aria-label={`${label}: ${t('recipient.value')}`}
            list={listId}
            value={current}
            onChange={(e) => onChange(make('role', e.target.value.trim()))}
          />
          <datalist id={listId}>
            {roles.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </>
      )}
    </div>
  );
}
