/** @module The product model control: a drop-down of the form's models, or the model typed when the form lists none. */
import type { FieldControlProps, FieldOf } from './field-props';
import { OptionSelect } from './option-select';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

export function ProductField(props: FieldControlProps<FieldOf<'product'>>) {
  const { field, label: _label, ...rest } = props;
  const placeholder = usePlaceholder(field);
  if (field.options) return <OptionSelect {...rest} options={field.options} />;
  return <PlainInput {...rest} placeholder={placeholder} autoComplete="off" maxLength={128} />;
}
