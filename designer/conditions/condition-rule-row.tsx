/** @module One comparison of the condition builder: field, operator and the value(s) it needs. */
import { pickText, useLocale } from '../i18n/locale-context';
import { useMessages } from '../i18n/define-messages';
import type { ConditionField } from './condition-builder';
import { conditionMessages, type ConditionMessage } from './condition-messages';
import type { ConditionRule } from './condition-model';
import {
  OPERATORS_BY_KIND,
  arityOf,
  valueKindOf,
  type OperatorId,
  type ValueKind,
} from './condition-operators';
import { ValueInput, ValueListInput } from './condition-value-input';

interface RuleRowProps {
  rule: ConditionRule;
  fields: readonly ConditionField[];
  name: string;
  onChange(rule: ConditionRule): void;
  onRemove(): void;
}

/** The label of an operator for a kind: "is" for a choice, "equals (=)" for a number. */
export function useOperatorLabel(): (operator: OperatorId, kind: ValueKind) => string {
  const t = useMessages(conditionMessages);
  return (operator, kind) => {
    const specific = `op.${kind}.${operator}`;
    return specific in conditionMessages.en
      ? t(specific as ConditionMessage)
      : t(`op.${operator}` as ConditionMessage);
  };
}

/** The rule with its field changed: operator and value kept where they still fit. */
function withField(rule: ConditionRule, field: ConditionField | undefined, key: string): ConditionRule {
  const kind = field ? valueKindOf(field) : 'text';
  const operators = OPERATORS_BY_KIND[kind];
  const operator = operators.includes(rule.operator) ? rule.operator : (operators[0] as OperatorId);
  const next: ConditionRule = { kind: 'rule', id: rule.id, field: key, operator };
  if (kind === 'choice' && arityOf(operator) === 1 && field?.options?.[0] !== undefined)
    next.value = field.options[0];
  return next;
}

/** The rule with another operator; values are kept (unused ones are not written) so switching back restores them. */
function withOperator(rule: ConditionRule, operator: OperatorId): ConditionRule {
  const next: ConditionRule = { ...rule, operator };
  const arity = arityOf(operator);
  if (arity === 'list')
    next.value = Array.isArray(rule.value) ? rule.value : rule.value === undefined ? [] : [rule.value];
  else if (Array.isArray(rule.value)) next.value = rule.value[0];
  return next;
}

export function RuleRow({ rule, fields, name, onChange, onRemove }: RuleRowProps) {
  const t = useMessages(conditionMessages);
  const { locale } = useLocale();
  const operatorLabel = useOperatorLabel();
  const field = fields.find((f) => f.key === rule.field);
  const kind: ValueKind = field ? valueKindOf(field) : 'text';
  const operators = field
    ? OPERATORS_BY_KIND[kind]
    : [...new Set([rule.operator, ...OPERATORS_BY_KIND.text])];
  const arity = arityOf(rule.operator);
  return (
    <div role="group" aria-label={name} className="condition-rule">
      <select
        aria-label={t('field')}
        value={rule.field}
        onChange={(e) =>
          onChange(
            withField(
              rule,
              fields.find((f) => f.key === e.target.value),
              e.target.value,
            ),
          )
        }
      >
        {!field && (
          <option value={rule.field}>
            {rule.field ? t('missingField', { key: rule.field }) : t('choose')}
          </option>
        )}
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {pickText(f.label, locale) || f.key}
          </option>
        ))}
      </select>
      <select
        aria-label={t('operator')}
        value={rule.operator}
        onChange={(e) => onChange(withOperator(rule, e.target.value as OperatorId))}
      >
        {operators.map((op) => (
          <option key={op} value={op}>
            {operatorLabel(op, kind)}
          </option>
        ))}
      </select>
      {arity === 'list' && (
        <ValueListInput
          field={field}
          value={rule.value}
          label={t('value')}
          onChange={(value) => onChange({ ...rule, value })}
        />
      )}
      {(arity === 1 || arity === 2) && (
        <ValueInput
          field={field}
          kind={kind}
          value={rule.value}
          label={t('value')}
          chooseLabel={t('choose')}
          onChange={(value) => onChange({ ...rule, value })}
        />
      )}
      {arity === 2 && (
        <>
          <span className="muted">{t('valueTo')}</span>
          <ValueInput
            field={field}
            kind={kind}
            value={rule.value2}
            label={`${t('value')} 2`}
            chooseLabel={t('choose')}
            onChange={(value2) => onChange({ ...rule, value2 })}
          />
        </>
      )}
      <button
        type="button"
        className="link-button"
        aria-label={t('removeRule')}
        title={t('removeRule')}
        onClick={onRemove}
      >
        ✕
      </button>
    </div>
  );
}
