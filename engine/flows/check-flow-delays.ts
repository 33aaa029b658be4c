/**
 * @module Checks of a flow's delayed (`after`) transitions and named delays: every `after` entry names
 * a delay defined under `delays` (a number of milliseconds is refused: it cannot count business time,
 * and one flow mixing milliseconds and minutes is hard to read), final stages have none (the flow is
 * over, nothing waits there), delays last a positive number of minutes, and a delay's calendar is
 * known and used. Targets and reachability are checked with the other transitions (`check-flow-graph`).
 */
import type { DefinitionContext } from '../definitions/definition-context';
import { childPointer, pointer } from '../issues/json-pointer';
import { isBusinessDelay } from './after/delay-plan';
import type { IssueSink } from './check-flow-graph';
import { checkCalendarReference } from './check-flow-sla';
import type { FlowDefinition } from './flow-definition.schema';
import { isFinalStage, stageDelays, stagePath } from './flow-structure';

/** How XState reads an `after` key: a number of milliseconds unless it does not parse as one. */
export function isNumericDelay(key: string): boolean {
  return !Number.isNaN(+key);
}

export function checkFlowDelays(
  def: FlowDefinition,
  context: DefinitionContext | undefined,
  issue: IssueSink,
): void {
  const delays = def.delays ?? {};
  for (const [stage, config] of Object.entries(def.machine.states)) {
    if (config.after === undefined) continue;
    if (isFinalStage(config)) {
      issue('after-in-final-stage', childPointer(stagePath(stage), 'after'), { stage });
      continue;
    }
    for (const { delay, path } of stageDelays(stage, config)) {
      if (isNumericDelay(delay)) issue('numeric-delay', path, { delay, stage });
      else if (!Object.prototype.hasOwnProperty.call(delays, delay)) issue('unknown-delay', path, { delay });
    }
  }

  for (const [name, delay] of Object.entries(delays)) {
    const base = pointer('delays', name);
    if (!(delay.minutes > 0)) {
      issue('delay-not-positive', childPointer(base, 'minutes'), { delay: name, minutes: delay.minutes });
    }
    if (delay.calendar === undefined) continue;
    const path = childPointer(base, 'calendar');
    if (!isBusinessDelay(delay)) issue('delay-calendar-unused', path, { delay: name });
    else checkCalendarReference(delay.calendar, path, context, issue);
  }
}
