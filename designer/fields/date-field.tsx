/** @module The calendar date control: the browser's date picker, the value `YYYY-MM-DD`. */
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';

export function DateField(props: FieldControlProps<FieldOf<'date'>>) {
  const { field: _field, label: _label, ...rest } = props;
  return <PlainInput {...rest} type="date" />;
}
