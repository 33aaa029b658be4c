/**
 * @module Renders a form definition as a fillable form (react-hook-form), validated with the engine's
 * compiled validator so the preview, the public page and the server agree. PLACEHOLDER: the props are
 * the contract the form designer's preview and the fill page build against; the fill-page work replaces
 * the body (issue 4).
 */
import type { FormDefinition } from '../../engine';
import type { ApiIssue } from '../api/api-error';

export interface FormRendererProps {
  /** The definition to render: a published version, or the draft being designed (preview). */
  form: FormDefinition;
  /** Starting values (e.g. a record being edited); defaults from the definition otherwise. */
  initialData?: Record<string, unknown>;
  /**
   * Called with valid data (engine-validated). Resolve with issues (e.g. a server 422) to show them on
   * their fields; resolve with nothing when accepted.
   */
  onSubmit?(data: Record<string, unknown>): Promise<ApiIssue[] | void>;
  submitLabel?: string;
  /** Where attachment fields upload to; without it they are disabled (e.g. in the designer preview). */
  uploadUrl?: string;
  readOnly?: boolean;
}

export function FormRenderer({ form }: FormRendererProps) {
  return <p className="muted">{form.key}</p>;
}
