/** @module The radio control: every option shown, one chosen. */
import { useLocale } from '../i18n/locale-context';
import { fieldAria } from './control-attributes';
import type { FieldControlProps, FieldOf } from './field-props';
import { optionLabel } from './option-label';

export function RadioField(props: FieldControlProps<FieldOf<'radio'>>) {
  const { field, id, name, label, value, onChange, onBlur, readOnly } = props;
  const { locale } = useLocale();
  return (
    <div className="choice-list" role="radiogroup" aria-label={label} {...fieldAria(props)}>
      {field.options.map((option, i) => (
        <label key={option.value} className="inline">
          <input
            type="radio"
            id={i === 0 ? id : undefined}
            name={name}
            value={option.value}
            checked={value === option.value}
            disabled={readOnly}
            onChange={() => onChange(option.value)}
            onBlur={onBlur}
          />
          {optionLabel(option, locale)}
        </label>
      ))}
    </div>
  );
}
