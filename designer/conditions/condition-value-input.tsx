/**
 * @module The value part of one comparison, with an input that fits the field: text, a number, the
 * survey scale or the field's options as a select, ticks for "any of", a date or date-time picker.
 */
import { useId } from 'react';
import { pickText, useLocale } from '../i18n/locale-context';
import { scaleOf } from '../forms/engine-field-types';
import type { ConditionField } from './condition-builder';
import type { ValueKind } from './condition-operators';
import { fromLocalInput, toLocalInput } from './local-datetime';

interface ValueInputProps {
  field: ConditionField | undefined;
  kind: ValueKind;
  value: unknown;
  onChange(value: unknown): void;
  label: string;
  chooseLabel: string;
}

function optionText(field: ConditionField | undefined, value: string, locale: 'zh-CN' | 'en'): string {
  const label = field?.optionLabels?.[value];
  return label === undefined ? value : pickText(label, locale) || value;
}

export function ValueInput({ field, kind, value, onChange, label, chooseLabel }: ValueInputProps) {
  const { locale } = useLocale();
  const text = value === undefined || value === null ? '' : String(value);
  switch (kind) {
    case 'number':
      return (
        <input
          type="number"
          step="any"
          aria-label={label}
          value={text}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'scale': {
      const scale = (field && scaleOf(field.type)) ?? { min: 0, max: 10 };
      const steps = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
      return (
        <select
          aria-label={label}
          value={text}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        >
          <option value="">{chooseLabel}</option>
          {steps.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      );
    }
    case 'choice':
    case 'multiChoice':
      return (
        <select aria-label={label} value={text} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="">{chooseLabel}</option>
          {(field?.options ?? []).map((o) => (
            <option key={o} value={o}>
              {optionText(field, o, locale)}
            </option>
          ))}
        </select>
      );
    case 'date':
      return (
        <input
          type="date"
          aria-label={label}
          value={text}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      );
    case 'datetime':
      return (
        <input
          type="datetime-local"
          aria-label={label}
          value={toLocalInput(value)}
          onChange={(e) => onChange(fromLocalInput(e.target.value))}
        />
      );
    default:
      return <input type="text" aria-label={label} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}

interface ListInputProps {
  field: ConditionField | undefined;
  value: unknown;
  onChange(value: unknown[]): void;
  label: string;
}

/** Ticks for "is any of": the field's options (or the values already in the list). */
export function ValueListInput({ field, value, onChange, label }: ListInputProps) {
  const { locale } = useLocale();
  const id = useId();
  const chosen = Array.isArray(value) ? value : [];
  const options = [
    ...(field?.options ?? []),
    ...chosen.map(String).filter((v) => !field?.options?.includes(v)),
  ];
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...chosen, option] : chosen.filter((v) => String(v) !== option));
  return (
    <div role="group" aria-label={label} className="condition-list">
      {options.map((o, i) => (
        <label key={o} className="inline" htmlFor={`${id}-${i}`}>
          <input
            id={`${id}-${i}`}
            type="checkbox"
            checked={chosen.map(String).includes(o)}
            onChange={(e) => toggle(o, e.target.checked)}
          />
          {optionText(field, o, locale)}
        </label>
      ))}
    </div>
  );
}
