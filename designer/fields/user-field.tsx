/**
 * @module The user control: a team member's user id as a string. Public pages have no user
 * directory to pick from, so the id is typed (or prefilled from a link).
 */
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

export function UserField(props: FieldControlProps<FieldOf<'user'>>) {
  const { field, label: _label, ...rest } = props;
  return <PlainInput {...rest} placeholder={usePlaceholder(field)} autoComplete="off" maxLength={64} />;
}
