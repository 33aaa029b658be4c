/**
 * @module What a user may do with a record now (`GET /api/records/:id/actions`): the flow events its
 * current stage has transitions for that the user's roles may send — a transition whose `meta.roles`
 * names none of them is left out, as the engine would refuse it (403); admins (no roles given) see
 * every one. Each action carries its button label (`meta.label` of the transition), the stage it leads
 * to, and the fields the current stage requires before the move (`meta.requiredFields`; none when
 * the move parks the ticket in a waiting stage or cancels it, which do not complete the stage), with
 * the ones the record leaves empty now. Guards are not judged here: data sent with the event may make
 * them hold.
 */
import type { FlowDefinition, LocalizedText } from '../../engine';
import { missingRequiredFields } from '../../engine/flows/required-fields';
import { loadFlow } from '../flows/flow-loader';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { loadInstance, loadRecord, snapshotOf, type RecordData } from './record-rows';

export interface RecordAction {
  event: string;
  /** The transition's button label, or null (show the event name). */
  label: LocalizedText | null;
  /** The stage it leads to (null: stays). */
  target: string | null;
  targetLabel: LocalizedText | null;
  /** Fields the current stage requires before this move. */
  requiresData: string[];
  /** Those of `requiresData` the record leaves empty now. */
  missing: string[];
}

type TransitionValue = string | { target?: string; meta?: { roles?: string[]; label?: LocalizedText } };

function alternatives(value: unknown): TransitionValue[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter(
    (v): v is TransitionValue => typeof v === 'string' || (typeof v === 'object' && v !== null),
  );
}

/** Moving into `to` completes the stage being left (see the engine's `walk-microsteps`). */
function completesStage(def: FlowDefinition, to: string | null): boolean {
  if (to === null) return true;
  const meta = def.machine.states[to]?.meta;
  return meta?.waiting !== true && meta?.outcome !== 'cancelled';
}

/** The actions of `stage` for a sender holding `roles` (undefined: not restricted). */
export function stageActions(
  def: FlowDefinition,
  stage: string,
  data: RecordData,
  roles: readonly string[] | undefined,
): RecordAction[] {
  const config = def.machine.states[stage];
  if (!config || config.type === 'final') return [];
  const actions: RecordAction[] = [];
  for (const [event, value] of Object.entries(config.on ?? {})) {
    const allowed = alternatives(value).filter((alt) => {
      const permitted = typeof alt === 'string' ? undefined : alt.meta?.roles;
      return !roles || !permitted || permitted.length === 0 || permitted.some((r) => roles.includes(r));
    });
    const first = allowed[0];
    if (first === undefined) continue;
    const target = (typeof first === 'string' ? first : first.target) ?? null;
    const label = allowed.map((alt) => (typeof alt === 'string' ? undefined : alt.meta?.label)).find(Boolean);
    const requiresData = allowed.some((alt) =>
      completesStage(def, typeof alt === 'string' ? alt : (alt.target ?? null)),
    )
      ? [...(config.meta?.requiredFields ?? [])]
      : [];
    actions.push({
      event,
      label: label ?? null,
      target,
      targetLabel: (target !== null ? def.machine.states[target]?.meta?.label : undefined) ?? null,
      requiresData,
      missing: requiresData.length > 0 ? missingRequiredFields(config, data) : [],
    });
  }
  return actions;
}

/** The actions record `id` offers a sender holding `roles` (undefined: an admin, not restricted). */
export async function recordActions(
  runtime: RuntimeContext,
  id: string,
  roles: readonly string[] | undefined,
): Promise<RecordAction[]> {
  const knex = runtime.db.knex;
  const row = await loadRecord(knex, id);
  const instance = await loadInstance(knex, id);
  if (!instance) return [];
  const snapshot = snapshotOf(instance);
  if (snapshot.status !== 'active') return [];
  const { definition } = await loadFlow(runtime, knex, instance.flow_key, Number(instance.flow_version));
  return stageActions(definition, snapshot.stage, readJson<RecordData>(row.data) ?? {}, roles);
}
