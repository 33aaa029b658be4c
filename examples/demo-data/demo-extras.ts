/**
 * @module Everything the demo plays besides the tickets' own lives: the customers' survey answers and
 * the improvement story (product lines, the spike's R&D task, a complaint through RCA to verification).
 * Both the first run and `run-demo.ts` load a plan with these.
 */
import type { DemoPlan } from './demo-plan';
import { storyActions } from './demo-story-actions';
import { surveyActions } from './demo-survey-actions';
import type { DemoExtraAction } from './load-demo';

export function demoExtras(plan: DemoPlan): DemoExtraAction[] {
  return [...surveyActions(plan), ...(plan.options.story ? storyActions(plan) : [])];
}
