/**
 * @module What every field control receives from the form renderer, and the field definition types
 * it is typed with. A control renders the input(s) of one field type and reports the value in the
 * shape the engine validates (`number` for numbers, `{ province, city? }` for a region, file
 * references for attachments); the label, help text and messages around it are the renderer's.
 */
import type { Ref } from 'react';
import type { FieldDefinition } from '../../engine';

/** A field that holds data of its own (not a section or a repeating group). */
export type LeafField = Exclude<FieldDefinition, { type: 'section' | 'group' }>;
export type LeafFieldType = LeafField['type'];

/** The definition of a field of `type`. */
export type FieldOf<T extends FieldDefinition['type']> = Extract<FieldDefinition, { type: T }>;

/** `{ hash, name, size, contentType }`: an uploaded file as attachment and signature fields store it. */
export interface FileRef {
  hash: string;
  name: string;
  size: number;
  contentType: string;
}

/** Where and for which form files are uploaded. */
export interface UploadTarget {
  url: string;
}

export interface FieldControlProps<F extends LeafField = LeafField> {
  field: F;
  /** The id of the control the label points at (composite controls use it for their first input). */
  id: string;
  /** The react-hook-form name, e.g. `parts.0.qty`. */
  name: string;
  /** The field's label in the UI locale (composite controls name their parts with it). */
  label: string;
  value: unknown;
  onChange(value: unknown): void;
  onBlur(): void;
  readOnly: boolean;
  required: boolean;
  invalid: boolean;
  /** Ids of the help text and messages, for `aria-describedby`. */
  describedBy: string | undefined;
  inputRef?: Ref<HTMLElement>;
  /** Where files go; absent in the designer preview (uploads are disabled). */
  upload?: UploadTarget;
  /**
   * The engine's issues about this field were its value `value`, each with its path inside the value
   * (`''` for the value itself, `/2/size`). Attachments ask before uploading, so a file the field
   * refuses is not sent.
   */
  checkValue?(value: unknown): { path: string; message: string }[];
}

/** How the renderer frames a control: a `<label>` above it, a `<fieldset>` with a legend, or inline. */
export type FieldFrame = 'label' | 'fieldset' | 'inline';
