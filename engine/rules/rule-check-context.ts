/**
 * @module The shared state of one rule definition check: where issues go, which forms and fields
 * exist, and how a variable in the rule's data (`record.x`, `aggregates.y`, …) is judged. Split from
 * the checks themselves so trigger, aggregate and action checks read the same way.
 */
import type { DefinitionContext, FieldInfo } from '../definitions/definition-context';
import { checkExpression } from '../expressions/check-expression';
import { createIssue, type Issue } from '../issues/issue';
import type { Locale } from '../issues/locale';
import type { RuleDefinition } from './rule-definition.schema';
import { ruleMessages } from './rule-messages';
import { FIXED_SCOPE_KEYS } from './rule-scope';
import { variableReferences } from './rule-variables';

/** Rules check stage triggers through the context's optional `flowStages`. */
export type RuleDefinitionContext = DefinitionContext;

/** Whether `path` (`items.0.qty`) names a field of `fields` or something inside one. */
export function hasFieldPath(fields: Map<string, FieldInfo>, path: string): boolean {
  const segments = path.split('.');
  for (let i = 1; i <= segments.length; i += 1) if (fields.has(segments.slice(0, i).join('.'))) return true;
  return false;
}

export class RuleCheck {
  readonly issues: Issue[] = [];

  constructor(
    readonly rule: RuleDefinition,
    readonly context: RuleDefinitionContext | undefined,
    readonly locale: Locale,
  ) {}

  add(code: string, path: string, params: Record<string, unknown> = {}): void {
    this.issues.push(createIssue(ruleMessages, code, path, params, this.locale));
  }

  /** Reports an unknown form; true when the form is known or cannot be checked. */
  checkForm(form: string, path: string): boolean {
    if (!this.context || this.context.has('form', form)) return true;
    this.add('unknown-form', path, { form });
    return false;
  }

  /** The fields of a known form, `undefined` when they cannot be checked. */
  fields(form: string): Map<string, FieldInfo> | undefined {
    if (!this.context || !this.context.has('form', form)) return undefined;
    return this.context.formFields(form);
  }

  /** Reports a field `form` lacks; returns its info when known. */
  checkField(form: string, field: string, path: string): FieldInfo | undefined {
    const fields = this.fields(form);
    if (!fields) return undefined;
    const info = fields.get(field);
    if (!info && !hasFieldPath(fields, field)) this.add('unknown-field', path, { form, field });
    return info;
  }

  get isScheduled(): boolean {
    return this.rule.trigger.type === 'schedule';
  }

  /** An expression over one record's data (an aggregate filter): whitelist plus the form's fields. */
  checkRecordExpression(logic: unknown, path: string, form: string): void {
    this.issues.push(...checkExpression(logic, path, this.locale));
    for (const ref of variableReferences(logic, path)) this.checkField(form, ref.name, ref.path);
  }

  /** An expression over the rule's data (condition, mappings): whitelist plus every variable. */
  checkScopeExpression(logic: unknown, path: string): void {
    this.issues.push(...checkExpression(logic, path, this.locale));
    for (const ref of variableReferences(logic, path)) this.checkVariable(ref.name, ref.path);
  }

  /** Judges one variable of the rule's data, e.g. `record.model` or `aggregates.monthlyCount`. */
  checkVariable(name: string, path: string): void {
    const [root = '', ...restSegments] = name.split('.');
    const rest = restSegments.join('.');
    const trigger = this.rule.trigger;
    switch (root) {
      case 'record':
      case 'previous':
        if (this.isScheduled) return this.add('no-trigger-record', path);
        if (root === 'previous' && trigger.type === 'record.created') {
          return this.add('previous-not-available', path, { trigger: trigger.type, name });
        }
        if (rest !== '') this.checkField(trigger.form, rest, path);
        return;
      case 'aggregates': {
        const aggregate = restSegments[0];
        if (
          aggregate !== undefined &&
          !Object.prototype.hasOwnProperty.call(this.rule.aggregates ?? {}, aggregate)
        ) {
          this.add('unknown-aggregate', path, { name: aggregate });
        }
        return;
      }
      case 'group': {
        const primary = Object.values(this.rule.aggregates ?? {})[0];
        const field = restSegments[0];
        if (field !== undefined && !(primary?.groupBy ?? []).includes(field))
          this.add('unknown-variable', path, { name });
        return;
      }
      case 'window':
      case 'trigger':
      case 'rule': {
        const key = restSegments[0];
        if (key !== undefined && !FIXED_SCOPE_KEYS[root].includes(key))
          this.add('unknown-variable', path, { name });
        return;
      }
      default:
        this.add('unknown-variable', path, { name });
    }
  }
}
