/** @module The decimal number control, with its unit after the box. */
import type { FieldControlProps, FieldOf } from './field-props';
import { NumericInput } from './numeric-input';
import { usePlaceholder } from './use-placeholder';

export function NumberField(props: FieldControlProps<FieldOf<'number'>>) {
  const { field, label: _label, ...rest } = props;
  return (
    <span className="with-unit">
      <NumericInput
        {...rest}
        decimals
        min={field.minimum}
        max={field.maximum}
        placeholder={usePlaceholder(field)}
      />
      {field.unit && <span className="unit">{field.unit}</span>}
    </span>
  );
}
