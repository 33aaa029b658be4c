/** @module The NPS question: 0 (not at all likely to recommend) to 10 (extremely likely). */
import { NPS_MAX, NPS_MIN } from '../../engine/forms/fields/nps-field';
import { useMessages } from '../i18n/define-messages';
import { fieldMessages } from './field-messages';
import type { FieldControlProps, FieldOf } from './field-props';
import { ScaleChoice } from './scale-choice';

export function NpsField(props: FieldControlProps<FieldOf<'nps'>>) {
  const { field: _field, ...rest } = props;
  const t = useMessages(fieldMessages);
  return (
    <ScaleChoice
      {...rest}
      className="nps"
      min={NPS_MIN}
      max={NPS_MAX}
      low={t('npsLow')}
      high={t('npsHigh')}
    />
  );
}
