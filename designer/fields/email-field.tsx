/** @module The email control: a phone keyboard with `@`, autofill as email. */
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

export function EmailField(props: FieldControlProps<FieldOf<'email'>>) {
  const { field, label: _label, ...rest } = props;
  // type="email" would let the browser refuse the value itself; the engine's message is the one shown.
  return <PlainInput {...rest} placeholder={usePlaceholder(field)} inputMode="email" autoComplete="email" />;
}
