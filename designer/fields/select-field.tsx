/**
 * @module The select control: a drop-down for one option; with `multiple`, a list of check boxes
 * (easier than a multi-select box on a phone), the value the ticked options in definition order.
 */
import { useLocale } from '../i18n/locale-context';
import type { FieldControlProps, FieldOf } from './field-props';
import { optionLabel } from './option-label';
import { OptionSelect } from './option-select';

export function SelectField(props: FieldControlProps<FieldOf<'select'>>) {
  const { field, label: _label, ...rest } = props;
  const { locale } = useLocale();
  if (!field.multiple) return <OptionSelect {...rest} options={field.options} />;
  const chosen = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const toggle = (value: string, on: boolean) => {
    const next = field.options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v)));
    props.onChange(next);
  };
  return (
    <div className="choice-list" role="group" aria-describedby={props.describedBy}>
      {field.options.map((option, i) => (
        <label key={option.value} className="inline">
          <input
            type="checkbox"
            id={i === 0 ? props.id : undefined}
            name={props.name}
            value={option.value}
            checked={chosen.includes(option.value)}
            disabled={props.readOnly}
            onChange={(e) => toggle(option.value, e.target.checked)}
            onBlur={props.onBlur}
            aria-invalid={props.invalid || undefined}
          />
          {optionLabel(option, locale)}
        </label>
      ))}
    </div>
  );
}
