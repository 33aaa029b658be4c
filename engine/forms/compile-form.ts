/**
 * @module Compiles a form definition into its validator, once per definition object and once per
 * published `key@version`: the derived data schema compiled by Ajv, plus the engine's own steps Ajv
 * cannot express (visibility, conditional required-ness, computed fields, defaults). Every problem is
 * an issue with the pointer of the field itself and a message naming it by its label.
 */
import type { ValidateFunction } from 'ajv';
import type { Issue } from '../issues/issue';
import type { Locale } from '../issues/locale';
import { dataIssues } from './data-issues';
import { compileDataSchema } from './form-ajv';
import { formDataSchema } from './form-data-schema';
import type { FormDefinition } from './form-definition.schema';
import { formTree, type FormScope } from './form-tree';
import { settleFormData } from './settle-form-data';
import type { DataSchema } from './fields/field-type';

export interface ValidateOptions {
  locale?: Locale;
  /** The clock of `{"now": []}` in the form's expressions. */
  now?: Date;
}

export interface FormValidation {
  ok: boolean;
  /** The data as it would be stored: known fields only, defaults filled, computed fields set, hidden fields dropped. */
  value: Record<string, unknown>;
  issues: Issue[];
}

export interface CompiledForm {
  readonly form: FormDefinition;
  /** The JSON Schema 2020-12 of the form's data. */
  readonly schema: DataSchema;
  validate(data: unknown, options?: ValidateOptions): FormValidation;
  /** Visibility of every data field for `data`, by JSON Pointer (`/detail`, `/parts/0/qty`). */
  visible(data: unknown, options?: ValidateOptions): Record<string, boolean>;
  /** Required-ness of every data field for `data`, by JSON Pointer; hidden fields are not required. */
  required(data: unknown, options?: ValidateOptions): Record<string, boolean>;
}

class FormValidator implements CompiledForm {
  readonly schema: DataSchema;
  private readonly top: FormScope;
  private readonly check: ValidateFunction;

  constructor(readonly form: FormDefinition) {
    this.schema = formDataSchema(form);
    this.top = formTree(form);
    // Required-ness is decided by the engine (it depends on the data); the rest of the schema is Ajv's.
    this.check = compileDataSchema(formDataSchema(form, { required: false }));
  }

  validate(data: unknown, options: ValidateOptions = {}): FormValidation {
    const locale = options.locale ?? 'en';
    const settled = settleFormData(this.top, data, { locale, now: options.now });
    const issues = [...settled.issues];
    if (!this.check(settled.value)) {
      const known = new Set(issues.map((i) => `${i.code} ${i.path}`));
      for (const issue of dataIssues(this.top, this.check.errors ?? [], locale)) {
        if (!known.has(`${issue.code} ${issue.path}`)) issues.push(issue);
      }
    }
    return { ok: issues.length === 0, value: settled.value, issues };
  }

  visible(data: unknown, options: ValidateOptions = {}): Record<string, boolean> {
    return settleFormData(this.top, data, { locale: options.locale ?? 'en', now: options.now }).visible;
  }

  required(data: unknown, options: ValidateOptions = {}): Record<string, boolean> {
    return settleFormData(this.top, data, { locale: options.locale ?? 'en', now: options.now }).required;
  }
}

const byObject = new WeakMap<FormDefinition, CompiledForm>();

/** Published versions are immutable, so one compilation serves every copy of the same `key@version`. */
const byVersion = new Map<string, CompiledForm>();
const MAX_VERSIONS_CACHED = 500;

/**
 * The compiled validator of `form`. Compiles once per definition object, and once per `key@version`
 * when the form carries a version (drafts have none and are cached by object only).
 */
export function compileForm(form: FormDefinition): CompiledForm {
  const cached = byObject.get(form);
  if (cached) return cached;
  const versionKey = form.version === undefined ? undefined : `${form.key}@${form.version}`;
  let compiled = versionKey === undefined ? undefined : byVersion.get(versionKey);
  if (!compiled) {
    compiled = new FormValidator(form);
    if (versionKey !== undefined) {
      if (byVersion.size >= MAX_VERSIONS_CACHED) byVersion.delete(byVersion.keys().next().value as string);
      byVersion.set(versionKey, compiled);
    }
  }
  byObject.set(form, compiled);
  return compiled;
}
