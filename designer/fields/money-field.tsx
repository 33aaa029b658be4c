/** @module The money control: an amount with the field's currency (CNY unless the form says otherwise) before it. */
import { DEFAULT_CURRENCY } from '../../engine/forms/fields/money-field';
import type { FieldControlProps, FieldOf } from './field-props';
import { NumericInput } from './numeric-input';
import { usePlaceholder } from './use-placeholder';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

export function MoneyField(props: FieldControlProps<FieldOf<'money'>>) {
  const { field, label: _label, ...rest } = props;
  const currency = field.currency ?? DEFAULT_CURRENCY;
  return (
    <span className="with-unit">
      <span className="unit" title={currency}>
        {SYMBOLS[currency] ?? currency}
      </span>
      <NumericInput
        {...rest}
        decimals
        min={field.minimum}
        max={field.maximum}
        placeholder={usePlaceholder(field) ?? '0.00'}
      />
    </span>
  );
}
