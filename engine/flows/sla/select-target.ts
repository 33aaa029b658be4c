/**
 * @module Picks an SLA policy's target for an instance: the first target whose `when` matches wins.
 * A `when` key reads the context first (`tier`, `priority`), then the record data (`complexity`);
 * a list value means "any of". The checker makes the last target a default, but a policy without one
 * still yields a target: the last, so a clock never runs without a budget.
 */
import type { SlaPolicy } from '../flow-definition.schema';
import type { FlowContext } from '../flow-event';

export interface SelectedTarget {
  index: number;
  minutes: number;
}

function lookup(context: FlowContext, key: string): unknown {
  if (key !== 'data' && Object.prototype.hasOwnProperty.call(context, key)) return context[key];
  return Object.prototype.hasOwnProperty.call(context.data, key) ? context.data[key] : undefined;
}

function matches(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) return expected.some((value) => value === actual);
  return expected === actual;
}

export function selectTarget(policy: SlaPolicy, context: FlowContext): SelectedTarget {
  const targets = policy.targets;
  for (let index = 0; index < targets.length; index += 1) {
    const target = targets[index]!;
    const when = target.when ?? {};
    if (Object.entries(when).every(([key, expected]) => matches(expected, lookup(context, key)))) {
      return { index, minutes: target.minutes };
    }
  }
  const last = targets.length - 1;
  return { index: last, minutes: targets[last]?.minutes ?? 0 };
}
