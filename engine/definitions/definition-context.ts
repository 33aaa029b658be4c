/**
 * @module What a definition may refer to outside itself. Reference checks (a flow requiring a field
 * its form lacks, a rule naming an unknown form) ask this context; a bundle builds one from its parts.
 */

/** One data field of a form as other definitions see it. */
export interface FieldInfo {
  /** The field key; nested fields of a repeating group are `group.field`. */
  key: string;
  /** The form field type, e.g. `text`, `rating`, `select`. */
  type: string;
  /** Whether the field's values are numbers (so sums, averages and KPI formulas apply). */
  numeric: boolean;
  /** Option values for choice fields. */
  options?: string[];
  /** Whether the value is a list (multi-select, attachments, repeating group). */
  multiple?: boolean;
}

export type DefinitionKind = 'form' | 'flow' | 'rule' | 'report' | 'dashboard' | 'calendar' | 'app';

export interface DefinitionContext {
  /** The data fields of form `formKey` by key, or `undefined` when no such form is known. */
  formFields(formKey: string): Map<string, FieldInfo> | undefined;
  /** Whether a definition of `kind` with `key` is known. */
  has(kind: DefinitionKind, key: string): boolean;
  /** The stage keys of flow `flowKey`, or `undefined` when no such flow is known. */
  flowStages?(flowKey: string): readonly string[] | undefined;
}
