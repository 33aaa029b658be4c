/** @module The phone control: the dial pad on phones, autofill as a telephone number. */
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

export function PhoneField(props: FieldControlProps<FieldOf<'phone'>>) {
  const { field, label: _label, ...rest } = props;
  return (
    <PlainInput
      {...rest}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      maxLength={20}
      placeholder={usePlaceholder(field) ?? (field.region === 'intl' ? '+8613812345678' : '13812345678')}
    />
  );
}
