/**
 * @module The rule being edited and every change the designer makes to it, as a pure reducer over
 * the rule definition itself (the document saved is exactly the state): title, time zone, trigger,
 * aggregates (add, rename, change, remove — renaming also rewrites `aggregates.<name>` in the
 * condition and the actions), condition, actions, cool-down and enabled.
 */
import type {
  AggregateDefinition,
  RuleAction,
  RuleDefinition,
  RuleTrigger,
} from '../../engine/rules/rule-definition.schema';

export type TriggerType = RuleTrigger['type'];
export type ActionType = RuleAction['type'];

export const TRIGGER_TYPES: readonly TriggerType[] = [
  'record.created',
  'record.updated',
  'stage.entered',
  'sla.warning',
  'sla.breach',
  'schedule',
];

export const ACTION_TYPES: readonly ActionType[] = [
  'create-record',
  'start-flow',
  'set-fields',
  'assign',
  'notify',
  'webhook',
];

export const RULE_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const AGGREGATE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function newRule(key: string, title: { 'zh-CN'?: string; en?: string }, form: string): RuleDefinition {
  const cleanTitle = Object.fromEntries(
    Object.entries(title).filter(([, v]) => v),
  ) as RuleDefinition['title'];
  return {
    key,
    title: Object.keys(cleanTitle).length > 0 ? cleanTitle : { en: key },
    enabled: false,
    timezone: 'Asia/Shanghai',
    trigger: { type: 'record.created', form },
    actions: [{ type: 'notify', to: [{ role: 'manager' }], template: { 'zh-CN': '', en: '' } }],
  } as RuleDefinition;
}

/** The trigger of `type` keeping the form (and flow/stage where both have them). */
export function triggerOfType(type: TriggerType, from: RuleTrigger): RuleTrigger {
  const form = from.form;
  const flow = 'flow' in from ? from.flow : undefined;
  const stage = 'stage' in from ? from.stage : undefined;
  switch (type) {
    case 'record.created':
    case 'record.updated':
      return { type, form };
    case 'stage.entered':
      return { type, form, ...(flow ? { flow } : {}), stage: stage ?? '' };
    case 'sla.warning':
    case 'sla.breach':
      return { type, form, ...(flow ? { flow } : {}), ...(stage ? { stage } : {}) };
    case 'schedule':
      return { type, form, schedule: { every: 'day', at: '09:00' } };
  }
}

export function newAggregate(form: string): AggregateDefinition {
  return { form, measure: { op: 'count' }, window: { type: 'calendar', unit: 'month' }, groupBy: [] };
}

/** A first name not taken yet: `count1`, `count2`, … */
export function freshAggregateName(taken: readonly string[], base = 'count'): string {
  for (let i = 1; ; i++) if (!taken.includes(`${base}${i}`)) return `${base}${i}`;
}

export function newAction(type: ActionType, forms: { target?: string; flow?: string }): RuleAction {
  switch (type) {
    case 'create-record':
      return { type, form: forms.target ?? '', map: {} };
    case 'start-flow':
      return { type, flow: forms.flow ?? '' };
    case 'set-fields':
      return { type, values: {} };
    case 'assign':
      return { type, to: { role: '' } };
    case 'notify':
      return { type, to: [{ role: '' }], template: { 'zh-CN': '', en: '' } };
    case 'webhook':
      return { type, url: 'https://' };
  }
}

/** `{"var":"aggregates.<from>…"}` → `…<to>…` everywhere in a JSON value; `{{aggregates.<from>}}` in text. */
export function renameAggregateRefs(value: unknown, from: string, to: string): unknown {
  const fromPath = `aggregates.${from}`;
  if (typeof value === 'string') {
    return value.replace(/\{\{\s*aggregates\.([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
      name === from ? `{{aggregates.${to}}}` : whole,
    );
  }
  if (Array.isArray(value)) return value.map((v) => renameAggregateRefs(v, from, to));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === 'var' && typeof entries[0]![1] === 'string') {
      const name = entries[0]![1];
      if (name === fromPath || name.startsWith(fromPath + '.'))
        return { var: `aggregates.${to}${name.slice(fromPath.length)}` };
      return value;
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, renameAggregateRefs(v, from, to)]));
  }
  return value;
}

