/** @module The serial number control (the unit's serial, as printed on its label). */
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

export function SerialField(props: FieldControlProps<FieldOf<'serial'>>) {
  const { field, label: _label, ...rest } = props;
  return <PlainInput {...rest} placeholder={usePlaceholder(field)} autoComplete="off" maxLength={64} />;
}
