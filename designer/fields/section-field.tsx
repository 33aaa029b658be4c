/**
 * @module A section: a titled block of fields that folds. `collapsed` sections start folded; a
 * section holding a field with a message opens so the message is seen.
 */
import { useId, useState, type ReactNode } from 'react';
import type { FieldOf } from './field-props';

export function SectionField({
  field,
  label,
  help,
  hasMessages,
  children,
}: {
  field: FieldOf<'section'>;
  label: string;
  help?: string;
  hasMessages: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(field.collapsed !== true);
  const bodyId = useId();
  const shown = open || hasMessages;
  return (
    <section className="form-section" data-section={field.key} aria-label={label || undefined}>
      {label && (
        <h2 className="section-title">
          <button
            type="button"
            className="section-toggle"
            aria-expanded={shown}
            aria-controls={bodyId}
            onClick={() => setOpen(!shown)}
          >
            <span aria-hidden="true">{shown ? '▾' : '▸'}</span> {label}
          </button>
        </h2>
      )}
      {help && shown && <p className="muted">{help}</p>}
      <div id={bodyId} hidden={!shown}>
        {children}
      </div>
    </section>
  );
}
