/**
 * @module The stage graph checks of a flow: transitions and the initial stage name real stages, every
 * stage can be reached from the initial one, no non-final stage is a dead end, and some stage is final
 * (a ticket that can never close is a flow bug, not a business choice). Guards are ignored here: a
 * stage reachable only through a guard is still reachable. Delayed (`after`) transitions count like
 * any other: a waiting stage whose only way out is an automatic close is not a dead end.
 */
import { childPointer, pointer } from '../issues/json-pointer';
import type { FlowDefinition } from './flow-definition.schema';
import { isFinalStage, stagePath, stageTransitions, type FlowTransition } from './flow-structure';

export type IssueSink = (code: string, path: string, params?: Record<string, unknown>) => void;

/** Every transition of the flow, in document order. */
export function allTransitions(def: FlowDefinition): FlowTransition[] {
  return Object.entries(def.machine.states).flatMap(([stage, config]) => stageTransitions(stage, config));
}

export function checkFlowGraph(def: FlowDefinition, issue: IssueSink): void {
  const states = def.machine.states;
  const known = (stage: string) => Object.prototype.hasOwnProperty.call(states, stage);
  const initial = def.machine.initial;
  if (!known(initial)) issue('unknown-stage', pointer('machine', 'initial'), { stage: initial });

  const edges = new Map<string, Set<string>>();
  let broken = !known(initial);
  for (const t of allTransitions(def)) {
    if (t.target === undefined) continue;
    if (!known(t.target)) {
      issue('unknown-stage', t.targetPath, { stage: t.target });
      broken = true;
      continue;
    }
    let out = edges.get(t.stage);
    if (!out) edges.set(t.stage, (out = new Set()));
    out.add(t.target);
  }

  const finals = Object.entries(states).filter(([, config]) => isFinalStage(config));
  if (finals.length === 0) issue('no-final-stage', pointer('machine', 'states'));

  // With a mistyped target the graph is broken: everything behind it would be reported unreachable,
  // burying the one real mistake. Reachability is judged once the targets are right.
  if (!broken) {
    const reached = new Set([initial]);
    const queue = [initial];
    for (let stage = queue.shift(); stage !== undefined; stage = queue.shift()) {
      for (const next of edges.get(stage) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const stage of Object.keys(states)) {
      if (!reached.has(stage)) issue('unreachable-stage', stagePath(stage), { stage, initial });
    }
  }

  for (const [stage, config] of Object.entries(states)) {
    if (isFinalStage(config)) continue;
    const exits = [...(edges.get(stage) ?? [])].filter((target) => target !== stage);
    // Point at where a way out belongs: the stage's `on`, or the stage itself when it has none.
    if (exits.length === 0) {
      issue('dead-end-stage', config.on ? childPointer(stagePath(stage), 'on') : stagePath(stage), { stage });
    }
  }
}
