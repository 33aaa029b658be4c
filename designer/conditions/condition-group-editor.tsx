/** @module An AND / OR group of the condition builder: its comparisons and nested groups, with add and remove. */
import { useMessages } from '../i18n/define-messages';
import type { ConditionField } from './condition-builder';
import { conditionMessages } from './condition-messages';
import {
  emptyGroup,
  newId,
  type ConditionGroup,
  type ConditionNode,
  type ConditionRule,
} from './condition-model';
import { OPERATORS_BY_KIND, valueKindOf, type OperatorId } from './condition-operators';
import { RuleRow } from './condition-rule-row';

/** Groups nest this deep below the top one: (a AND b) OR (c AND d) needs one level. */
const MAX_NESTING = 2;

interface GroupEditorProps {
  group: ConditionGroup;
  fields: readonly ConditionField[];
  /** "1.2" style position of the group, '' for the top one. */
  position: string;
  depth: number;
  onChange(group: ConditionGroup): void;
  onRemove?(): void;
}

function newRule(fields: readonly ConditionField[]): ConditionRule {
  const field = fields[0];
  if (!field) return { kind: 'rule', id: newId(), field: '', operator: 'eq' };
  const kind = valueKindOf(field);
  const operator = OPERATORS_BY_KIND[kind][0] as OperatorId;
  const rule: ConditionRule = { kind: 'rule', id: newId(), field: field.key, operator };
  if (kind === 'choice' && field.options?.[0] !== undefined) rule.value = field.options[0];
  return rule;
}

export function GroupEditor({ group, fields, position, depth, onChange, onRemove }: GroupEditorProps) {
  const t = useMessages(conditionMessages);
  const setItem = (index: number, item: ConditionNode) =>
    onChange({ ...group, items: group.items.map((old, i) => (i === index ? item : old)) });
  const removeItem = (index: number) =>
    onChange({ ...group, items: group.items.filter((_, i) => i !== index) });
  const add = (item: ConditionNode) => onChange({ ...group, items: [...group.items, item] });
  const numberOf = (i: number) => (position ? `${position}.${i + 1}` : String(i + 1));

  return (
    <div className={depth === 0 ? 'condition-group top' : 'condition-group'}>
      {group.items.length > 1 && (
        <label className="inline condition-combine">
          {t('match')}
          <select
            aria-label={t('combine')}
            value={group.combinator}
            onChange={(e) => onChange({ ...group, combinator: e.target.value as 'and' | 'or' })}
          >
            <option value="and">{t('all')}</option>
            <option value="or">{t('any')}</option>
          </select>
        </label>
      )}
      {depth === 0 && group.items.length === 0 && <p className="muted condition-always">{t('always')}</p>}
      {group.items.map((item, i) =>
        item.kind === 'rule' ? (
          <RuleRow
            key={item.id}
            rule={item}
            fields={fields}
            name={t('rule', { n: numberOf(i) })}
            onChange={(rule) => setItem(i, rule)}
            onRemove={() => removeItem(i)}
          />
        ) : (
          <div key={item.id} role="group" aria-label={t('group', { n: numberOf(i) })}>
            <GroupEditor
              group={item}
              fields={fields}
              position={numberOf(i)}
              depth={depth + 1}
              onChange={(g) => setItem(i, g)}
              onRemove={() => removeItem(i)}
            />
          </div>
        ),
      )}
      <div className="row condition-actions">
        <button type="button" disabled={fields.length === 0} onClick={() => add(newRule(fields))}>
          + {t('addRule')}
        </button>
        {depth < MAX_NESTING && (
          <button
            type="button"
            disabled={fields.length === 0}
            onClick={() =>
              add({ ...emptyGroup(group.combinator === 'and' ? 'or' : 'and'), items: [newRule(fields)] })
            }
          >
            + {t('addGroup')}
          </button>
        )}
        {onRemove && (
          <button type="button" className="link-button" onClick={onRemove}>
            {t('removeGroup')}
          </button>
        )}
      </div>
    </div>
  );
}
