/**
 * @module The frame around every field: its label (a `<label>`, or a `<legend>` for controls made of
 * several inputs), the required mark, the help text and the engine's messages about it, linked to the
 * control with `aria-describedby` so they are read with it. `data-field` carries the field's JSON
 * Pointer, the same one the messages name.
 */
import type { ReactNode } from 'react';
import type { FieldFrame } from './field-props';

export interface FieldShellProps {
  frame: FieldFrame;
  /** The JSON Pointer of the field's value, e.g. `/parts/0/qty`. */
  pointer: string;
  id: string;
  label: string;
  help?: string;
  required: boolean;
  messages: string[];
  /** Shown read-only because an expression computes it. */
  computed?: boolean;
  children: ReactNode;
}

export const helpId = (id: string) => `${id}-help`;
export const messagesId = (id: string) => `${id}-messages`;

/** The ids `aria-describedby` should name for a field with this help and these messages. */
export function describedBy(id: string, help: string | undefined, messages: string[]): string | undefined {
  const ids = [help ? helpId(id) : undefined, messages.length > 0 ? messagesId(id) : undefined];
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** The required mark sits outside the `<label>`, so the control's name is the label alone. */
function Mark({ required }: { required: boolean }) {
  return required ? (
    <span className="required-mark" aria-hidden="true">
      *
    </span>
  ) : null;
}

export function FieldShell({
  frame,
  pointer,
  id,
  label,
  help,
  required,
  messages,
  computed,
  children,
}: FieldShellProps) {
  const invalid = messages.length > 0;
  const below = (
    <>
      {help && (
        <p className="field-help muted" id={helpId(id)}>
          {help}
        </p>
      )}
      {invalid && (
        <ul className="field-messages" id={messagesId(id)}>
          {messages.map((message, i) => (
            <li key={i} className="error">
              {message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  const className = `field field-${frame}${invalid ? ' invalid' : ''}${computed ? ' computed' : ''}`;
  if (frame === 'fieldset') {
    return (
      <fieldset className={className} data-field={pointer} aria-describedby={describedBy(id, help, messages)}>
        <legend>
          {label}
          <Mark required={required} />
        </legend>
        {children}
        {below}
      </fieldset>
    );
  }
  if (frame === 'inline') {
    return (
      <div className={className} data-field={pointer}>
        <div className="field-label-row">
          <label className="inline" htmlFor={id}>
            {children}
            <span>{label}</span>
          </label>
          <Mark required={required} />
        </div>
        {below}
      </div>
    );
  }
  return (
    <div className={className} data-field={pointer}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        <Mark required={required} />
      </div>
      {children}
      {below}
    </div>
  );
}
