/** @module Who an assignment or notification goes to: a fixed user, a role, or the user in a field. */
import type { Recipient } from '../../engine/rules/rule-definition.schema';
import { useLocale } from '../i18n/locale-context';
import { fieldName } from './field-name';
import type { LabelledField } from './rule-fields';
import { useRulesT } from './rules-messages';

type RecipientKind = 'user' | 'role' | 'field';

const kindOf = (r: Recipient): RecipientKind => ('user' in r ? 'user' : 'role' in r ? 'role' : 'field');
const valueOf = (r: Recipient): string => ('user' in r ? r.user : 'role' in r ? r.role : r.field);

export function RecipientInput({
  value,
  fields,
  label,
  onChange,
}: {
  value: Recipient;
  fields: readonly LabelledField[];
  label: string;
  onChange(next: Recipient): void;
}) {
  const t = useRulesT();
  const { locale } = useLocale();
  const kind = kindOf(value);
  const make = (k: RecipientKind, v: string): Recipient =>
    k === 'user' ? { user: v } : k === 'role' ? { role: v } : { field: v };
  return (
    <div className="rule-recipient" role="group" aria-label={label}>
      <select
        aria-label={`${label}: ${t('recipient.kind')}`}
        value={kind}
        onChange={(e) => {
          const k = e.target.value as RecipientKind;
          onChange(make(k, k === 'field' ? (fields[0]?.key ?? '') : ''));
        }}
      >
        {(['user', 'role', 'field'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`recipient.${k}`)}
          </option>
        ))}
      </select>
      {kind === 'field' ? (
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
      ) : (
        <input
          aria-label={`${label}: ${t('recipient.value')}`}
          value={valueOf(value)}
          onChange={(e) => onChange(make(kind, e.target.value.trim()))}
        />
      )}
    </div>
  );
}
