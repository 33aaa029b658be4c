/**
 * @module The attributes every native field control repeats on its `<input>`, `<select>` or
 * `<textarea>`: the label's id, the form name, blur, the read-only lock, the ARIA state (required,
 * invalid, described by the help and messages) and the renderer's focus ref. A control spreads them
 * and adds its own value and change handling.
 */
import type { Ref } from 'react';
import type { FieldControlProps } from './field-props';

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * How a read-only field is locked: `readOnly` keeps typed text focusable and selectable; check boxes
 * and selects ignore `readonly`, so they are `disabled`.
 */
type Lock<E extends FormControl> = E extends HTMLSelectElement ? 'disabled' : 'disabled' | 'readOnly';

/** `aria-required` and `aria-invalid` (left out when false) and `aria-describedby`. */
export function fieldAria({
  required,
  invalid,
  describedBy,
}: Pick<FieldControlProps, 'required' | 'invalid' | 'describedBy'>) {
  return {
    'aria-required': required || undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  };
}

export type ControlAttributes<E extends FormControl> = ReturnType<typeof fieldAria> & {
  id: string;
  name: string;
  onBlur(): void;
  ref: Ref<E> | undefined;
} & Partial<Record<Lock<E>, boolean>>;

/** The attributes for the element `E` that stands for the whole field, locked by `lock` when read-only. */
export function controlAttributes<E extends FormControl>(
  props: Pick<
    FieldControlProps,
    'id' | 'name' | 'onBlur' | 'readOnly' | 'required' | 'invalid' | 'describedBy' | 'inputRef'
  >,
  lock: Lock<E>,
): ControlAttributes<E> {
  return {
    id: props.id,
    name: props.name,
    onBlur: props.onBlur,
    [lock]: props.readOnly,
    ...fieldAria(props),
    ref: props.inputRef as Ref<E> | undefined,
  } as ControlAttributes<E>;
}
