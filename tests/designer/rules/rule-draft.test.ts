import { describe, expect, it } from 'vitest';
import { validateDefinition, type RuleDefinition } from '../../../engine';
import {
  ACTION_TYPES,
  freshAggregateName,
  newAction,
  newAggregate,
  newRule,
  renameAggregateRefs,
  ruleReducer,
  TRIGGER_TYPES,
} from '../../../designer/rules/rule-draft';

const base = (): RuleDefinition => newRule('screen', { en: 'Screen', 'zh-CN': '' }, 'ticket');

describe('rule draft reducer', () => {
  it('starts from a valid rule', () => {
    const rule = base();
    expect(rule.title).toEqual({ en: 'Screen' });
    expect(rule.enabled).toBe(false);
    // The notify action needs a role; the document otherwise passes the meta-schema.
    expect(validateDefinition('rule', rule).map((i) => i.path)).not.toContain('/trigger');
  });

  it('changes the trigger type keeping the form', () => {
    for (const type of TRIGGER_TYPES) {
      const rule = ruleReducer(base(), { type: 'trigger-type', trigger: type });
      expect(rule.trigger.type).toBe(type);
      expect(rule.trigger.form).toBe('ticket');
    }
    const scheduled = ruleReducer(base(), { type: 'trigger-type', trigger: 'schedule' });
    expect(scheduled.trigger).toEqual({
      type: 'schedule',
      form: 'ticket',
      schedule: { every: 'day', at: '09:00' },
    });
  });

  it('adds, renames and removes aggregates, rewriting their references', () => {
    let rule = ruleReducer(base(), {
      type: 'aggregate-add',
      name: 'count1',
      aggregate: newAggregate('ticket'),
    });
    rule = ruleReducer(rule, { type: 'condition', condition: { '>=': [{ var: 'aggregates.count1' }, 3] } });
    rule = ruleReducer(rule, {
      type: 'action',
      index: 0,
      action: {
        type: 'notify',
        to: [{ role: 'rd-lead' }],
        template: { en: '{{aggregates.count1}} failures', 'zh-CN': '{{ aggregates.count1 }} 起' },
      },
    });
    rule = ruleReducer(rule, { type: 'aggregate-rename', from: 'count1', to: 'screenCount' });
    expect(Object.keys(rule.aggregates ?? {})).toEqual(['screenCount']);
    expect(rule.condition).toEqual({ '>=': [{ var: 'aggregates.screenCount' }, 3] });
    expect(rule.actions[0]).toMatchObject({
      template: { en: '{{aggregates.screenCount}} failures', 'zh-CN': '{{aggregates.screenCount}} 起' },
    });
    expect(validateDefinition('rule', rule)).toEqual([]);
    rule = ruleReducer(rule, { type: 'aggregate-remove', name: 'screenCount' });
    expect(rule.aggregates).toBeUndefined();
  });

  it('does not rename onto a taken name', () => {
    let rule = ruleReducer(base(), { type: 'aggregate-add', name: 'a', aggregate: newAggregate('ticket') });
    rule = ruleReducer(rule, { type: 'aggregate-add', name: 'b', aggregate: newAggregate('ticket') });
    expect(ruleReducer(rule, { type: 'aggregate-rename', from: 'a', to: 'b' })).toBe(rule);
    expect(freshAggregateName(['count1', 'count2'])).toBe('count3');
  });

  it('adds, moves and removes actions of every type', () => {
    let rule = base();
    for (const type of ACTION_TYPES)
      rule = ruleReducer(rule, { type: 'action-add', action: newAction(type, {}) });
    expect(rule.actions.map((a) => a.type)).toEqual(['notify', ...ACTION_TYPES]);
    rule = ruleReducer(rule, { type: 'action-move', index: 1, by: -1 });
    expect(rule.actions[0]!.type).toBe('create-record');
    rule = ruleReducer(rule, { type: 'action-remove', index: 0 });
    expect(rule.actions.length).toBe(ACTION_TYPES.length);
  });

  it('sets title, time zone, enabled, cool-down, and clears the condition', () => {
    let rule = ruleReducer(base(), { type: 'title', locale: 'zh-CN', text: '屏幕' });
    rule = ruleReducer(rule, { type: 'timezone', timezone: 'Europe/Paris' });
    rule = ruleReducer(rule, { type: 'enabled', enabled: true });
    rule = ruleReducer(rule, { type: 'cooldown', days: 7 });
    rule = ruleReducer(rule, { type: 'condition', condition: { '==': [1, 1] } });
    rule = ruleReducer(rule, { type: 'condition', condition: undefined });
    expect(rule).toMatchObject({
      title: { en: 'Screen', 'zh-CN': '屏幕' },
      timezone: 'Europe/Paris',
      enabled: true,
      cooldown: { days: 7 },
    });
    expect('condition' in rule).toBe(false);
    expect('cooldown' in ruleReducer(rule, { type: 'cooldown', days: null })).toBe(false);
  });

  it('renames references only to the renamed aggregate', () => {
    expect(
      renameAggregateRefs({ and: [{ var: 'aggregates.ab' }, { var: 'aggregates.a' }] }, 'a', 'z'),
    ).toEqual({
      and: [{ var: 'aggregates.ab' }, { var: 'aggregates.z' }],
    });
  });
});
