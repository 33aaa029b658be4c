/** @module The one-line `<input>` the text-like controls share: the value is the string typed, '' when empty. */
import type { InputHTMLAttributes } from 'react';
import type { FieldControlProps } from './field-props';

type Extra = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete' | 'maxLength'>;

export function PlainInput({
  id,
  name,
  value,
  onChange,
  onBlur,
  readOnly,
  required,
  invalid,
  describedBy,
  inputRef,
  placeholder,
  type,
  inputMode,
  autoComplete,
  maxLength,
}: Omit<FieldControlProps, 'field' | 'label'> & Extra & { placeholder?: string }) {
  return (
    <input
      id={id}
      name={name}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      readOnly={readOnly}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      ref={inputRef as React.Ref<HTMLInputElement>}
      placeholder={placeholder}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      maxLength={maxLength}
    />
  );
}
