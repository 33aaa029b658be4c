/** @module The check box: yes when ticked, no otherwise (a required one must be ticked). */
import type { FieldControlProps, FieldOf } from './field-props';

export function CheckboxField({
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
}: FieldControlProps<FieldOf<'checkbox'>>) {
  return (
    <input
      id={id}
      name={name}
      type="checkbox"
      checked={value === true}
      onChange={(e) => onChange(e.target.checked)}
      onBlur={onBlur}
      disabled={readOnly}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      ref={inputRef as React.Ref<HTMLInputElement>}
    />
  );
}
