/**
 * @module Which stage or transition an issue concerns, read from its JSON Pointer path, so the designer
 * can mark it on the graph and list it in that element's panel. A path inside a transition belongs to
 * the transition (the innermost one written there); inside a stage to the stage; a named guard, delay
 * or action to the transitions using it; a stage's own SLA policy to the stages naming it in
 * `meta.sla`. Whatever concerns the flow as a whole (its form, its calendar, a missing final stage, a
 * policy spanning stages) stays with the flow.
 */
import { parsePointer, type Issue } from '../../engine';
import { hasOwn, ownPolicyKeys, type FlowDoc } from './flow-doc';
import { listTransitions } from './transition-ref';

export interface IssueLike {
  code: string;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}

export interface PlacedIssues<I extends IssueLike = Issue> {
  /** Stage key → its issues. */
  stages: Map<string, I[]>;
  /** Transition id (its pointer) → its issues. */
  transitions: Map<string, I[]>;
  /** Issues of the flow as a whole. */
  flow: I[];
}

export interface IssuePlace {
  stages: string[];
  transitions: string[];
}

const within = (path: string, base: string) => path === base || path.startsWith(base + '/');

function tokensOf(path: string): string[] {
  try {
    return parsePointer(path);
  } catch {
    return [];
  }
}

/** Where one issue shows: the stages and transitions it concerns (both empty: the flow itself). */
export function placeIssue(doc: FlowDoc, path: string): IssuePlace {
  const none: IssuePlace = { stages: [], transitions: [] };
  const [root, name, ...rest] = tokensOf(path);
  const transitions = listTransitions(doc);

  if (root === 'machine' && name === 'states' && rest[0] !== undefined) {
    const stage = rest[0];
    if (!hasOwn(doc.machine.states, stage)) return none;
    const inner = transitions
      .filter((t) => t.stage === stage && within(path, t.path))
      .sort((a, b) => b.path.length - a.path.length)[0];
    return inner ? { stages: [], transitions: [inner.path] } : { stages: [stage], transitions: [] };
  }
  if (root === 'guards' && name !== undefined) {
    return { stages: [], transitions: transitions.filter((t) => t.guard?.name === name).map((t) => t.path) };
  }
  if (root === 'delays' && name !== undefined) {
    return { stages: [], transitions: transitions.filter((t) => t.delay === name).map((t) => t.path) };
  }
  if (root === 'actions' && name !== undefined) {
    return {
      stages: [],
      transitions: transitions.filter((t) => t.actions.some((a) => a.name === name)).map((t) => t.path),
    };
  }
  if (root === 'sla' && name === 'policies' && rest[0] !== undefined) {
    const policy = doc.sla?.policies[Number(rest[0])];
    if (!policy) return none;
    const owners = Object.entries(doc.machine.states)
      .filter(([, config]) => ownPolicyKeys(config).includes(policy.key))
      .map(([stage]) => stage);
    return { stages: owners, transitions: [] };
  }
  return none;
}

/** Every issue placed on its stages and transitions; the rest on the flow. */
export function placeIssues<I extends IssueLike>(doc: FlowDoc, issues: readonly I[]): PlacedIssues<I> {
  const placed: PlacedIssues<I> = { stages: new Map(), transitions: new Map(), flow: [] };
  const add = (map: Map<string, I[]>, key: string, issue: I) =>
    map.set(key, [...(map.get(key) ?? []), issue]);
  for (const issue of issues) {
    const place = placeIssue(doc, issue.path);
    for (const stage of place.stages) add(placed.stages, stage, issue);
    for (const id of place.transitions) add(placed.transitions, id, issue);
    if (place.stages.length === 0 && place.transitions.length === 0) placed.flow.push(issue);
  }
  return placed;
}

/** Issues from the engine and from the server, each once (same code at the same path). */
export function mergeIssues<I extends IssueLike>(...lists: readonly (readonly I[])[]): I[] {
  const seen = new Set<string>();
  const out: I[] = [];
  for (const issue of lists.flat()) {
    const key = `${issue.code}\u0000${issue.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
