/** @module The whole-number control (quantities, counts), with its unit after the box. */
import type { FieldControlProps, FieldOf } from './field-props';
import { NumericInput } from './numeric-input';
import { usePlaceholder } from './use-placeholder';

export function IntegerField(props: FieldControlProps<FieldOf<'integer'>>) {
  const { field, label: _label, ...rest } = props;
  return (
    <span className="with-unit">
      <NumericInput
        {...rest}
        decimals={false}
        min={field.minimum}
        max={field.maximum}
        placeholder={usePlaceholder(field)}
      />
      {field.unit && <span className="unit">{field.unit}</span>}
    </span>
  );
}
