/** @module The multi-line text control (fault descriptions, notes). */
import { controlAttributes } from './control-attributes';
import type { FieldControlProps, FieldOf } from './field-props';
import { usePlaceholder } from './use-placeholder';

export function TextareaField(props: FieldControlProps<FieldOf<'textarea'>>) {
  const { field, value, onChange } = props;
  return (
    <textarea
      {...controlAttributes<HTMLTextAreaElement>(props, 'readOnly')}
      rows={field.rows ?? 4}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      maxLength={field.maxLength}
      placeholder={usePlaceholder(field)}
    />
  );
}
