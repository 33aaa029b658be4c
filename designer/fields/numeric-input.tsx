/**
 * @module The number input the numeric controls share. It keeps the text being typed ("1.", "-") and
 * reports a number when the text is one, null when empty, and the text itself otherwise — so the
 * engine, not the browser, says what is wrong with it.
 */
import { useEffect, useState } from 'react';
import { controlAttributes } from './control-attributes';
import type { FieldControlProps } from './field-props';

/** The value for a typed text: a number, null for nothing, the text when it is not a number. */
export function parseNumber(text: string): number | string | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed) ? n : text;
}

const textOf = (value: unknown) =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : '';

export function NumericInput(
  props: Omit<FieldControlProps, 'field' | 'label'> & {
    decimals: boolean;
    min?: number;
    max?: number;
    placeholder?: string;
  },
) {
  const { value, onChange, readOnly, decimals, min, max, placeholder } = props;
  const [text, setText] = useState(() => textOf(value));
  // A value set from outside (a reset, a computed result) replaces the text unless it says the same.
  useEffect(() => {
    if (parseNumber(text) !== (value ?? null) && textOf(value) !== text) setText(textOf(value));
  }, [value]);
  return (
    <input
      {...controlAttributes<HTMLInputElement>(props, 'readOnly')}
      type="text"
      inputMode={decimals ? 'decimal' : 'numeric'}
      value={readOnly ? textOf(value) : text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseNumber(e.target.value));
      }}
      placeholder={placeholder}
      aria-valuemin={min}
      aria-valuemax={max}
    />
  );
}
