/**
 * @module Checks of a flow's SLA policies: unique keys, stages that exist, known calendars and
 * escalation actions, warning fractions strictly inside (0, 1) and ascending, and a default target
 * last (the first match wins, so a ticket without one would run with no budget at all).
 */
import { isBuiltInCalendar } from '../calendars/built-in-calendars';
import type { DefinitionContext } from '../definitions/definition-context';
import { childPointer, pointer } from '../issues/json-pointer';
import type { IssueSink } from './check-flow-graph';
import type { FlowDefinition } from './flow-definition.schema';
import { stagePath, stagePolicyKeys } from './flow-structure';

export function checkCalendarReference(
  calendar: string,
  path: string,
  context: DefinitionContext | undefined,
  issue: IssueSink,
): void {
  if (!context || isBuiltInCalendar(calendar)) return;
  if (!context.has('calendar', calendar)) issue('unknown-calendar', path, { calendar });
}

export function checkFlowSla(
  def: FlowDefinition,
  context: DefinitionContext | undefined,
  issue: IssueSink,
): void {
  const policies = def.sla?.policies ?? [];
  const states = def.machine.states;
  const actions = def.actions ?? {};
  const seen = new Set<string>();

  policies.forEach((policy, i) => {
    const base = pointer('sla', 'policies', i);
    if (seen.has(policy.key)) issue('duplicate-policy', childPointer(base, 'key'), { name: policy.key });
    seen.add(policy.key);

    for (const list of ['stages', 'pauseIn'] as const) {
      (policy[list] ?? []).forEach((stage, j) => {
        if (!Object.prototype.hasOwnProperty.call(states, stage)) {
          issue('unknown-stage', childPointer(base, list, j), { stage });
        }
      });
    }
    if (policy.calendar !== undefined)
      checkCalendarReference(policy.calendar, childPointer(base, 'calendar'), context, issue);

    for (const when of ['onWarning', 'onBreach'] as const) {
      (policy.escalate?.[when] ?? []).forEach((name, j) => {
        if (!Object.prototype.hasOwnProperty.call(actions, name)) {
          issue('unknown-action', childPointer(base, 'escalate', when, j), { name });
        }
      });
    }

    const warnAt = policy.warnAt ?? [];
    warnAt.forEach((fraction, j) => {
      const path = childPointer(base, 'warnAt', j);
      if (!(fraction > 0 && fraction < 1)) issue('warn-fraction-out-of-range', path, { fraction });
      else if (j > 0 && fraction <= (warnAt[j - 1] as number)) {
        issue('warn-fractions-unsorted', path, { fraction, previous: warnAt[j - 1] });
      }
    });

    const targets = policy.targets;
    const firstDefault = targets.findIndex((t) => t.when === undefined || Object.keys(t.when).length === 0);
    if (firstDefault === -1) {
      issue('policy-without-default', childPointer(base, 'targets', targets.length - 1), {
        policy: policy.key,
      });
    } else {
      for (let j = firstDefault + 1; j < targets.length; j += 1) {
        issue('target-after-default', childPointer(base, 'targets', j), { policy: policy.key });
      }
    }
  });

  const defined = new Set(policies.map((p) => p.key));
  for (const [stage, config] of Object.entries(states)) {
    const sla = config.meta?.sla;
    const keys = stagePolicyKeys(config);
    keys.forEach((name, j) => {
      if (defined.has(name)) return;
      const path = childPointer(stagePath(stage), 'meta', 'sla');
      issue('unknown-policy', typeof sla === 'string' ? path : childPointer(path, j), { name });
    });
  }
}
