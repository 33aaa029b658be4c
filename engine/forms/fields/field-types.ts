/**
 * @module The registry of data field types: every type but the two containers (section, group), which
 * the form tree handles itself. Adding a field type means adding its file and one line here.
 */
import { attachmentFieldType, type AttachmentField } from './attachment-field';
import { cesFieldType, type CesField } from './ces-field';
import { checkboxFieldType, type CheckboxField } from './checkbox-field';
import { customerFieldType, type CustomerField } from './customer-field';
import { dateFieldType, type DateField } from './date-field';
import { datetimeFieldType, type DatetimeField } from './datetime-field';
import { emailFieldType, type EmailField } from './email-field';
import type { FieldTypeSpec } from './field-type';
import { integerFieldType, type IntegerField } from './integer-field';
import { moneyFieldType, type MoneyField } from './money-field';
import { npsFieldType, type NpsField } from './nps-field';
import { numberFieldType, type NumberField } from './number-field';
import { phoneFieldType, type PhoneField } from './phone-field';
import { productFieldType, type ProductField } from './product-field';
import { radioFieldType, type RadioField } from './radio-field';
import { ratingFieldType, type RatingField } from './rating-field';
import { regionFieldType, type RegionField } from './region-field';
import { selectFieldType, type SelectField } from './select-field';
import { serialFieldType, type SerialField } from './serial-field';
import { signatureFieldType, type SignatureField } from './signature-field';
import { textFieldType, type TextField } from './text-field';
import { textareaFieldType, type TextareaField } from './textarea-field';
import { userFieldType, type UserField } from './user-field';

/** A field that holds one value of its own (not a container). */
export type LeafField =
  | TextField
  | TextareaField
  | NumberField
  | IntegerField
  | MoneyField
  | DateField
  | DatetimeField
  | SelectField
  | RadioField
  | CheckboxField
  | RatingField
  | NpsField
  | CesField
  | PhoneField
  | EmailField
  | RegionField
  | ProductField
  | SerialField
  | AttachmentField
  | SignatureField
  | CustomerField
  | UserField;

export type LeafFieldType = LeafField['type'];

type Registry = { readonly [T in LeafFieldType]: FieldTypeSpec<Extract<LeafField, { type: T }>> };

export const leafFieldTypes: Registry = {
  text: textFieldType,
  textarea: textareaFieldType,
  number: numberFieldType,
  integer: integerFieldType,
  money: moneyFieldType,
  date: dateFieldType,
  datetime: datetimeFieldType,
  select: selectFieldType,
  radio: radioFieldType,
  checkbox: checkboxFieldType,
  rating: ratingFieldType,
  nps: npsFieldType,
  ces: cesFieldType,
  phone: phoneFieldType,
  email: emailFieldType,
  region: regionFieldType,
  product: productFieldType,
  serial: serialFieldType,
  attachment: attachmentFieldType,
  signature: signatureFieldType,
  customer: customerFieldType,
  user: userFieldType,
};

/** The spec of a leaf field's type, typed for that field. */
export function fieldTypeOf(field: LeafField): FieldTypeSpec<LeafField> {
  // The registry maps each type to the spec of exactly that type, which the index cannot express.
  return leafFieldTypes[field.type] as unknown as FieldTypeSpec<LeafField>;
}
