/**
 * @module The small inputs of the property panel, one per kind of setting in the engine's meta-schema:
 * bilingual text, yes / no, a number, one of a list, free text, a list of strings. Each shows the
 * problems found in its property beneath it, tied to the input with `aria-describedby`.
 */
import { useId, type ReactNode } from 'react';
import { useMessages } from '../i18n/define-messages';
import { formsMessages } from './forms-messages';

type Localized = { 'zh-CN'?: string; en?: string };

export function IssueMessages({ messages, id }: { messages: readonly string[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <span className="error property-issue" role="alert" id={id}>
      {messages.join(' ')}
    </span>
  );
}

/** Drops empty languages; `undefined` when none is left (an empty label is not allowed). */
export function localized(value: Localized): Localized | undefined {
  const out: Localized = {};
  if (value['zh-CN']) out['zh-CN'] = value['zh-CN'];
  if (value.en) out.en = value.en;
  return Object.keys(out).length > 0 ? out : undefined;
}

export interface DescribedProps {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** A labelled input with its hint and problems below it. */
export function Described({
  label,
  hint,
  issues = [],
  inline,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  issues?: readonly string[];
  inline?: boolean;
  children(described: DescribedProps): ReactNode;
}) {
  const id = useId();
  const ids = [hint ? `${id}-hint` : '', issues.length ? `${id}-issues` : ''].filter(Boolean).join(' ');
  const described: DescribedProps = {};
  if (ids) described['aria-describedby'] = ids;
  if (issues.length) described['aria-invalid'] = true;
  return (
    <div className="described">
      <label className={inline ? 'inline' : undefined}>
        {inline ? children(described) : label}
        {inline ? label : children(described)}
      </label>
      {hint && (
        <small className="muted" id={`${id}-hint`}>
          {hint}
        </small>
      )}
      <IssueMessages messages={issues} id={`${id}-issues`} />
    </div>
  );
}

interface LocalizedInputProps {
  name: string;
  value: unknown;
  onChange(value: Localized | undefined): void;
  issues?: readonly string[];
  multiline?: boolean;
}

/** The same text in zh-CN and en. */
export function LocalizedInput({ name, value, onChange, issues = [], multiline }: LocalizedInputProps) {
  const t = useMessages(formsMessages);
  const current = (typeof value === 'object' && value !== null ? value : {}) as Localized;
  const set = (locale: 'zh-CN' | 'en', text: string) => onChange(localized({ ...current, [locale]: text }));
  const input = (locale: 'zh-CN' | 'en', label: string, own: readonly string[]) => (
    <Described label={label} issues={own}>
      {(d) =>
        multiline ? (
          <textarea
            rows={2}
            {...d}
            value={current[locale] ?? ''}
            onChange={(e) => set(locale, e.target.value)}
          />
        ) : (
          <input
            type="text"
            {...d}
            value={current[locale] ?? ''}
            onChange={(e) => set(locale, e.target.value)}
          />
        )
      }
    </Described>
  );
  return (
    <div className="property-localized">
      {input('zh-CN', t('panel.zh', { name }), [])}
      {input('en', t('panel.en', { name }), issues)}
    </div>
  );
}

interface SimpleProps<T> {
  name: string;
  value: unknown;
  onChange(value: T | undefined): void;
  issues?: readonly string[];
  hint?: ReactNode;
}

export function BooleanInput({ name, value, onChange, issues = [] }: SimpleProps<boolean>) {
  return (
    <Described label={name} issues={issues} inline>
      {(d) => (
        <input
          type="checkbox"
          {...d}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked || undefined)}
        />
      )}
    </Described>
  );
}

export function NumberInput({
  name,
  value,
  onChange,
  issues = [],
  hint,
  integer,
}: SimpleProps<number> & { integer?: boolean }) {
  return (
    <Described label={name} hint={hint} issues={issues}>
      {(d) => (
        <input
          type="number"
          step={integer ? 1 : 'any'}
          {...d}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )}
    </Described>
  );
}

export function TextInput({ name, value, onChange, issues = [], hint }: SimpleProps<string>) {
  return (
    <Described label={name} hint={hint} issues={issues}>
      {(d) => (
        <input
          type="text"
          {...d}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      )}
    </Described>
  );
}

export function ChoiceInput({
  name,
  value,
  onChange,
  issues = [],
  choices,
}: SimpleProps<string> & { choices: readonly { value: string; label: string }[] }) {
  const t = useMessages(formsMessages);
  return (
    <Described label={name} issues={issues}>
      {(d) => (
        <select
          {...d}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{t('panel.unset')}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Described>
  );
}

/** A list of strings typed as comma-separated text (applied when the input loses focus). */
export function ListInput({ name, value, onChange, issues = [], hint }: SimpleProps<string[]>) {
  const text = Array.isArray(value) ? value.join(', ') : '';
  return (
    <Described label={name} hint={hint} issues={issues}>
      {(d) => (
        <input
          type="text"
          {...d}
          defaultValue={text}
          key={text}
          onBlur={(e) => {
            const items = e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
            onChange(items.length > 0 ? items : undefined);
          }}
        />
      )}
    </Described>
  );
}
