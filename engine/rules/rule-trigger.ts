/**
 * @module Whether an event wakes a rule: the outbox worker asks this for every event and rule before
 * computing any aggregate. Pure on the trigger; the worker skips disabled rules itself (a dry run
 * evaluates rules that are not enabled yet).
 */
import type { RuleDefinition } from './rule-definition.schema';
import type { RuleEvent } from './rule-record';

export function matchesTrigger(rule: Pick<RuleDefinition, 'key' | 'trigger'>, event: RuleEvent): boolean {
  const trigger = rule.trigger;
  if (trigger.type !== event.type) return false;
  if (event.type === 'schedule') return event.rule === undefined || event.rule === rule.key;
  if (trigger.type === 'schedule' || trigger.form !== event.form) return false;
  switch (event.type) {
    case 'record.created':
    case 'record.updated':
      return true;
    case 'stage.entered': {
      const t = trigger as Extract<typeof trigger, { type: 'stage.entered' }>;
      return (
        t.stage === event.stage && (t.flow === undefined || event.flow === undefined || t.flow === event.flow)
      );
    }
    case 'sla.warning':
    case 'sla.breach': {
      const t = trigger as Extract<typeof trigger, { type: 'sla.warning' | 'sla.breach' }>;
      const stageOk = t.stage === undefined || t.stage === event.stage;
      return stageOk && (t.flow === undefined || event.flow === undefined || t.flow === event.flow);
    }
  }
}