export type RuleChange =
  | { type: 'replace'; rule: RuleDefinition }
  | { type: 'title'; locale: 'zh-CN' | 'en'; text: string }
  | { type: 'timezone'; timezone: string }
  | { type: 'enabled'; enabled: boolean }
  | { type: 'trigger-type'; trigger: TriggerType }
  | { type: 'trigger'; trigger: RuleTrigger }
  | { type: 'aggregate-add'; name: string; aggregate: AggregateDefinition }
  | { type: 'aggregate'; name: string; aggregate: AggregateDefinition }
  | { type: 'aggregate-rename'; from: string; to: string }
  | { type: 'aggregate-remove'; name: string }
  | { type: 'condition'; condition: unknown }
  | { type: 'action-add'; action: RuleAction }
  | { type: 'action'; index: number; action: RuleAction }
  | { type: 'action-remove'; index: number }
  | { type: 'action-move'; index: number; by: -1 | 1 }
  | { type: 'cooldown'; days: number | null };

export function ruleReducer(rule: RuleDefinition, change: RuleChange): RuleDefinition {
  switch (change.type) {
    case 'replace':
      return change.rule;
    case 'title': {
      const title: Record<string, string> = { ...rule.title };
      if (change.text) title[change.locale] = change.text;
      else delete title[change.locale];
      return { ...rule, title: title as RuleDefinition['title'] };
    }
    case 'timezone':
      return { ...rule, timezone: change.timezone };
    case 'enabled':
      return { ...rule, enabled: change.enabled };
    case 'trigger-type':
      return { ...rule, trigger: triggerOfType(change.trigger, rule.trigger) };
    case 'trigger':
      return { ...rule, trigger: change.trigger };
    case 'aggregate-add':
    case 'aggregate':
      return { ...rule, aggregates: { ...rule.aggregates, [change.name]: change.aggregate } };
    case 'aggregate-rename': {
      const { from, to } = change;
      if (from === to || !rule.aggregates?.[from] || rule.aggregates[to]) return rule;
      const aggregates = Object.fromEntries(
        Object.entries(rule.aggregates).map(([name, a]) => [name === from ? to : name, a]),
      );
      const next: RuleDefinition = {
        ...rule,
        aggregates,
        actions: renameAggregateRefs(rule.actions, from, to) as RuleDefinition['actions'],
      };
      if (rule.condition !== undefined) next.condition = renameAggregateRefs(rule.condition, from, to);
      return next;
    }
    case 'aggregate-remove': {
      const { [change.name]: _removed, ...rest } = rule.aggregates ?? {};
      const next = { ...rule, aggregates: rest };
      if (Object.keys(rest).length === 0) delete (next as Partial<RuleDefinition>).aggregates;
      return next;
    }
    case 'condition': {
      const next = { ...rule, condition: change.condition };
      if (change.condition === undefined) delete next.condition;
      return next;
    }
    case 'action-add':
      return { ...rule, actions: [...rule.actions, change.action] };
    case 'action':
      return { ...rule, actions: rule.actions.map((a, i) => (i === change.index ? change.action : a)) };
    case 'action-remove':
      return { ...rule, actions: rule.actions.filter((_, i) => i !== change.index) };
    case 'action-move': {
      const to = change.index + change.by;
      if (to < 0 || to >= rule.actions.length) return rule;
      const actions = [...rule.actions];
      [actions[change.index], actions[to]] = [actions[to]!, actions[change.index]!];
      return { ...rule, actions };
    }
    case 'cooldown': {
      const next = { ...rule };
      if (change.days === null) delete next.cooldown;
      else next.cooldown = { days: change.days };
      return next;
    }
  }
}
