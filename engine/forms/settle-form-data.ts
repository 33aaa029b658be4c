/**
 * @module Settles submitted data against a form before schema validation: drops unknown keys (with an
 * issue) and empty values, fills defaults, then — field by field in dependency order — decides
 * visibility (a hidden field's value is dropped, so fields depending on it see it absent), evaluates
 * computed fields, and finally decides required-ness. Inside a group row, expressions see the row's
 * fields over the enclosing data. Only keys of the form are ever written, into fresh objects, so
 * `__proto__` or `constructor` in the input cannot reach a prototype.
 */
import { evaluateExpression, ExpressionError, isTruthy } from '../expressions/evaluate-expression';
import { expressionMessages } from '../expressions/expression-messages';
import { createIssue, type Issue } from '../issues/issue';
import { childPointer } from '../issues/json-pointer';
import { pickText, type Locale } from '../issues/locale';
import { scopePlan } from './form-dependencies';
import { formDataIssue } from './form-messages';
import type { DataNode, FormScope } from './form-tree';
import { fieldTypeOf } from './fields/field-types';

export interface SettleOptions {
  locale: Locale;
  now?: Date;
}

export interface SettledData {
  value: Record<string, unknown>;
  issues: Issue[];
  /** Visibility of every data field by JSON Pointer (`/parts/0/qty` for row fields). */
  visible: Record<string, boolean>;
  /** Required-ness of every data field by JSON Pointer; hidden fields are never required. */
  required: Record<string, boolean>;
}

type Data = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Data {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `null` and `''` mean "not filled" wherever they appear. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isFilled(node: DataNode, value: unknown): boolean {
  if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) return false;
  const field = node.field;
  const check = field.type === 'group' ? undefined : fieldTypeOf(field).isFilled;
  return check ? check(value) : true;
}

/**
 * A deep copy through JSON, so the value shares nothing with the input or the definition and is plain
 * JSON (`-0` becomes `0`, `NaN` becomes `null`). What JSON cannot hold (a BigInt, a cycle) is kept as
 * it is and fails schema validation instead of throwing.
 */
function plainCopy(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return value;
  }
}

function label(node: DataNode, locale: Locale): string {
  return pickText(node.field.label, locale, node.key);
}

class Settler {
  readonly issues: Issue[] = [];
  readonly visible: Record<string, boolean> = {};
  readonly required: Record<string, boolean> = {};

  constructor(private readonly options: SettleOptions) {}

  /**
   * A saved condition or formula fails at run time only by overspending its evaluation budget — data
   * far larger than it was written for, e.g. a huge repeating group. That refuses the submission with
   * an issue at the field (`at`), like any other bad value, instead of failing the server.
   */
  private evaluate(logic: unknown, context: Data, at: string): unknown {
    try {
      return evaluateExpression(logic, context, { now: this.options.now });
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      for (const issue of error.issues)
        this.issues.push(
          createIssue(expressionMessages, issue.code, at, issue.params ?? {}, this.options.locale),
        );
      return undefined;
    }
  }

  /** Settles one object of `scope` (the whole data or one row) found at `base`. */
  settle(scope: FormScope, input: unknown, base: string, outer: Data | undefined): Data {
    const locale = this.options.locale;
    const value: Data = {};
    if (!isPlainObject(input)) {
      if (base === '') this.issues.push(formDataIssue('invalid-data', '', {}, locale));
      else if (scope.group) {
        const params = { field: scope.group.key, label: label(scope.group, locale), expected: 'object' };
        this.issues.push(formDataIssue('wrong-type', base, params, locale));
      }
      input = {};
    }
    for (const [key, raw] of Object.entries(input as Data)) {
      const node = scope.byKey.get(key);
      if (!node) {
        this.issues.push(formDataIssue('unknown-field', childPointer(base, key), { key }, locale));
        continue;
      }
      // Computed fields are recomputed; whatever was submitted for them is ignored.
      if (node.computed || isEmpty(raw)) continue;
      value[key] = node.rows ? raw : plainCopy(raw);
    }
    for (const node of scope.nodes) {
      const field = node.field;
      if (
        value[node.key] === undefined &&
        'default' in field &&
        field.default !== undefined &&
        !node.computed
      ) {
        value[node.key] = plainCopy(field.default);
      }
    }
    const context = (): Data => (outer ? { ...outer, ...value } : value);
    for (const node of scopePlan(scope).order) {
      const at = childPointer(base, node.key);
      const shown = node.visibleWhen.every((condition) =>
        isTruthy(this.evaluate(condition.logic, context(), at)),
      );
      this.visible[at] = shown;
      if (!shown) {
        delete value[node.key];
        this.required[at] = false;
        continue;
      }
      if (node.computed) {
        const field = node.field;
        let result = plainCopy(this.evaluate(node.computed.logic, context(), at));
        if (field.type !== 'group') result = fieldTypeOf(field).normalizeComputed?.(result) ?? result;
        if (isEmpty(result) || (typeof result === 'number' && !Number.isFinite(result)))
          delete value[node.key];
        else value[node.key] = result;
      }
      if (node.rows && Array.isArray(value[node.key])) {
        const rowContext = context();
        value[node.key] = (value[node.key] as unknown[]).map((row, i) =>
          this.settle(node.rows as FormScope, row, childPointer(at, i), rowContext),
        );
      }
    }
    for (const node of scope.nodes) {
      const at = childPointer(base, node.key);
      if (!this.visible[at]) continue;
      const field = node.field;
      const needed =
        field.required === true ||
        (node.requiredWhen !== undefined && isTruthy(this.evaluate(node.requiredWhen.logic, context(), at)));
      this.required[at] = needed;
      if (needed && !isFilled(node, value[node.key])) {
        this.issues.push(
          formDataIssue('required', at, { field: node.key, label: label(node, locale) }, locale),
        );
      }
    }
    return value;
  }
}

/** Settles `data` against the form whose top scope is `top`. */
export function settleFormData(top: FormScope, data: unknown, options: SettleOptions): SettledData {
  const settler = new Settler(options);
  const value = settler.settle(top, data, '', undefined);
  return { value, issues: settler.issues, visible: settler.visible, required: settler.required };
}
