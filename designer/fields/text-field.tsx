/** @module The single-line text control. */
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

export function TextField(props: FieldControlProps<FieldOf<'text'>>) {
  const { field, label: _label, ...rest } = props;
  return <PlainInput {...rest} placeholder={usePlaceholder(field)} maxLength={field.maxLength} />;
}
