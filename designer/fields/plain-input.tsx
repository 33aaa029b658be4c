/** @module The one-line `<input>` the text-like controls share: the value is the string typed, '' when empty. */
import type { InputHTMLAttributes } from 'react';
import { controlAttributes } from './control-attributes';
import type { FieldControlProps } from './field-props';

type Extra = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete' | 'maxLength'>;

export function PlainInput(
  props: Omit<FieldControlProps, 'field' | 'label'> & Extra & { placeholder?: string },
) {
  const { value, onChange, placeholder, type, inputMode, autoComplete, maxLength } = props;
  return (
    <input
      {...controlAttributes<HTMLInputElement>(props, 'readOnly')}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      maxLength={maxLength}
    />
  );
}
