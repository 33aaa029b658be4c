/**
 * @module Stage edits of a flow document, pure (document in, new document out): add, delete and
 * rename a stage keeping every reference to it whole (transition targets, the initial stage, SLA
 * policies' stage lists), its `meta` fields, its final / initial role.
 */
import {
  editDoc,
  hasOwn,
  ownPolicyKeys,
  uniqueKey,
  type FlowDoc,
  type StageDoc,
  type StageMeta,
  type TransitionObject,
  type TransitionValue,
} from './flow-doc';

/** Stage keys: identifiers (`stageKeySchema`). */
export const STAGE_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function addStage(
  doc: FlowDoc,
  label: { 'zh-CN': string; en: string },
): { doc: FlowDoc; stage: string } {
  const stage = uniqueKey('stage', (k) => hasOwn(doc.machine.states, k));
  const next = editDoc(doc, (d) => {
    d.machine.states[stage] = { meta: { label } };
  });
  return { doc: next, stage };
}

type Single = string | TransitionObject;

function mapOne(value: Single, map: (target: string) => string | undefined): Single | undefined {
  if (typeof value === 'string') return map(value);
  if (value.target === undefined) return value;
  const target = map(value.target);
  return target === undefined ? undefined : { ...value, target };
}

/** Maps a transition value's target(s) through `map`; a target mapped to undefined drops that transition. */
function mapTargets(
  value: TransitionValue,
  map: (target: string) => string | undefined,
): TransitionValue | undefined {
  if (!Array.isArray(value)) return mapOne(value, map);
  const list = value.flatMap((item) => mapOne(item, map) ?? []);
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : list;
}

function mapStageTargets(stage: StageDoc, map: (target: string) => string | undefined): void {
  for (const kind of ['on', 'after'] as const) {
    const entries = stage[kind];
    if (!entries) continue;
    const out: Record<string, TransitionValue> = {};
    for (const [key, value] of Object.entries(entries)) {
      const mapped = mapTargets(value, map);
      if (mapped !== undefined) out[key] = mapped;
    }
    if (Object.keys(out).length === 0) delete stage[kind];
    else stage[kind] = out;
  }
  if (stage.always !== undefined) {
    const mapped = mapTargets(stage.always, map);
    if (mapped === undefined) delete stage.always;
    else stage.always = mapped;
  }
}

/**
 * Removes `stage` and the transitions into it. Its own SLA policies go with it unless another stage
 * uses them; spanning policies forget it.
 */
export function deleteStage(doc: FlowDoc, stage: string): FlowDoc {
  if (!hasOwn(doc.machine.states, stage)) return doc;
  return editDoc(doc, (d) => {
    const own = ownPolicyKeys(d.machine.states[stage]);
    delete d.machine.states[stage];
    for (const config of Object.values(d.machine.states))
      mapStageTargets(config, (t) => (t === stage ? undefined : t));
    if (d.machine.initial === stage) d.machine.initial = Object.keys(d.machine.states)[0] ?? stage;
    if (!d.sla) return;
    const usedElsewhere = new Set(Object.values(d.machine.states).flatMap((s) => ownPolicyKeys(s)));
    d.sla.policies = d.sla.policies
      .filter((p) => !(own.includes(p.key) && !usedElsewhere.has(p.key) && p.stages === undefined))
      .map((p) => {
        const copy = { ...p };
        for (const list of ['stages', 'pauseIn'] as const) {
          const kept = copy[list]?.filter((s) => s !== stage);
          if (kept === undefined) continue;
          if (kept.length === 0) delete copy[list];
          else copy[list] = kept;
        }
        return copy;
      });
  });
}

/** Renames `from` to `to` (same place in the document order) and every reference to it. */
export function renameStage(doc: FlowDoc, from: string, to: string): FlowDoc {
  if (
    from === to ||
    !hasOwn(doc.machine.states, from) ||
    hasOwn(doc.machine.states, to) ||
    !STAGE_KEY_PATTERN.test(to)
  )
    return doc;
  return editDoc(doc, (d) => {
    d.machine.states = Object.fromEntries(
      Object.entries(d.machine.states).map(([k, v]) => [k === from ? to : k, v]),
    );
    for (const config of Object.values(d.machine.states))
      mapStageTargets(config, (t) => (t === from ? to : t));
    if (d.machine.initial === from) d.machine.initial = to;
    for (const policy of d.sla?.policies ?? []) {
      for (const list of ['stages', 'pauseIn'] as const) {
        if (policy[list]) policy[list] = policy[list]!.map((s) => (s === from ? to : s));
      }
    }
  });
}

/** Sets (or, given undefined, removes) `meta` fields of a stage. */
export function updateStageMeta(doc: FlowDoc, stage: string, patch: Partial<StageMeta>): FlowDoc {
  if (!hasOwn(doc.machine.states, stage)) return doc;
  return editDoc(doc, (d) => {
    const config = d.machine.states[stage]!;
    const meta: Record<string, unknown> = { ...(config.meta ?? {}) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete meta[key];
      else meta[key] = value;
    }
    if (Object.keys(meta).length === 0) delete config.meta;
    else config.meta = meta as StageMeta;
  });
}

/** Makes a stage final (it ends the flow, completed or cancelled) or an ordinary one again. */
export function setFinal(doc: FlowDoc, stage: string, final: boolean): FlowDoc {
  if (!hasOwn(doc.machine.states, stage)) return doc;
  const withType = editDoc(doc, (d) => {
    const config = d.machine.states[stage]!;
    if (final) config.type = 'final';
    else delete config.type;
  });
  return updateStageMeta(withType, stage, {
    outcome: final ? (doc.machine.states[stage]!.meta?.outcome ?? 'completed') : undefined,
  });
}

export function setInitial(doc: FlowDoc, stage: string): FlowDoc {
  if (!hasOwn(doc.machine.states, stage)) return doc;
  return editDoc(doc, (d) => {
    d.machine.initial = stage;
  });
}
