/**
 * @module SLA edits of a flow document, pure: give a stage its own SLA policy (a clock that runs while
 * the ticket is in that stage, referenced from `meta.sla`), take it away, change a policy's targets,
 * warning fractions, calendar and priority-change choice. Also the flow's own header fields.
 */
import {
  editDoc,
  hasOwn,
  ownPolicyKeys,
  uniqueKey,
  type FlowDoc,
  type SlaPolicyDoc,
  type Text,
} from './flow-doc';

const policyKeyOf = (stage: string) =>
  (
    stage
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, '-')
      .replace(/^[^a-z]+/, '') || 'stage'
  ).slice(0, 56) + '-sla';

/** A new policy for `stage`: one default target of an hour, warnings at 50 % and 80 %. */
export function addStagePolicy(doc: FlowDoc, stage: string, title: Text): { doc: FlowDoc; policy?: string } {
  if (!hasOwn(doc.machine.states, stage)) return { doc };
  const taken = new Set((doc.sla?.policies ?? []).map((p) => p.key));
  const key = uniqueKey(policyKeyOf(stage), (k) => taken.has(k), '-');
  const next = editDoc(doc, (d) => {
    const policy: SlaPolicyDoc = {
      key,
      title,
      onPriorityChange: 'restart',
      warnAt: [0.5, 0.8],
      targets: [{ minutes: 60 }],
    };
    d.sla = { policies: [...(d.sla?.policies ?? []), policy] };
    const config = d.machine.states[stage]!;
    const own = ownPolicyKeys(config);
    config.meta = { ...(config.meta ?? {}), sla: own.length === 0 ? key : [...own, key] };
  });
  return { doc: next, policy: key };
}

/** Detaches policy `key` from `stage`, and deletes it when nothing else uses it. */
export function removeStagePolicy(doc: FlowDoc, stage: string, key: string): FlowDoc {
  if (!hasOwn(doc.machine.states, stage)) return doc;
  return editDoc(doc, (d) => {
    const config = d.machine.states[stage]!;
    const own = ownPolicyKeys(config).filter((k) => k !== key);
    const meta = { ...(config.meta ?? {}) };
    if (own.length === 0) delete meta.sla;
    else meta.sla = own.length === 1 ? own[0]! : own;
    if (Object.keys(meta).length === 0) delete config.meta;
    else config.meta = meta;
    const stillUsed = Object.values(d.machine.states).some((s) => ownPolicyKeys(s).includes(key));
    if (!d.sla || stillUsed) return;
    d.sla.policies = d.sla.policies.filter((p) => p.key !== key || p.stages !== undefined);
    if (d.sla.policies.length === 0) delete d.sla;
  });
}

export type PolicyPatch = Partial<
  Pick<SlaPolicyDoc, 'targets' | 'warnAt' | 'calendar' | 'onPriorityChange' | 'title'>
>;

/** Sets (or, given undefined, removes) fields of policy `key`. */
export function updatePolicy(doc: FlowDoc, key: string, patch: PolicyPatch): FlowDoc {
  const index = (doc.sla?.policies ?? []).findIndex((p) => p.key === key);
  if (index === -1) return doc;
  return editDoc(doc, (d) => {
    const policy = d.sla!.policies[index] as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) delete policy[field];
      else policy[field] = value;
    }
  });
}

export type FlowPatch = Partial<Pick<FlowDoc, 'title' | 'form' | 'calendar'>>;

/** Sets (or, given undefined, removes) the flow's title, form and default calendar. */
export function updateFlow(doc: FlowDoc, patch: FlowPatch): FlowDoc {
  return editDoc(doc, (d) => {
    const target = d as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined || value === '') delete target[field];
      else target[field] = value;
    }
  });
}
