/**
 * @module The customer control: the customer's id or account name as a string (a link or an agent
 * fills it; a lookup over the customer form is for the signed-in record page).
 */
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

export function CustomerField(props: FieldControlProps<FieldOf<'customer'>>) {
  const { field, label: _label, ...rest } = props;
  return <PlainInput {...rest} placeholder={usePlaceholder(field)} autoComplete="off" maxLength={64} />;
}
