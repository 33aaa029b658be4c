/** @module The check box: yes when ticked, no otherwise (a required one must be ticked). */
import { controlAttributes } from './control-attributes';
import type { FieldControlProps, FieldOf } from './field-props';

export function CheckboxField(props: FieldControlProps<FieldOf<'checkbox'>>) {
  const { value, onChange } = props;
  return (
    <input
      {...controlAttributes<HTMLInputElement>(props, 'disabled')}
      type="checkbox"
      checked={value === true}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}
