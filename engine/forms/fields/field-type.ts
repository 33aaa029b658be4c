/**
 * @module What a field type contributes to the form engine: its meta-schema branch, the JSON Schema
 * fragment of its data, its own definition checks, how other definitions see it (FieldInfo) and how
 * Ajv errors about its value become issues. One implementation per file in this folder.
 */
import type { ErrorObject } from 'ajv';
import type { FieldInfo } from '../../definitions/definition-context';
import type { Issue } from '../../issues/issue';
import type { Locale } from '../../issues/locale';

/** A JSON Schema 2020-12 object (the data schema is built, so it is loosely typed). */
export type DataSchema = Record<string, unknown>;

/** A refined issue code and params for an Ajv error about a field's value. */
export interface RefinedError {
  code: string;
  params: Record<string, unknown>;
}

export interface FieldTypeSpec<F extends { key: string; type: string }> {
  readonly type: F['type'];
  /** The field's branch of the form definition meta-schema. */
  readonly schema: object;
  /** Whether values are numbers (sums, averages and KPI formulas apply). */
  readonly numeric: boolean;
  /** Whether storage can build an expression index on the value (a single scalar). */
  readonly indexable: boolean;
  /** The JSON Schema of the field's value. */
  dataSchema(field: F): DataSchema;
  /** Type-specific definition checks (bounds, options, patterns); `path` points at the field. */
  checkDefinition?(field: F, path: string, locale: Locale): Issue[];
  /** Options and multiplicity as other definitions see them. */
  info?(field: F): Pick<FieldInfo, 'options' | 'multiple'>;
  /**
   * A more specific code for an Ajv error at or inside the value (phone format, file size, …);
   * `inner` is the error's pointer relative to the value (`''` for the value itself, `/0/size`).
   */
  refineError?(error: ErrorObject, field: F, inner: string): RefinedError | undefined;
  /** Whether a present value counts as filled for `required`; default: not '' and not []. */
  isFilled?(value: unknown): boolean;
  /** Normalizes the result of a `computed` expression before it is stored. */
  normalizeComputed?(value: unknown): unknown;
}
