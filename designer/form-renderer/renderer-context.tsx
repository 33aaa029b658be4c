/**
 * @module What every field of a rendered form reads besides its own value: the engine's live view of
 * the data (visibility, required-ness and computed values by pointer), the messages, and the
 * renderer's settings. Computed once per change by the renderer, shared through context.
 */
import { createContext, useContext } from 'react';
import type { FieldErrors } from 'react-hook-form';
import type { UploadTarget } from '../fields/field-props';

export interface RendererState {
  /** Visibility of each data field by JSON Pointer (absent: not decided yet, shown). */
  visible: Record<string, boolean>;
  required: Record<string, boolean>;
  /** The engine's settled data: computed fields read their value here. */
  settled: Record<string, unknown>;
  errors: FieldErrors;
  readOnly: boolean;
  upload?: UploadTarget;
  /** Prefix of element ids, unique per rendered form. */
  idPrefix: string;
  /** The engine's issues about the field `name` / `pointer` were its value `value`. */
  checkValue(name: string, pointer: string, value: unknown): { path: string; message: string }[];
}

export const RendererContext = createContext<RendererState | null>(null);

export function useRenderer(): RendererState {
  const state = useContext(RendererContext);
  if (!state) throw new Error('Form fields render inside a FormRenderer');
  return state;
}
