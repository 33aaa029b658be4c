/** @module The multi-line text control (fault descriptions, notes). */
import type { FieldControlProps, FieldOf } from './field-props';
import { usePlaceholder } from './use-placeholder';

export function TextareaField({
  field,
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
}: FieldControlProps<FieldOf<'textarea'>>) {
  return (
    <textarea
      id={id}
      name={name}
      rows={field.rows ?? 4}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      readOnly={readOnly}
      maxLength={field.maxLength}
      placeholder={usePlaceholder(field)}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      ref={inputRef as React.Ref<HTMLTextAreaElement>}
    />
  );
}
