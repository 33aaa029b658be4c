/**
 * @module The customer control. Signed in, with a `source` form to search, it is the customer picker
 * (`customer-picker.tsx`): search by name, phone or serial, store the id, show the name, fill the
 * field's `fill` targets. On the public fill page nobody is signed in and the customer records are not
 * the visitor's to search, so the id or account name is typed (or prefilled from a link).
 */
import { useSession } from '../api/session-context';
import { CustomerPicker } from './customer-picker';
import type { FieldControlProps, FieldOf } from './field-props';
import { PlainInput } from './plain-input';
import { usePlaceholder } from './use-placeholder';

/** Whether someone is signed in; forms also render outside the app's session (component tests). */
function useSignedIn(): boolean {
  try {
    return Boolean(useSession().user);
  } catch {
    return false;
  }
}

export function CustomerField(props: FieldControlProps<FieldOf<'customer'>>) {
  const signedIn = useSignedIn();
  const placeholder = usePlaceholder(props.field);
  const { field, label: _label, ...rest } = props;
  if (signedIn && field.source !== undefined) return <CustomerPicker {...props} source={field.source} />;
  return <PlainInput {...rest} placeholder={placeholder} autoComplete="off" maxLength={64} />;
}
