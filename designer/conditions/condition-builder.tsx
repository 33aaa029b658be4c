/**
 * @module Visual builder of a JSON-Logic condition over a form's fields (visibility, required-ness,
 * flow guards, rule conditions). PLACEHOLDER: the props are the contract other areas build against;
 * the form-designer work replaces the body with the real builder (issue 4).
 */
import type { FieldInfo, LocalizedText } from '../../engine';

/** A field the condition may read, with the label to show for it. */
export type ConditionField = FieldInfo & { label?: LocalizedText | string };

export interface ConditionBuilderProps {
  fields: readonly ConditionField[];
  /** The JSON-Logic condition; undefined means "always". */
  value: unknown;
  onChange(value: unknown): void;
  /** Prefix of the `var` paths written, e.g. `record.` for rule conditions; default none (form data). */
  varPrefix?: string;
  /** Accessible name of the builder, e.g. "Visible when". */
  label?: string;
}

export function ConditionBuilder({ value, label }: ConditionBuilderProps) {
  return (
    <pre aria-label={label} className="muted">
      {value === undefined ? '—' : JSON.stringify(value)}
    </pre>
  );
}
