/**
 * @module The control of each field type and how the renderer frames it. Adding a field type to the
 * engine means adding its control file and one line here (the type checker lists a missing one).
 */
import type { ComponentType } from 'react';
import { AttachmentField } from './attachment-field';
import { CesField } from './ces-field';
import { CheckboxField } from './checkbox-field';
import { CustomerField } from './customer-field';
import { DateField } from './date-field';
import { DatetimeField } from './datetime-field';
import { EmailField } from './email-field';
import type { FieldControlProps, FieldFrame, FieldOf, LeafFieldType } from './field-props';
import { IntegerField } from './integer-field';
import { MoneyField } from './money-field';
import { NpsField } from './nps-field';
import { NumberField } from './number-field';
import { PhoneField } from './phone-field';
import { ProductField } from './product-field';
import { RadioField } from './radio-field';
import { RatingField } from './rating-field';
import { RegionField } from './region-field';
import { SelectField } from './select-field';
import { SerialField } from './serial-field';
import { SignatureField } from './signature-field';
import { TextField } from './text-field';
import { TextareaField } from './textarea-field';
import { UserField } from './user-field';
import './fields.css';

export interface FieldView<T extends LeafFieldType> {
  Control: ComponentType<FieldControlProps<FieldOf<T>>>;
  frame: FieldFrame | ((field: FieldOf<T>) => FieldFrame);
}

type Registry = { readonly [T in LeafFieldType]: FieldView<T> };

export const FIELD_VIEWS: Registry = {
  text: { Control: TextField, frame: 'label' },
  textarea: { Control: TextareaField, frame: 'label' },
  number: { Control: NumberField, frame: 'label' },
  integer: { Control: IntegerField, frame: 'label' },
  money: { Control: MoneyField, frame: 'label' },
  date: { Control: DateField, frame: 'label' },
  datetime: { Control: DatetimeField, frame: 'label' },
  select: { Control: SelectField, frame: (field) => (field.multiple ? 'fieldset' : 'label') },
  radio: { Control: RadioField, frame: 'fieldset' },
  checkbox: { Control: CheckboxField, frame: 'inline' },
  rating: { Control: RatingField, frame: 'fieldset' },
  nps: { Control: NpsField, frame: 'fieldset' },
  ces: { Control: CesField, frame: 'fieldset' },
  phone: { Control: PhoneField, frame: 'label' },
  email: { Control: EmailField, frame: 'label' },
  region: { Control: RegionField, frame: 'fieldset' },
  product: { Control: ProductField, frame: 'label' },
  serial: { Control: SerialField, frame: 'label' },
  attachment: { Control: AttachmentField, frame: 'fieldset' },
  signature: { Control: SignatureField, frame: 'fieldset' },
  customer: { Control: CustomerField, frame: 'label' },
  user: { Control: UserField, frame: 'label' },
};

/** The view of a field's type, typed for any leaf field. */
export function fieldViewOf(type: LeafFieldType): FieldView<LeafFieldType> {
  // Each entry is the view of exactly its type, which an index over the union cannot express.
  return FIELD_VIEWS[type] as unknown as FieldView<LeafFieldType>;
}
