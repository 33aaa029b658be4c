/** @module The star rating of a CSAT survey: 1 to 5 stars. */
import { RATING_MAX, RATING_MIN } from '../../engine/forms/fields/rating-field';
import { useMessages } from '../i18n/define-messages';
import { fieldMessages } from './field-messages';
import type { FieldControlProps, FieldOf } from './field-props';
import { ScaleChoice } from './scale-choice';

export function RatingField(props: FieldControlProps<FieldOf<'rating'>>) {
  const { field: _field, ...rest } = props;
  const t = useMessages(fieldMessages);
  return (
    <ScaleChoice
      {...rest}
      className="stars"
      min={RATING_MIN}
      max={RATING_MAX}
      face={() => '★'}
      name_={(n) => t('stars', { n })}
    />
  );
}
