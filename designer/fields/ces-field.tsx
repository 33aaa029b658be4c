/** @module The CES question: 1 (very difficult) to 7 (very easy), the scale's direction named at both ends. */
import { CES_MAX, CES_MIN } from '../../engine/forms/fields/ces-field';
import { useMessages } from '../i18n/define-messages';
import { fieldMessages } from './field-messages';
import type { FieldControlProps, FieldOf } from './field-props';
import { ScaleChoice } from './scale-choice';

export function CesField(props: FieldControlProps<FieldOf<'ces'>>) {
  const { field: _field, ...rest } = props;
  const t = useMessages(fieldMessages);
  return (
    <ScaleChoice
      {...rest}
      className="ces"
      min={CES_MIN}
      max={CES_MAX}
      low={t('cesLow')}
      high={t('cesHigh')}
    />
  );
}
