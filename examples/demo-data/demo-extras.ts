/**
 * @module Everything the demo plays besides the tickets' own lives: the customers' survey answers.
 * Both the first run and `run-demo.ts` load a plan with these.
 */
import type { DemoPlan } from './demo-plan';
import { surveyActions } from './demo-survey-actions';
import type { DemoExtraAction } from './load-demo';

export function demoExtras(plan: DemoPlan): DemoExtraAction[] {
  return [...surveyActions(plan)];
}
