/** @module A `<select>` of options with an empty first choice: single choices of select and product fields. */
import { useLocale } from '../i18n/locale-context';
import { useMessages } from '../i18n/define-messages';
import { controlAttributes } from './control-attributes';
import type { FieldControlProps } from './field-props';
import { fieldMessages } from './field-messages';
import { optionLabel, type Option } from './option-label';

export function OptionSelect(
  props: Omit<FieldControlProps, 'field' | 'label'> & { options: readonly Option[] },
) {
  const { options, value, onChange } = props;
  const { locale } = useLocale();
  const t = useMessages(fieldMessages);
  const current = typeof value === 'string' ? value : '';
  const known = options.some((o) => o.value === current);
  return (
    <select
      {...controlAttributes<HTMLSelectElement>(props, 'disabled')}
      value={current}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{t('choose')}</option>
      {/* A stored value no longer among the options stays visible, so the engine's message makes sense. */}
      {current !== '' && !known && <option value={current}>{current}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {optionLabel(option, locale)}
        </option>
      ))}
    </select>
  );
}
